import { describe } from "vitest";
import { standardTables } from "../../src/rules/completeness.js";
import { testRule } from "../rule-tester.js";

const allStandardTables = (except: string[] = []) =>
  `tables:\n${standardTables
    .filter(([kind]) => !except.includes(kind))
    .map(([kind]) => `  - { id: ${kind}, title: 表, kind: ${kind}, empty: { reason: 没有数据。 } }`)
    .join("\n")}\n`;

describe("completeness", () => {
  testRule("completeness", {
    valid: [
      { name: "every standard table, empty ones explained", body: allStandardTables() },
      {
        name: "a partial declaration without a summary table is not held to the full set",
        body: "tables:\n  - { id: t, title: 表, lines: [{ name: 甲, amount: 1 }] }\n",
      },
      {
        name: "a change with its reason, or with the reason on the statement restating it",
        body: `
          tables:
            - id: t
              title: 表
              lines:
                - { code: "2010350", name: 事业运行, amount: 308.86, change: 87.37, reason: 人员异动 }
                - { code: "2010399", name: 其他, amount: 388.5, change: 247 }
                - { code: "2080502", name: 事业单位离退休, amount: 2.96, change: 0 }
          statements:
            - text: 其他 388.5 万元，增加 247 万元，主要是基地费用纳入预算。
              figures:
                - { restates: t/2010399, amount: 388.5, change: 247, reason: 基地费用纳入预算 }
        `,
      },
    ],
    invalid: [
      {
        name: "a standard table missing",
        body: allStandardTables(["government-fund"]),
        findings: [{ messageId: "missing-table", line: 6, severity: "warning" }],
      },
      {
        name: "a table with no data and no explanation",
        body: "tables:\n  - { id: t8, title: 政府性基金预算支出表 }\n",
        findings: [{ messageId: "empty-without-reason", line: 6, severity: "warning" }],
      },
      {
        name: "a change without a reason",
        body: "tables:\n  - id: t\n    title: 表\n    lines:\n      - { name: 甲, amount: 10, change: -2 }\n",
        findings: [{ messageId: "change-without-reason", line: 9, severity: "warning" }],
      },
    ],
  });
});
