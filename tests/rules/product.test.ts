import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

/** A sentence stating an amount as a count times a rate, in 元 in a 万元 declaration as published. */
const estimate = (text: string, amount: string, count: number, rate: string) => `
  statements:
    - text: ${text}
      figures:
        - { name: 代表活动经费, amount: ${amount}, unit: 元, product: { count: ${count}, rate: ${rate} } }
`;

describe("product", () => {
  testRule("product", {
    valid: [
      // 盘龙区人大办 2017: 测算标准:268名代表,年人均2400元计643200元。
      { name: "268 × 2400 = 643200", body: estimate("测算标准:268名代表,年人均2400元计643200元。", "643200", 268, "2400") },
      { name: "a count of 0", body: estimate("0名代表,年人均2400元计0元。", "0", 0, "2400") },
      {
        name: "in the document's own unit",
        body: `
          statements:
            - text: 按 12 家每家 1.5 万元测算，计 18 万元。
              figures:
                - { name: 补助, amount: 18, product: { count: 12, rate: 1.5 } }
        `,
      },
    ],
    invalid: [
      {
        name: "digits swapped in the total: shown in 元, as printed",
        body: estimate("测算标准:268名代表,年人均2400元计634200元。", "634200", 268, "2400"),
        findings: [{ messageId: "equal-mismatch", line: 8, expected: "643200", actual: "634200", difference: "-9000" }],
      },
      {
        // 1.47 stands for 1.465–1.475: 12 of them are 17.58–17.70.
        name: "a rounded rate times the count: within its rounding, times the count",
        body: `
          statements:
            - text: 按 12 家每家 1.47 万元测算，计 17.6 万元。
              figures:
                - { name: 补助, amount: 17.6, product: { count: 12, rate: 1.47 } }
        `,
        findings: [{ messageId: "equal-rounding", severity: "info", line: 8, expected: "17.64", actual: "17.6" }],
      },
    ],
  });
});
