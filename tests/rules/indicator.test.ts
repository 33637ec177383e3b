import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

const twoTables = (first: string, second: string) => `
  tables:
    - id: t11
      title: 部门整体支出绩效目标表
      indicators:
        - ${first}
    - id: t12-1
      title: 项目支出绩效目标表
      indicators:
        - ${second}
`;

describe("indicator", () => {
  testRule("indicator", {
    valid: [
      {
        name: "the same indicator with the same values",
        body: twoTables(
          "{ id: events, name: 举办场次, values: { 2023: 39, 2024: 9, 2025: 6 } }",
          "{ id: events, name: 招聘活动场次, values: { 2023: 39, 2024: 9 } }",
        ),
      },
      {
        name: "full-width and half-width values, numbers by value",
        body: twoTables(
          "{ id: rate, name: 预算完成率, values: { 2024: 100％, 2025: 86 } }",
          "{ id: rate, name: 预算完成率, values: { 2024: 100%, 2025: 86.0 } }",
        ),
      },
      {
        name: "different indicators with different values",
        body: twoTables("{ id: a, name: 举办场次, values: { 2024: 9 } }", "{ id: b, name: 举办场次, values: { 2024: 10 } }"),
      },
    ],
    invalid: [
      {
        name: "the same indicator, the same year, two values",
        body: twoTables(
          "{ id: events, name: 举办场次, values: { 2023: 39, 2024: 9, 2025: 6 } }",
          "{ id: events, name: 招聘活动场次, values: { 2023: 39, 2024: 10, 2025: 6 } }",
        ),
        findings: [{ messageId: "mismatch", line: 13, expected: "9", actual: "10", difference: "1" }],
      },
      {
        name: "without ids, the same name and text values",
        body: twoTables("{ name: 促进就业率, values: { 2025: 增加 } }", "{ name: 促进就业率, values: { 2025: 减少 } }"),
        findings: [{ messageId: "mismatch", line: 13 }],
      },
    ],
  });
});
