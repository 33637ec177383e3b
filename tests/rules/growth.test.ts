import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

const table = (line: string) => `
  tables:
    - id: t
      title: 一般公共预算支出表
      lines:
        - ${line}
`;

describe("growth", () => {
  testRule("growth", {
    valid: [
      { name: "growth = change ÷ (amount − change)", body: table("{ name: 事业运行, amount: 308.86, change: 87.37, growth: 39.45% }") },
      { name: "a stated prior", body: table("{ name: 事业运行, amount: 308.86, prior: 221.49, change: 87.37, growth: 39.45% }") },
      { name: "prior and amount without a change", body: table("{ name: 事业运行, amount: 308.86, prior: 221.49, growth: 39.45% }") },
      { name: "no change, 0%", body: table("{ name: 事业单位离退休, amount: 2.96, change: 0, growth: 0% }") },
      { name: "a decrease", body: table("{ name: 甲, amount: 94, change: -6, growth: -6% }") },
      { name: "a change against a prior of 0, without a rate", body: table("{ name: 新增项目, amount: 50, change: 50 }") },
      // 綦江区 2022: 一般公共服务支出 0 万元，比 2021 年预算增加/减少 0 万元，增长/下降 0%.
      { name: "0 against 0 with a change of 0 and a rate of 0%", body: table("{ name: 一般公共服务支出, amount: 0, change: 0, growth: 0% }") },
      {
        name: "a final account against its initial budget, as against the prior year",
        body: table("{ name: 三公经费, amount: 41, change: -19, growth: -31.67%, budgeted: 45, budgetChange: -4, budgetGrowth: -8.89% }"),
      },
      { name: "against the initial budget, its amount derived", body: table("{ name: 三公经费, amount: 41, budgetChange: -4, budgetGrowth: -8.89% }") },
      { name: "a percentage with a space, as printed", body: table("{ name: 其他, amount: 388.5, change: 247, growth: 174.56 % }") },
      {
        name: "a rate within the amounts' rounding (0.06 ÷ 0.39 printed as 15.4%)",
        body: table("{ name: 公务接待费, amount: 0.45, change: 0.06, growth: 15.4% }"),
      },
    ],
    invalid: [
      {
        name: "a change printed in 元 in a 万元 document: shown in 元, as printed",
        body: `
          statements:
            - text: 公务接待费 2600 元，上年 2500 元，增加 200 元。
              figures:
                - { name: 公务接待费, amount: 2600, prior: 2500, change: 200, unit: 元 }
        `,
        findings: [{ messageId: "sum-mismatch", line: 8, expected: "100", actual: "200", difference: "100" }],
      },
      {
        // 涪陵区焦石镇 2020: “三公”经费 41 万元，较年初预算数减少 4 万元，下降 2.2% (4 ÷ 45 = 8.89%).
        name: "a rate against the initial budget that is not change ÷ initial budget",
        body: table("{ name: 三公经费, amount: 41, budgetChange: -4, budgetGrowth: -2.2% }"),
        findings: [{ messageId: "ratio-mismatch", line: 9, expected: "-8.9%", actual: "-2.2%" }],
      },
      {
        name: "a change against the initial budget that is not amount − initial budget",
        body: table("{ name: 三公经费, amount: 41, budgeted: 45, budgetChange: -5 }"),
        findings: [{ messageId: "sum-mismatch", line: 9, expected: "-4", actual: "-5" }],
      },
      {
        name: "an increase over the initial budget larger than the amount: the initial budget would be below zero",
        body: table("{ name: 三公经费, amount: 41, budgetChange: 50 }"),
        findings: [{ messageId: "negative-prior", line: 9 }],
      },
      {
        name: "growth divided by the current year instead of the prior year",
        body: table("{ name: 事业运行, amount: 308.86, change: 87.37, growth: 28.29% }"),
        findings: [
          {
            messageId: "ratio-mismatch",
            line: 9,
            expected: "39.45%",
            actual: "28.29%",
            message: "it is the change ÷ this year's amount 308.86: a growth rate is based on the prior",
          },
        ],
      },
      {
        // 铜梁区安居镇 2021: 较年初预算数减少 10.93 万元，下降 54.65% (10.93 ÷ 20 = 54.65%: right), and 0.71 ÷ 9.07 = 7.83%.
        name: "a rate against the initial budget divided by the current year names the initial budget as its base",
        body: table("{ name: 三公经费, amount: 9.07, budgetChange: -0.71, budgetGrowth: -7.83% }"),
        findings: [{ messageId: "ratio-mismatch", line: 9, expected: "-7.26%", message: "a rate against the initial budget is based on the initial budget" }],
      },
      {
        name: "a rate truncated, not rounded (20000 ÷ 30000 = 66.666…%)",
        body: table("{ name: 事业运行, amount: 50000, prior: 30000, change: 20000, growth: 66.66% }"),
        findings: [{ messageId: "ratio-mismatch", line: 9, expected: "66.67%", message: "it is the ratio truncated rather than rounded" }],
      },
      {
        name: "a growth rate 0.10 points off: neither truncated nor on the current year",
        body: table("{ name: 事业运行, amount: 308.86, change: 87.37, growth: 39.55% }"),
        findings: [
          {
            messageId: "ratio-mismatch",
            line: 9,
            expected: "39.45%",
            difference: "0.1",
            message: "= 39.4465%) but is 39.55%: off by 0.1 percentage points, beyond the tolerance 0.0091 percentage points",
          },
        ],
      },
      {
        // 鄂尔多斯 2022: 公务用车运行费用较上年同期增加 2.27 万元，增长 29.37%.
        name: "a rate stated with its change alone cannot be checked, and says so",
        body: `
          statements:
            - text: 公务用车运行费用较上年同期增加2.27万元,增长29.37%。
              figures:
                - { name: 公务用车运行费用, change: 2.27, growth: 29.37% }
        `,
        findings: [{ messageId: "no-base", line: 8, severity: "info", message: "needs two of the amount, the prior and the change, and fewer are stated" }],
      },
      {
        // 游仙区政府办 2022: 预算安排 8 万元，较 2021 年预算下降 42.86%.
        name: "a rate stated with its amount alone cannot be checked either",
        body: table("{ name: 三公经费, amount: 8, growth: -42.86% }"),
        findings: [{ messageId: "no-base", line: 9, severity: "info" }],
      },
      {
        name: "a change one cent from amount − prior: a rounding residual",
        body: table("{ name: 事业运行, amount: 308.86, prior: 221.49, change: 87.38 }"),
        findings: [{ messageId: "sum-rounding", line: 9, severity: "info", expected: "87.37", actual: "87.38" }],
      },
      {
        name: "a change written with fewer decimals (87.4) agrees with amount − prior only when read at them",
        body: table("{ name: 事业运行, amount: 308.86, prior: 221.49, change: 87.4 }"),
        findings: [{ messageId: "sum-coarse", line: 9, severity: "info", expected: "87.37", actual: "87.4", difference: "0.03", tolerance: "0.06" }],
      },
      {
        name: "an increase larger than the amount: the prior year would be below zero",
        body: table("{ name: 收入, amount: 128.8, change: 130 }"),
        findings: [{ messageId: "negative-prior", line: 9 }],
      },
      {
        name: "a change that is not amount − prior",
        body: table("{ name: 事业运行, amount: 308.86, prior: 221.49, change: 88.37 }"),
        findings: [{ messageId: "sum-mismatch", line: 9, expected: "87.37", actual: "88.37", tolerance: "0.015" }],
      },
      {
        name: "a rate against a prior of 0",
        body: table("{ name: 新增项目, amount: 50, change: 50, growth: 100% }"),
        findings: [{ messageId: "zero-base", line: 9 }],
      },
      {
        name: "a positive change with a negative rate",
        body: table("{ name: 甲, amount: 106, change: 6, growth: -6% }"),
        findings: [{ messageId: "sign-mismatch", line: 9 }],
      },
      {
        name: "a rate only the amounts' rounding explains is info",
        body: table("{ name: 公务接待费, amount: 0.45, change: 0.06, growth: 15.48% }"),
        findings: [{ messageId: "ratio-rounding", line: 9, severity: "info", expected: "15.38%" }],
      },
      {
        name: "unchanged (持平) beside a prior that differs",
        body: `
          statements:
            - text: 收入预算 825.04 万元，上年 820 万元，与上年持平。
              figures: [{ name: 收入预算, amount: 825.04, prior: 820, unchanged: true }]
        `,
        // The growth rate, 0%, agrees with the change it goes with: the change is what is off.
        findings: [{ messageId: "sum-mismatch", line: 7, expected: "5.04", actual: "0" }],
      },
    ],
  });

  testRule("growth", {
    valid: [],
    invalid: [
      {
        name: "ratioBasis: printed — a rate must be the printed figures' ratio rounded",
        body: `
          ratioBasis: printed
          tables:
            - id: t
              title: 一般公共预算支出表
              lines:
                - { name: 公务接待费, amount: 0.45, change: 0.06, growth: 15.48% }
        `,
        findings: [{ messageId: "ratio-mismatch", line: 10, expected: "15.38%", tolerance: "0.005" }],
      },
    ],
  });
});
