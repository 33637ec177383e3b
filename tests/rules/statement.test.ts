import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

/** A table 5-1 with one 项 line and a total, then the case's statements (the figure on line 20). */
const withStatements = (statements: string) => `
  tables:
    - id: t5-1
      title: 一般公共预算支出表（分功能科目）
      total: { amount: 825.04 }
      lines:
        - { code: "2010350", name: 事业运行, amount: 308.86, change: 87.37, growth: 39.45% }
        - { code: "2010399", name: 其他, amount: 516.18 }
    - id: t3
      title: 部门支出总表
      columns: [{ id: total, name: 合计, sum: [basic] }, { id: basic, name: 基本支出 }]
      total: { amount: { total: 825.04, basic: 825.04 } }
  statements:
${statements}
`;

describe("statement", () => {
  testRule("statement", {
    valid: [
      {
        name: "a sentence that restates a line exactly",
        body: withStatements(`
    - text: 事业运行 2025 年预算数 308.86 万元，比 2024 年预算增加 87.37 万元，增长 39.45%，主要是人员异动。
      figures:
        - { restates: t5-1/2010350, amount: 308.86, change: 87.37, growth: 39.45% }`),
      },
      {
        name: "a table total and a column total",
        body: withStatements(`
    - text: 一般公共预算拨款 825.04 万元，其中基本支出 825.04 万元。
      figures:
        - { restates: t5-1, amount: 825.04 }
        - { restates: "t3:basic", amount: 825.04 }`),
      },
      {
        name: "a stated prior equal to amount − change",
        body: withStatements(`
    - text: 事业运行 2025 年 308.86 万元，2024 年 221.49 万元。
      figures:
        - { restates: t5-1/2010350, amount: 308.86, prior: 221.49 }`),
      },
    ],
    invalid: [
      {
        name: "the narrative's figure differs from its table",
        body: withStatements(`
    - text: 事业运行 2025 年预算数 309.86 万元。
      figures:
        - { restates: t5-1/2010350, amount: 309.86 }`),
        findings: [{ messageId: "mismatch", line: 20, expected: "308.86", actual: "309.86", difference: "1" }],
      },
      {
        name: "a restated growth rate 0.10 points off",
        body: withStatements(`
    - text: 比 2024 年预算增加 87.37 万元，增长 39.55%。
      figures:
        - { restates: t5-1/2010350, change: 87.37, growth: 39.55% }`),
        findings: [{ messageId: "mismatch", line: 20, expected: "39.45%", actual: "39.55%" }],
      },
      {
        name: "a figure restated at fewer decimals agrees only when rounded: info",
        body: withStatements(`
    - text: 事业运行 308.9 万元。
      figures:
        - { restates: t5-1/2010350, amount: 308.9 }`),
        findings: [{ messageId: "coarse", line: 20, severity: "info" }],
      },
      {
        name: "a line that does not exist",
        body: withStatements(`
    - text: 机关服务 12 万元。
      figures:
        - { restates: t5-1/2010303, amount: 12 }`),
        findings: [{ messageId: "unknown-reference", line: 20 }],
      },
      {
        name: "a table that does not exist",
        body: withStatements(`
    - text: 合计 12 万元。
      figures:
        - { restates: t99, amount: 12 }`),
        findings: [{ messageId: "unknown-reference", line: 20 }],
      },
      {
        name: "减少 in the text with a positive change",
        body: withStatements(`
    - text: 比 2024 年预算减少 87.37 万元，增长 39.45%。
      figures:
        - { restates: t5-1/2010350, change: 87.37, growth: 39.45% }`),
        findings: [{ messageId: "direction", line: 20 }],
      },
      {
        name: "a figure the sentence does not print",
        body: withStatements(`
    - text: 事业运行 2025 年预算数 308.86 万元。
      figures:
        - { restates: t5-1/2010350, amount: 308.86, change: 87.37 }`),
        findings: [{ messageId: "not-in-text", line: 20 }],
      },
      {
        name: "a sentence that prints a figure other than the declared one (516.19 for 516.18)",
        body: withStatements(`
    - text: 其他支出 2025 年预算数 516.19 万元。
      figures:
        - { restates: t5-1/2010399, amount: 516.18 }`),
        findings: [{ messageId: "not-in-text", line: 20 }],
      },
      {
        name: "the narrative's amount − change is not the table's prior-year amount",
        body: `
          tables:
            - id: t
              title: 表
              lines: [{ id: a, name: 甲, amount: 308.86, prior: 221.49 }]
          statements:
            - text: 甲 308.86 万元，比上年增加 77.37 万元。
              figures:
                - { restates: t/a, amount: 308.86, change: 77.37 }
        `,
        findings: [{ messageId: "prior-mismatch", line: 12, expected: "231.49", actual: "221.49" }],
      },
      {
        name: "the narrative's amount − change one cent from the table's prior-year amount",
        body: `
          tables:
            - id: t
              title: 表
              lines: [{ id: a, name: 甲, amount: 308.86, prior: 221.49 }]
          statements:
            - text: 甲 308.86 万元，比上年增加 87.38 万元。
              figures:
                - { restates: t/a, amount: 308.86, change: 87.38 }
        `,
        findings: [{ messageId: "prior-rounding", line: 12, severity: "info" }],
      },
      {
        name: "a sentence restating a line that states no amount",
        body: `
          tables:
            - id: t
              title: 表
              lines:
                - { id: a, name: 甲 }
          statements:
            - text: 甲 12 万元。
              figures:
                - { restates: t/a, amount: 12 }
        `,
        findings: [{ messageId: "line-without-amount", line: 13, severity: "info" }],
      },
      {
        name: "a year in the sentence is not the figure printed (2025 年)",
        body: withStatements(`
    - text: 事业运行预算 2025 年安排，比上年增长。
      figures:
        - { restates: t5-1/2010350, amount: 2025 }`),
        findings: [
          { messageId: "not-in-text", line: 20 },
          { messageId: "mismatch", line: 20 },
        ],
      },
      {
        name: "an ordinal in the sentence is not the figure printed (第 25 项)",
        body: withStatements(`
    - text: 第 25 项事业运行，增长 39.45%。
      figures:
        - { restates: t5-1/2010350, amount: 25, growth: 39.45% }`),
        findings: [
          { messageId: "not-in-text", line: 20 },
          { messageId: "mismatch", line: 20 },
        ],
      },
      {
        name: "a stated prior that is not the table's amount − change",
        body: withStatements(`
    - text: 事业运行 2024 年 231.49 万元。
      figures:
        - { restates: t5-1/2010350, prior: 231.49 }`),
        findings: [{ messageId: "mismatch", line: 20, expected: "221.49", actual: "231.49" }],
      },
    ],
  });
});
