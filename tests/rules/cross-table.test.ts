import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

/** 部门收支总表 with both sides, and 部门支出总表 whose total is the same figure. */
const summaryAndExpenditure = (income: string, expenditure: string, expenditureTotal: string) => `
  tables:
    - id: t1
      title: 部门收支总表
      kind: summary
      lines:
        - { id: income, name: 收入总计, amount: ${income} }
        - { id: expenditure, name: 支出总计, amount: ${expenditure} }
    - id: t3
      title: 部门支出总表
      kind: expenditure
      total: { amount: ${expenditureTotal} }
`;

const appropriation = (total: string, general: string) => `
  tables:
    - id: t4
      title: 财政拨款收支总表
      kind: appropriation
      lines:
        - { id: income, name: 收入总计, amount: ${total} }
        - { id: expenditure, name: 支出总计, amount: ${total} }
    - id: t5-1
      title: 一般公共预算支出表（分功能科目）
      kind: general-by-function
      total: { amount: ${general} }
    - id: t8
      title: 政府性基金预算支出表
      kind: government-fund
      empty: { reason: 没有政府性基金预算拨款安排的支出。 }
    - id: t9
      title: 国有资本经营预算支出表
      kind: state-capital
      total: { amount: 5 }
`;

/** 一般公共预算拨款收入 stated in 表1, 表2 (a line, or a column of the total) and 表4. */
const generalIncome = (summary: string, income: string, appropriation: string, incomeAsColumn = false) => `
  tables:
    - id: t1
      title: 部门收支总表
      kind: summary
      lines:
        - { id: income, name: 收入总计, amount: 900, lines: [{ id: general, name: 一般公共预算拨款收入, amount: ${summary} }] }
    - id: t2
      title: 部门收入总表
      kind: income
${
  incomeAsColumn
    ? `      columns: [{ id: total, name: 合计, sum: [general, other] }, { id: general, name: 一般公共预算拨款 }, { id: other, name: 其他 }]
      total: { amount: { total: 900, general: ${income}, other: ${(900 - Number(income)).toFixed(2)} } }`
    : `      total: { amount: 900 }
      lines: [{ id: general, name: 一般公共预算拨款收入, amount: ${income} }, { name: 其他收入, amount: ${(900 - Number(income)).toFixed(2)} }]`
}
    - id: t4
      title: 财政拨款收支总表
      kind: appropriation
      lines:
        - { id: income, name: 收入总计, amount: 825.04, lines: [{ id: general, name: 一般公共预算拨款, amount: ${appropriation} }] }
`;

const projects = (listed: string, performance: string) => `
  tables:
    - id: t10
      title: 项目支出表
      kind: projects
      total: { amount: 388.5 }
      projects:
        - { id: base, name: 基地专项, amount: 307 }
        - { id: talent, name: 人才专项, amount: ${listed} }
    - id: t12-1
      title: 项目支出绩效目标表
      kind: performance-project
      projects:
        - { id: talent, name: 人才专项经费, amount: ${performance} }
`;

const basic = (personnel: string) => `
  tables:
    - id: t6
      title: 一般公共预算基本支出表
      kind: general-basic
      columns:
        - { id: total, name: 合计, sum: [personnel, public] }
        - { id: personnel, name: 人员经费 }
        - { id: public, name: 公用经费 }
      total: { amount: { total: 436.54, personnel: ${personnel}, public: 63.09 } }
      lines:
        - { code: "301", name: 工资福利支出, amount: { total: 369.7, personnel: 369.7 } }
        - { code: "302", name: 商品和服务支出, amount: { total: 63.09, public: 63.09 } }
        - { code: "303", name: 对个人和家庭的补助, amount: { total: 3.75, personnel: 3.75 } }
`;

describe("cross-table", () => {
  testRule("cross-table", {
    valid: [
      { name: "income balances expenditure, and 表1 agrees with 表3", body: summaryAndExpenditure("825.04", "825.04", "825.04") },
      { name: "财政拨款 = 一般公共预算 + 政府性基金 (empty) + 国有资本经营", body: appropriation("830.04", "825.04") },
      { name: "a project has one amount in every table", body: projects("81.5", "81.5") },
      { name: "一般公共预算拨款收入 is one figure in 表1, 表2 and 表4", body: generalIncome("825.04", "825.04", "825.04") },
      { name: "一般公共预算拨款收入 as 表2's column", body: generalIncome("825.04", "825.04", "825.04", true) },
      { name: "人员经费 = 301 + 303", body: basic("373.45") },
      {
        name: "a link applies only when both sides are declared",
        body: `
          tables:
            - id: t3
              title: 部门支出总表
              kind: expenditure
              total: { amount: 1 }
        `,
      },
    ],
    invalid: [
      {
        name: "income does not balance expenditure",
        body: summaryAndExpenditure("825.04", "826.04", "826.04"),
        findings: [{ messageId: "equal-mismatch", line: 10, expected: "826.04", actual: "825.04" }],
      },
      {
        name: "the same total differs between 表1 and 表3",
        body: summaryAndExpenditure("825.04", "825.04", "824.04"),
        findings: [{ messageId: "equal-mismatch", line: 11, expected: "824.04", actual: "825.04", difference: "1" }],
      },
      {
        name: "the same total printed with fewer decimals in 表3 (825 for 825.04) agrees only when rounded",
        body: summaryAndExpenditure("825.04", "825.04", "825"),
        findings: [{ messageId: "equal-coarse", line: 11, severity: "info" }],
      },
      {
        name: "财政拨款 one cent from the sum of its budgets: a rounding residual",
        body: appropriation("830.05", "825.04"),
        findings: [{ messageId: "sum-rounding", line: 11, severity: "info" }],
      },
      {
        name: "财政拨款 written without decimals (831) agrees with the sum of its budgets only when read at them",
        body: appropriation("831", "825.04"),
        findings: [{ messageId: "sum-coarse", line: 11, severity: "info", expected: "830.04", actual: "831", difference: "0.96", tolerance: "1.01" }],
      },
      {
        name: "a 类 of the general budget above the same 类 of all appropriations",
        body: `
          tables:
            - id: t4
              title: 财政拨款收支总表
              kind: appropriation
              lines:
                - { id: income, name: 收入总计, amount: 120 }
                - id: expenditure
                  name: 支出总计
                  amount: 120
                  lines: [{ code: "201", name: 一般公共服务支出, amount: 100 }, { code: "208", name: 社会保障和就业支出, amount: 20 }]
            - id: t5-1
              title: 一般公共预算支出表（分功能科目）
              kind: general-by-function
              lines: [{ code: "201", name: 一般公共服务支出, amount: 110 }]
        `,
        findings: [{ messageId: "bound-above", line: 18 }],
      },
      {
        name: "without a summary table, the income table's total against the expenditure table's",
        body: `
          tables:
            - { id: t2, title: 部门收入总表, kind: income, total: { amount: 1085203.63 } }
            - { id: t3, title: 部门支出总表, kind: expenditure, total: { amount: 1085203.53 } }
        `,
        findings: [{ messageId: "equal-mismatch", line: 6, expected: "1085203.53", actual: "1085203.63" }],
      },
      {
        name: "人员经费 above the 基本支出 it belongs to",
        body: `
          tables:
            - id: t3
              title: 部门支出总表
              kind: expenditure
              columns: [{ id: total, name: 合计, sum: [basic] }, { id: basic, name: 基本支出 }]
              total: { amount: { total: 400, basic: 400 } }
            - id: t6
              title: 一般公共预算基本支出表
              kind: general-basic
              columns: [{ id: total, name: 合计, sum: [personnel] }, { id: personnel, name: 人员经费 }]
              total: { amount: { total: 420, personnel: 420 } }
        `,
        findings: [{ messageId: "bound-above", line: 15 }],
      },
      {
        name: "财政拨款 is not the sum of its three budgets",
        body: appropriation("831.04", "825.04"),
        findings: [{ messageId: "sum-mismatch", line: 11, expected: "830.04", actual: "831.04" }],
      },
      {
        name: "表4's 一般公共预算拨款 differs from 表1's and 表2's",
        body: generalIncome("825.04", "825.04", "852.04"),
        // Each table against the next: 表2 against 表4.
        findings: [{ messageId: "equal-mismatch", line: 15, expected: "852.04", actual: "825.04" }],
      },
      {
        name: "表2's 一般公共预算拨款 column differs from 表1's line",
        body: generalIncome("825.04", "824.04", "825.04", true),
        findings: [
          { messageId: "equal-mismatch", line: 10, expected: "824.04", actual: "825.04" },
          { messageId: "equal-mismatch", line: 15, expected: "825.04", actual: "824.04" },
        ],
      },
      {
        name: "the general budget table's total against 表4's 一般公共预算 column",
        body: `
          tables:
            - id: t4
              title: 财政拨款收支总表
              kind: appropriation
              columns: [{ id: total, name: 合计, sum: [general] }, { id: general, name: 一般公共预算 }]
              total: { amount: { total: 825.04, general: 825.04 } }
            - { id: t5-1, title: 一般公共预算支出表（分功能科目）, kind: general-by-function, total: { amount: 852.04 } }
        `,
        findings: [
          { messageId: "equal-mismatch", line: 11, expected: "825.04", actual: "852.04" },
          { messageId: "bound-above", line: 11 },
        ],
      },
      {
        name: "a project's performance table differs from the project table",
        body: projects("81.5", "82.5"),
        findings: [{ messageId: "equal-mismatch", line: 17, expected: "81.5", actual: "82.5" }],
      },
      {
        name: "the narrative's count of project performance targets against the project performance tables",
        body: `
          tables:
            - { id: t12-1, title: 项目支出绩效目标表, kind: performance-project }
          statements:
            - text: 设置了整体支出绩效目标、2 个项目支出绩效目标。
              projectTargets: 2
        `,
        findings: [{ messageId: "target-count", line: 9, expected: "1", actual: "2" }],
      },
      {
        name: "人员经费 other than 301 + 303 is a warning",
        body: basic("372.45"),
        findings: [{ messageId: "sum-mismatch", line: 13, severity: "warning", expected: "373.45" }],
      },
      {
        name: "without a summary table, appropriated expenditure above all expenditure",
        body: `
          tables:
            - id: t3
              title: 财政拨款收支总表
              kind: appropriation
              lines:
                - { id: income, name: 收入总计, amount: 1085203.63 }
                - { id: expenditure, name: 支出总计, amount: 1085203.63 }
            - id: t2
              title: 部门支出总表
              kind: expenditure
              total: { amount: 1085203.53 }
              lines: [{ name: 基本支出, amount: 1085203.53 }]
        `,
        findings: [{ messageId: "bound-above", line: 11, expected: "1085203.53", actual: "1085203.63" }],
      },
      {
        name: "without the fund tables, the general budget above appropriations",
        body: `
          tables:
            - id: t3
              title: 财政拨款收支总表
              kind: appropriation
              lines:
                - { id: income, name: 收入总计, amount: 825.04 }
                - { id: expenditure, name: 支出总计, amount: 825.04 }
            - id: t5
              title: 一般公共预算支出表
              kind: general-by-function
              total: { amount: 835.04 }
              lines: [{ code: "201", name: 一般公共服务支出, amount: 835.04 }]
        `,
        findings: [{ messageId: "bound-above", line: 15, expected: "825.04", actual: "835.04" }],
      },
    ],
  });
});
