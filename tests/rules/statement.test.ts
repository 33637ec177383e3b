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
        name: "a sentence pasted with full-width digits and a number broken across two lines",
        body: `
          statements:
            - text: "机关运行经费预算为４６．８万元，较２０２２年预算增加１５．６０万元，增长3\\n3.33％。"
              figures:
                - { name: 机关运行经费, amount: 46.8, change: 15.6, growth: 33.33% }
        `,
      },
      {
        name: "a sentence whose number a page break split, with a blank line and page debris between",
        body: `
          statements:
            - text: "收入预算11\\n\\n【打印】\\n00万元，比上年增加 100 万元。"
              figures:
                - { name: 收入预算, amount: 1100, change: 100 }
        `,
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
      {
        name: "a figure the text states on its own, printed in its sentence, unchanged in words",
        body: `
          statements:
            - text: 2025 年收入预算 825.04 万元，与上年持平。
              figures: [{ name: 收入预算, amount: 825.04, unchanged: true }]
        `,
      },
      {
        name: "one value printed twice, after 增加 and after 减少: the printing whose word agrees with the sign (经开区 2023)",
        body: `
          statements:
            - text: 因公出国(境)费预算170万元,与2022年预算相比增加170万元,其中公务用车运行费150万元,与2022年预算相比减少170万元。
              figures:
                - { name: 因公出国(境)费预算, amount: 170, change: 170 }
                - { name: 公务用车运行费, amount: 150, change: -170 }
        `,
      },
      {
        name: "amounts printed with thousands separators (深圳市人民政府办公厅 2011: 6,198 万元)",
        body: `
          statements:
            - text: 2011年总支出6,198万元,基本支出4,453万元;项目1,745万元,比上年减少了2,748,主要是机构改革。
              figures:
                - name: 总支出
                  amount: 6198
                  change: -2748
                  reason: 机构改革
                  complete: true
                  parts: [{ name: 基本支出, amount: 4453 }, { name: 项目, amount: 1745 }]
        `,
      },
      {
        name: "a list of numbers separated by commas is still read number by number",
        body: `
          statements:
            - text: 三项分别为100,200,300万元。
              figures: [{ name: 甲, amount: 100 }, { name: 乙, amount: 200 }, { name: 丙, amount: 300 }]
        `,
      },
      {
        name: "unchanged said as 同上年 (昆明市盘龙区人大常委会办公室 2017)",
        body: `
          statements:
            - text: 报刊征订120000元,同上年。
              figures: [{ name: 报刊征订, amount: 120000, unchanged: true }]
        `,
      },
      {
        name: "the same figure stated in two sections",
        body: `
          statements:
            - text: 收入预算 825.04 万元。
              figures: [{ id: income, name: 收入预算, amount: 825.04 }]
            - text: 收入总计 825.04 万元。
              figures: [{ restates: narrative/income, amount: 825.04 }]
        `,
      },
      {
        name: "a restated column with its own change, not the table's main column's",
        body: `
          tables:
            - id: t5
              title: 表
              columns:
                - { id: total, name: 合计, sum: [basic, project] }
                - { id: basic, name: 基本支出 }
                - { id: project, name: 项目支出 }
              total: { amount: { total: 100, basic: 60, project: 40 }, change: -10 }
              lines: [{ name: 甲, amount: { total: 100, basic: 60, project: 40 }, change: -10, reason: 调整 }]
          statements:
            - text: 项目支出 40 万元，同比无增减变化。
              figures: [{ restates: "t5:project", amount: 40, unchanged: true }]
        `,
      },
      {
        name: "a count printed in its sentence",
        body: `
          statements:
            - text: 内设机构共 3 个，分别是：办公室、财务科、业务科。
              figures: [{ name: 内设机构, count: 3, items: [办公室, 财务科, 业务科] }]
        `,
      },
      {
        name: "a sentence naming the document's budget year",
        body: `
          statements:
            - text: 纳入本部门 2025 年度部门预算范围的单位只包括本级。
              budgetYear: 2025
        `,
      },
    ],
    invalid: [
      {
        // 西藏自治区党委政法委铁路护路联防办公室 2025: 纳入…2024年度部门预算范围.
        name: "a sentence naming another budget year than the document's",
        body: `
          statements:
            - text: 纳入本部门 2024 年度部门预算范围的单位只包括本级。
              budgetYear: 2024
        `,
        findings: [{ messageId: "budget-year", line: 7, expected: "2025", actual: "2024" }],
      },
      {
        name: "a prior and a change about a figure stated elsewhere that do not add up to it",
        body: `
          statements:
            - text: 总支出6198万元。
              figures: [{ id: e, name: 总支出, amount: 6198 }]
            - text: 比上年8947万元减少2748万元。
              figures: [{ restates: narrative/e, prior: 8947, change: -2748 }]
        `,
        findings: [{ messageId: "equal-mismatch", line: 9, expected: "6198", actual: "6199" }],
      },
      {
        name: "the narrative's figure differs from its table",
        body: withStatements(`
    - text: 事业运行 2025 年预算数 309.86 万元。
      figures:
        - { restates: t5-1/2010350, amount: 309.86 }`),
        findings: [{ messageId: "equal-mismatch", line: 20, expected: "308.86", actual: "309.86", difference: "1" }],
      },
      {
        name: "a restated growth rate 0.10 points off",
        body: withStatements(`
    - text: 比 2024 年预算增加 87.37 万元，增长 39.55%。
      figures:
        - { restates: t5-1/2010350, change: 87.37, growth: 39.55% }`),
        findings: [{ messageId: "equal-mismatch", line: 20, expected: "39.45%", actual: "39.55%" }],
      },
      {
        name: "a figure restated at fewer decimals agrees only when rounded: info",
        body: withStatements(`
    - text: 事业运行 308.9 万元。
      figures:
        - { restates: t5-1/2010350, amount: 308.9 }`),
        findings: [{ messageId: "equal-coarse", line: 20, severity: "info" }],
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
        findings: [{ messageId: "equal-mismatch", line: 12, expected: "231.49", actual: "221.49" }],
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
        findings: [{ messageId: "equal-rounding", line: 12, severity: "info" }],
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
          { messageId: "equal-mismatch", line: 20 },
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
          { messageId: "equal-mismatch", line: 20 },
        ],
      },
      {
        name: "a stated prior that is not the table's amount − change",
        body: withStatements(`
    - text: 事业运行 2024 年 231.49 万元。
      figures:
        - { restates: t5-1/2010350, prior: 231.49 }`),
        findings: [{ messageId: "equal-mismatch", line: 20, expected: "221.49", actual: "231.49" }],
      },
      {
        name: "a figure the text states on its own, not as printed",
        body: `
          statements:
            - text: 收入预算 825.04 万元。
              figures: [{ name: 收入预算, amount: 852.04 }]
        `,
        findings: [{ messageId: "not-in-text", line: 7 }],
      },
      {
        name: "a grouped number is one number, not the groups' digits run together",
        body: `
          statements:
            - text: 总支出6,198万元。
              figures: [{ name: 总支出, amount: 6189 }]
        `,
        findings: [{ messageId: "not-in-text", line: 7 }],
      },
      {
        name: "the same figure stated differently in another section",
        body: `
          statements:
            - text: 收入预算 825.04 万元。
              figures: [{ id: income, name: 收入预算, amount: 825.04 }]
            - text: 收入总计 825.14 万元。
              figures: [{ restates: narrative/income, amount: 825.14 }]
        `,
        findings: [{ messageId: "equal-mismatch", line: 9, expected: "825.04", actual: "825.14", difference: "0.1" }],
      },
      {
        name: "unchanged declared where the sentence does not say so",
        body: `
          statements:
            - text: 收入预算 825.04 万元。
              figures: [{ name: 收入预算, amount: 825.04, unchanged: true }]
        `,
        findings: [{ messageId: "unchanged-not-in-text", line: 7, severity: "warning" }],
      },
    ],
  });
});
