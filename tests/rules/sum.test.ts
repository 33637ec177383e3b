import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

/** 深圳市人民政府办公厅 2011: 总支出, then the same total broken down by function (离退休 as given). */
const functionBreakdown = (retired: string) => `
  statements:
    - text: 总支出 6,198 万元，基本支出 4,453 万元，项目 1,745 万元。
      figures:
        - id: expenditure
          name: 总支出
          amount: 6198
          complete: true
          parts: [{ name: 基本支出, amount: 4453 }, { name: 项目, amount: 1745 }]
    - text: 按功能分类：政府办公厅(室)及相关事务 5,631 万元，行政事业单位离退休 ${retired} 万元。
      figures:
        - restates: narrative/expenditure
          complete: true
          parts: [{ name: 政府办公厅(室)及相关事务, amount: 5631 }, { name: 行政事业单位离退休, amount: ${retired} }]
`;

/** “三公”经费 in 万元 with one part printed in 元 (公务接待费 as given). */
const receptionInYuan = (reception: string) => `
  statements:
    - text: “三公”经费 1.25 万元，其中：公务接待费 ${reception} 元，公务用车运行维护费 1 万元。
      figures:
        - name: “三公”经费
          amount: 1.25
          complete: true
          parts:
            - { name: 公务接待费, amount: ${reception}, unit: 元 }
            - { name: 公务用车运行维护费, amount: 1 }
`;

describe("sum", () => {
  testRule("sum", {
    valid: [
      {
        name: "a total equal to its lines",
        body: `
          tables:
            - id: t
              title: 支出表
              total: { amount: 825.04 }
              lines:
                - { name: 甲, amount: 697.36 }
                - { name: 乙, amount: 127.68 }
        `,
      },
      {
        name: "parent line equal to its children, at every level",
        body: `
          tables:
            - id: t
              title: 支出表
              lines:
                - code: "201"
                  name: 一般公共服务支出
                  amount: 697.36
                  lines:
                    - code: "20103"
                      name: 政府办公厅（室）及相关机构事务
                      amount: 697.36
                      lines:
                        - { code: "2010350", name: 事业运行, amount: 308.86 }
                        - { code: "2010399", name: 其他, amount: 388.5 }
        `,
      },
      {
        name: "0.1 + 0.2 = 0.3 exactly (no floating point)",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 0.3 }
              lines:
                - { name: 甲, amount: 0.1 }
                - { name: 乙, amount: 0.2 }
        `,
      },
      {
        name: "amounts longer than a double holds",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: "12345678901234567890.13" }
              lines:
                - { name: 甲, amount: "12345678901234567890.12" }
                - { name: 乙, amount: 0.01 }
        `,
      },
      {
        name: "columns: 合计 = 基本支出 + 项目支出, blank cells are 0",
        body: `
          tables:
            - id: t
              title: 基本支出表
              columns:
                - { id: total, name: 合计, sum: [personnel, public] }
                - { id: personnel, name: 人员经费 }
                - { id: public, name: 公用经费 }
              total:
                amount: { total: 436.54, personnel: 373.45, public: 63.09 }
              lines:
                - { code: "301", name: 工资福利支出, amount: { total: 369.7, personnel: 369.7 } }
                - { code: "302", name: 商品和服务支出, amount: { total: 63.09, public: 63.09 } }
                - { code: "303", name: 对个人和家庭的补助, amount: { total: 3.75, personnel: 3.75 } }
        `,
      },
      {
        name: "earlier years, prior and change add up too",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 825.04, prior: 471.19, change: 353.85, history: { 2023: 1435.1 } }
              lines:
                - { name: 甲, amount: 436.54, prior: 329.69, change: 106.85, history: { 2023: 405.1 } }
                - { name: 乙, amount: 388.5, prior: 141.5, change: 247, history: { 2023: 1030 } }
        `,
      },
      {
        name: "projects add up to the table total and funding to each project",
        body: `
          tables:
            - id: t
              title: 项目支出表
              total: { amount: 388.5 }
              projects:
                - id: a
                  name: 甲项目
                  amount: 81.5
                  funding: [{ source: 一般公共预算财政拨款, amount: 81.5 }]
                - { id: b, name: 乙项目, amount: 307 }
        `,
      },
      {
        name: "a 其中 list that does not say it is complete is a bound: its parts may add up to less",
        body: `
          statements:
            - text: 收入预算 825.04 万元，其中：一般公共预算拨款收入 800 万元。
              figures:
                - name: 收入预算
                  amount: 825.04
                  parts: [{ name: 一般公共预算拨款收入, amount: 800 }]
        `,
      },
      {
        name: "a headcount's parts, all listed, add up to it in persons",
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
      {
        name: "a column the table does not print is not read as 0: the sum column is a bound",
        body: `
          tables:
            - id: t
              title: 表
              columns:
                - { id: total, name: 合计, sum: [basic, project] }
                - { id: basic, name: 基本支出 }
                - { id: project, name: 项目支出, printed: false }
              total: { amount: { total: 825.04, basic: 436.54 } }
              lines:
                - { name: 甲, amount: { total: 825.04, basic: 436.54 } }
        `,
      },
      {
        name: "a second breakdown of a figure stated in another sentence",
        body: functionBreakdown("567"),
      },
      {
        name: "a part printed in 元 under a total in 万元",
        body: receptionInYuan("2500"),
      },
    ],
    invalid: [
      {
        name: "parts in 元 that do not add up to their total in 万元: shown in the total's unit",
        body: receptionInYuan("2700"),
        findings: [{ messageId: "sum-mismatch", line: 9, expected: "1.27", actual: "1.25" }],
      },
      {
        // 深圳市人民政府办公厅 2011: the function breakdown of 总支出 misses 45.
        name: "a second breakdown that does not add up to the figure it restates",
        body: functionBreakdown("522"),
        findings: [{ messageId: "sum-mismatch", line: 15, expected: "6153", actual: "6198" }],
      },
      {
        name: "a part without the figure: that relation is not checkable, and says so",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 10, prior: 99 }
              lines:
                - { name: 甲, amount: 4, prior: 3 }
                - { name: 乙, amount: 6 }
        `,
        findings: [{ messageId: "parts-unstated", line: 8, severity: "info" }],
      },
      {
        name: "a total with one part that states no amount: the rest within the total is a bound, said at info",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 100 }
              lines:
                - { name: 甲, amount: 60 }
                - { name: 乙 }
        `,
        findings: [{ messageId: "partial", line: 8, severity: "info", expected: undefined, actual: undefined }],
      },
      {
        name: "a total below the parts that state an amount, though one states none",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 100 }
              lines:
                - { name: 甲, amount: 60 }
                - { name: 乙, amount: 50 }
                - { name: 丙 }
        `,
        findings: [{ messageId: "bound-below", line: 8, expected: "110", actual: "100", difference: "-10", tolerance: "0.51" }],
      },
      {
        name: "a parent line none of whose children states an amount",
        body: `
          tables:
            - id: t
              title: 表
              lines:
                - name: 甲
                  amount: 10
                  lines: [{ name: 子一 }, { name: 子二 }]
        `,
        findings: [{ messageId: "not-checkable", line: 10, severity: "info" }],
      },
      {
        name: "a total with no lines at all (lines: [])",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 100 }
              lines: []
        `,
        findings: [{ messageId: "no-parts", line: 8, severity: "info" }],
      },
      {
        name: "a total row alone",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 100 }
        `,
        findings: [{ messageId: "no-parts", line: 8, severity: "info" }],
      },
      {
        name: "a total 1.00 off its lines",
        body: `
          tables:
            - id: t
              title: 支出表
              total: { amount: 826.04 }
              lines:
                - { name: 甲, amount: 697.36 }
                - { name: 乙, amount: 127.68 }
        `,
        findings: [{ messageId: "sum-mismatch", line: 8, expected: "825.04", actual: "826.04", difference: "1", tolerance: "0.015" }],
      },
      {
        name: "a rounding residual (尾差) within tolerance is info",
        body: `
          tables:
            - id: t
              title: 卫生健康支出
              lines:
                - name: 行政事业单位医疗
                  amount: 35.07
                  lines:
                    - { name: 事业单位医疗, amount: 15.18 }
                    - { name: 公务员医疗补助, amount: 19.88 }
        `,
        findings: [{ messageId: "sum-rounding", line: 10, severity: "info", expected: "35.06", actual: "35.07", difference: "0.01", tolerance: "0.015" }],
      },
      {
        name: "a residual just beyond tolerance is an error",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 35.08 }
              lines:
                - { name: 甲, amount: 15.18 }
                - { name: 乙, amount: 19.88 }
        `,
        findings: [{ messageId: "sum-mismatch", line: 8, difference: "0.02", tolerance: "0.015" }],
      },
      {
        name: "a total printed short (128.9) agrees only at the decimals written: info",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 128.9 }
              lines:
                - { name: 甲, amount: 100.44 }
                - { name: 乙, amount: 28.44 }
        `,
        findings: [{ messageId: "sum-coarse", line: 8, severity: "info", expected: "128.88", difference: "0.02", tolerance: "0.06" }],
      },
      {
        name: "a part written as an integer is read at the precision, not as ±0.5",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 0.45 }
              lines:
                - { name: 甲, amount: 1 }
                - { name: 乙, amount: 0.45 }
        `,
        findings: [{ messageId: "sum-mismatch", line: 8, expected: "1.45" }],
      },
      {
        name: "a parent line off its children",
        body: `
          tables:
            - id: t
              title: 表
              lines:
                - code: "201"
                  name: 一般公共服务支出
                  amount: 698.36
                  lines:
                    - { code: "2010350", name: 事业运行, amount: 308.86 }
                    - { code: "2010399", name: 其他, amount: 388.5 }
        `,
        findings: [{ messageId: "sum-mismatch", line: 11, expected: "697.36" }],
      },
      {
        name: "a sum column off its parts, and a column total off its lines",
        body: `
          tables:
            - id: t
              title: 基本支出表
              columns:
                - { id: total, name: 合计, sum: [personnel, public] }
                - { id: personnel, name: 人员经费 }
                - { id: public, name: 公用经费 }
              total:
                amount: { total: 436.54, personnel: 373.45, public: 63.09 }
              lines:
                - { code: "301", name: 工资福利支出, amount: { total: 369.7, personnel: 370.7 } }
                - { code: "302", name: 商品和服务支出, amount: { total: 63.09, public: 63.09 } }
                - { code: "303", name: 对个人和家庭的补助, amount: { total: 3.75, personnel: 3.75 } }
        `,
        findings: [
          { messageId: "sum-mismatch", line: 13, expected: "374.45", actual: "373.45" },
          { messageId: "sum-mismatch", line: 15, expected: "370.7", actual: "369.7" },
        ],
      },
      {
        name: "a blank sum cell beside a stated part",
        body: `
          tables:
            - id: t
              title: 表
              columns:
                - { id: total, name: 合计, sum: [basic, project] }
                - { id: basic, name: 基本支出 }
                - { id: project, name: 项目支出 }
              lines:
                - { name: 甲, amount: { basic: 5 } }
        `,
        findings: [{ messageId: "sum-mismatch", line: 13, expected: "5", actual: "0" }],
      },
      {
        name: "an earlier year off",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 825.04, history: { 2023: 1436.1 } }
              lines:
                - { name: 甲, amount: 436.54, history: { 2023: 405.1 } }
                - { name: 乙, amount: 388.5, history: { 2023: 1030 } }
        `,
        findings: [{ messageId: "sum-mismatch", line: 8, expected: "1435.1", actual: "1436.1" }],
      },
      {
        name: "prior and change off",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 10, prior: 8, change: 3 }
              lines:
                - { name: 甲, amount: 4, prior: 3, change: 1 }
                - { name: 乙, amount: 6, prior: 4, change: 1 }
        `,
        findings: [
          { messageId: "sum-mismatch", line: 8, expected: "7", actual: "8" },
          { messageId: "sum-mismatch", line: 8, expected: "2", actual: "3" },
        ],
      },
      {
        name: "projects off the table total, funding off the project",
        body: `
          tables:
            - id: t
              title: 项目支出表
              total: { amount: 389.5 }
              projects:
                - id: a
                  name: 甲项目
                  amount: 81.5
                  funding: [{ source: 一般公共预算财政拨款, amount: 80.5 }]
                - { id: b, name: 乙项目, amount: 307 }
        `,
        findings: [
          { messageId: "sum-mismatch", line: 8, expected: "388.5" },
          { messageId: "sum-mismatch", line: 12, expected: "80.5", actual: "81.5" },
        ],
      },
      {
        name: "the parts of a 其中 list that exceed their figure",
        body: `
          statements:
            - text: 收入预算 825.04 万元，其中：一般公共预算拨款收入 800 万元，政府性基金 30 万元。
              figures:
                - name: 收入预算
                  amount: 825.04
                  parts: [{ name: 一般公共预算拨款收入, amount: 800 }, { name: 政府性基金, amount: 30 }]
        `,
        findings: [{ messageId: "bound-below", line: 9, expected: "830", actual: "825.04", difference: "-4.96" }],
      },
      {
        name: "a 其中 list that says it is complete is a sum",
        body: `
          statements:
            - text: 收入预算 825.04 万元，包括：一般公共预算拨款收入 800 万元，政府性基金 20 万元。
              figures:
                - name: 收入预算
                  amount: 825.04
                  complete: true
                  parts: [{ name: 一般公共预算拨款收入, amount: 800 }, { name: 政府性基金, amount: 20 }]
        `,
        findings: [{ messageId: "sum-mismatch", line: 9, expected: "820", actual: "825.04", difference: "5.04" }],
      },
      {
        name: "a headcount off by one person is off by one, not within rounding",
        body: `
          statements:
            - text: 实有人数 86 人（其中：在职 36 人，离退休 49 人）。
              figures:
                - name: 实有人数
                  count: 86
                  unit: 人
                  complete: true
                  parts: [{ name: 在职, count: 36, unit: 人 }, { name: 离退休, count: 49, unit: 人 }]
        `,
        findings: [{ messageId: "sum-mismatch", line: 9, expected: "85", actual: "86", difference: "1", tolerance: "0" }],
      },
      {
        name: "printed columns above their sum column, beside one not printed",
        body: `
          tables:
            - id: t
              title: 表
              columns:
                - { id: total, name: 合计, sum: [basic, project] }
                - { id: basic, name: 基本支出 }
                - { id: project, name: 项目支出, printed: false }
              lines:
                - { name: 甲, amount: { total: 400, basic: 436.54 } }
        `,
        findings: [{ messageId: "bound-below", line: 13, expected: "436.54", actual: "400", difference: "-36.54" }],
      },
    ],
  });
});
