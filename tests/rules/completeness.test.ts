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
      {
        name: "a line's change under a total that gives the reason needs none of its own",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 30, change: 5, reason: 主要是人员增加 }
              lines:
                - { name: 甲, amount: 20, change: 3 }
                - { name: 乙, amount: 10, change: 2 }
        `,
      },
      {
        name: "a 三公 item whose parent's reason names its change",
        body: `
          tables:
            - id: t7
              title: 一般公共预算“三公”经费支出表
              kind: three-public
              lines:
                - name: 公务用车购置及运行维护费
                  amount: 5.5
                  change: -0.5
                  reason: 主要是公务用车运行维护费减少 0.5 万元
                  lines: [{ name: 公务用车运行维护费, amount: 5.5, change: -0.5 }]
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
        name: "a change of a table's top line without a reason",
        body: "tables:\n  - id: t\n    title: 表\n    lines:\n      - { name: 甲, amount: 10, change: -2 }\n",
        findings: [{ messageId: "change-without-reason", line: 9, severity: "warning" }],
      },
      {
        name: "a total's change without a reason",
        body: "tables:\n  - id: t\n    title: 表\n    total: { amount: 10, change: -2 }\n    lines:\n      - { name: 甲, amount: 10, change: -2 }\n",
        findings: [{ messageId: "change-without-reason", line: 8, severity: "warning" }],
      },
      {
        name: "a 三公 item's change without a reason",
        body: "tables:\n  - id: t7\n    title: 三公\n    kind: three-public\n    total: { amount: 3, change: 1, reason: 接待增加 }\n    lines:\n      - { name: 公务接待费, amount: 3, change: 1 }\n",
        findings: [{ messageId: "change-without-reason", line: 11, severity: "warning" }],
      },
    ],
  });
});
