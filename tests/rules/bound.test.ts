import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

const projectsAgainstTotal = (earlier: string) => `
  tables:
    - id: t11
      title: 部门整体支出绩效目标表
      kind: performance-overall
      lines:
        - { id: expenditure, name: 支出合计, amount: 825.04, history: { 2023: 1435.1 } }
    - id: t12-1
      title: 项目支出绩效目标表
      kind: performance-project
      projects:
        - { id: a, name: 甲项目, amount: 81.5, history: { 2023: ${earlier} } }
    - id: t12-2
      title: 项目支出绩效目标表
      kind: performance-project
      projects:
        - { id: b, name: 乙项目, amount: 307, history: { 2023: 750 } }
`;

describe("bound", () => {
  testRule("bound", {
    valid: [
      {
        name: "lines within their total, at every depth",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 100 }
              lines:
                - name: 甲
                  amount: 60
                  lines: [{ name: 甲一, amount: 60 }]
                - { name: 乙, amount: 40 }
        `,
      },
      { name: "earlier project budgets within the department's total", body: projectsAgainstTotal("95") },
    ],
    invalid: [
      {
        name: "a line above its table total",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 100 }
              lines:
                - { name: 甲, amount: 120 }
        `,
        findings: [{ messageId: "bound-above", line: 10, expected: "100", actual: "120", difference: "20" }],
      },
      {
        name: "earlier project budgets above the department's total are a warning",
        body: projectsAgainstTotal("950"),
        findings: [{ messageId: "bound-above", line: 20, severity: "warning", actual: "1700", expected: "1435.1", difference: "264.9" }],
      },
    ],
  });
});
