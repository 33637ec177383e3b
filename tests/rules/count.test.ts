import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

describe("count", () => {
  testRule("count", {
    valid: [
      {
        name: "a count and as many names",
        body: `
          statements:
            - text: 内设机构共 3 个，分别是：办公室、财务科、业务科。
              figures:
                - { name: 内设机构, count: 3, items: [办公室, 财务科, 业务科] }
        `,
      },
      {
        name: "a count with no list has nothing to match",
        body: `
          statements:
            - text: 项目共 3 个。
              figures:
                - { name: 项目, count: 3 }
        `,
      },
      {
        name: "a headcount in its own unit, its parts checked by sum",
        body: `
          statements:
            - text: 实有人数 86 人（其中：在职 36 人，离退休 50 人）。
              figures:
                - name: 实有人数
                  count: 86
                  unit: 人
                  complete: true
                  parts: [{ name: 在职, count: 36, unit: 人 }, { name: 离退休, count: 50, unit: 人 }]
        `,
      },
    ],
    invalid: [
      {
        name: "one name listed for a count of 2, in the singular",
        body: `
          statements:
            - text: 下属单位共 2 个：信息中心。
              figures:
                - { name: 下属单位, count: 2, items: [信息中心] }
        `,
        findings: [{ messageId: "count-mismatch", line: 8, expected: "1", actual: "2", message: "but 1 name is listed: 信息中心" }],
      },
      {
        name: "a count one more than the names listed",
        body: `
          statements:
            - text: 内设机构共 6 个，分别是：办公室、财务科、业务一科、业务二科、信息中心。
              figures:
                - { name: 内设机构, count: 6, items: [办公室, 财务科, 业务一科, 业务二科, 信息中心] }
        `,
        findings: [{ messageId: "count-mismatch", line: 8, expected: "5", actual: "6", difference: "1", tolerance: "0" }],
      },
      {
        name: "a count below the names listed",
        body: `
          statements:
            - text: 下属单位 1 家：甲中心、乙中心。
              figures:
                - { name: 下属单位, count: 1, unit: 家, items: [甲中心, 乙中心] }
        `,
        findings: [{ messageId: "count-mismatch", line: 8, expected: "2", actual: "1", difference: "-1" }],
      },
    ],
  });
});
