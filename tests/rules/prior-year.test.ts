import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

/** A total restated with its change in the narrative, over 项 lines that state their changes. */
const items = (totalChange: string, history = "") => `
  tables:
    - id: t1
      title: 部门收支总表
      kind: summary
      lines:
        - { id: expenditure, name: 支出总计, amount: 825.04 }
    - id: t11
      title: 部门整体支出绩效目标表
      kind: performance-overall
      lines:
        - { id: expenditure, name: 支出合计, amount: 825.04${history} }
    - id: t5-1
      title: 一般公共预算支出表
      total: { amount: 825.04, change: ${totalChange} }
      lines:
        - { code: "2010350", name: 事业运行, amount: 308.86, change: 87.37 }
        - { code: "2010399", name: 其他, amount: 516.18, change: 266.48 }
  statements:
    - text: 部门收支总预算 825.04 万元，比上年增加 353.85 万元。
      figures:
        - { restates: t1/expenditure, amount: 825.04, change: 353.85 }
`;

describe("prior-year", () => {
  testRule("prior-year", {
    valid: [
      { name: "the 项's priors add up to the total's prior", body: items("353.85") },
      { name: "the narrative's derived prior agrees with last year's total in 表11", body: items("353.85", ", history: { 2024: 471.19 }") },
      {
        name: "a parent without a change of its own is summed through its children",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 30, prior: 20 }
              lines:
                - name: 类
                  amount: 30
                  lines:
                    - { name: 项一, amount: 10, change: 5 }
                    - { name: 项二, amount: 20, change: 5 }
        `,
      },
      {
        name: "the restated parts of a 其中 list that may leave one out: their priors are not a sum",
        body: `
          statements:
            - text: 三公经费41万元,其中:公务用车费21万元,公务接待费20万元。
              figures:
                - { id: s, name: 三公经费, amount: 41, parts: [{ id: car, name: 公务用车费, amount: 21 }, { id: rec, name: 公务接待费, amount: 20 }] }
            - text: 三公经费41万元,较上年减少19万元,其中:公务用车费21万元,较上年减少6万元;公务接待费20万元,较上年减少2万元。
              figures:
                - { restates: narrative/s, amount: 41, change: -19, reason: 压减 }
                - { restates: narrative/car, amount: 21, change: -6, reason: 压减 }
                - { restates: narrative/rec, amount: 20, change: -2, reason: 压减 }
        `,
      },
    ],
    invalid: [
      {
        name: "the items' changes do not add up to the total change",
        body: items("354.85"),
        findings: [{ messageId: "equal-mismatch", line: 18, expected: "471.19", actual: "470.19", difference: "-1" }],
      },
      {
        name: "last year's total in 表11 differs from the narrative's amount − change",
        body: items("353.85", ", history: { 2024: 472.19 }"),
        findings: [{ messageId: "equal-mismatch", line: 25, expected: "472.19", actual: "471.19" }],
      },
      {
        name: "a difference within the two roundings of derived priors is info",
        body: items("353.84"),
        findings: [{ messageId: "equal-rounding", line: 18, severity: "info", difference: "0.01", tolerance: "0.03" }],
      },
    ],
  });
});
