import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

/** 宁波市鄞州区明楼街道社区卫生服务中心 2021: the income and its shares, 其他收入's precision as given. */
const yinzhouIncome = (otherPrecision: string) => `
  statements:
    - text: 收入预算11654.33万元，其中：一般公共预算拨款收入3225万元，占27.67%；事业收入8000万元，占68.64%；其他收入300万元，占2.58%；上年结转129.33万元，占1.11%。
      figures:
        - name: 收入预算
          amount: 11654.33
          complete: true
          parts:
            - { name: 一般公共预算拨款收入, amount: 3225, share: 27.67%, precision: 0 }
            - { name: 事业收入, amount: 8000, share: 68.64%, precision: 0 }
            - { name: 其他收入, amount: 300, share: 2.58%${otherPrecision} }
            - { name: 上年结转, amount: 129.33, share: 1.11% }
`;

describe("share", () => {
  testRule("share", {
    valid: [
      {
        name: "shares of the table total that add to 100%",
        body: `
          tables:
            - id: t
              title: 支出表
              total: { amount: 825.04 }
              lines:
                - { name: 基本支出, amount: 436.54, share: 52.91% }
                - { name: 项目支出, amount: 388.5, share: 47.09% }
        `,
      },
      {
        name: "shares of the parent line, with the 合计 line at 100% of itself",
        body: `
          tables:
            - id: t
              title: 整体绩效目标表
              shareOf: parent
              lines:
                - name: 支出合计
                  amount: 825.04
                  share: 100%
                  lines:
                    - { name: 人员类, amount: 373.45, share: 45.26% }
                    - { name: 运转类, amount: 63.09, share: 7.65% }
                    - { name: 特定目标类, amount: 388.5, share: 47.09% }
        `,
      },
      {
        name: "a share of a referenced figure",
        body: `
          tables:
            - id: a
              title: 甲表
              total: { amount: 200 }
            - id: b
              title: 乙表
              lines:
                - { name: 某项, amount: 50, share: 25%, shareOf: a }
        `,
      },
      {
        name: "percentages at different decimals (12%, 4.5%, 7.25%)",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 400 }
              lines:
                - { name: 甲, amount: 48, share: 12% }
                - { name: 乙, amount: 18, share: 4.5% }
                - { name: 丙, amount: 29, share: 7.25% }
        `,
      },
      {
        name: "without a total row, shares are of the sum of the lines",
        body: `
          tables:
            - id: t
              title: 表
              lines:
                - { name: 甲, amount: 1, share: 25% }
                - { name: 乙, amount: 3, share: 75% }
        `,
      },
      {
        name: "shares of some lines only are not required to add to 100%",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 100 }
              lines:
                - { name: 甲, amount: 30, share: 30% }
                - { name: 乙, amount: 70 }
        `,
      },
      {
        name: "the parts of a figure the text states on its own are shares of it",
        body: `
          statements:
            - text: 支出预算 825.04 万元，其中：基本支出 436.54 万元，占 52.91%；项目支出 388.5 万元，占 47.09%。
              figures:
                - name: 支出预算
                  amount: 825.04
                  complete: true
                  parts:
                    - { name: 基本支出, amount: 436.54, share: 52.91% }
                    - { name: 项目支出, amount: 388.5, share: 47.09% }
        `,
      },
      {
        name: "a share of a figure another sentence states, named by its id",
        body: `
          statements:
            - text: 收入预算 1000 万元。
              figures: [{ id: income, name: 收入预算, amount: 1000 }]
            - text: 一般公共服务支出 500 万元，占收入预算的 50%。
              figures: [{ name: 一般公共服务支出, amount: 500, share: 50%, shareOf: narrative/income }]
        `,
      },
      {
        name: "a share of a 收支总表's line is of its side, not of income and expenditure together",
        body: `
          tables:
            - id: t1
              title: 部门收支总表
              lines:
                - id: income
                  name: 收入总计
                  amount: 825.04
                  lines: [{ id: general, name: 一般公共预算拨款收入, amount: 825.04 }]
                - id: expenditure
                  name: 支出总计
                  amount: 825.04
                  lines: [{ name: 一般公共服务支出, amount: 825.04 }]
          statements:
            - text: 一般公共预算拨款收入 825.04 万元，占 100%。
              figures: [{ restates: t1/general, amount: 825.04, share: 100% }]
        `,
      },
    ],
    invalid: [
      {
        // Only at 0 decimals can 300 stand for up to 300.5, and 300.5 of 11654.33 is 2.578%: a plug that
        // makes the printed shares add to 100% (宁波市鄞州区明楼街道社区卫生服务中心 2021).
        name: "a share of a figure printed without decimals, at its own precision: a rounding residual",
        body: yinzhouIncome(", precision: 0"),
        findings: [{ messageId: "ratio-rounding", severity: "info", line: 14, expected: "2.57%", actual: "2.58%" }],
      },
      {
        name: "the same share at the document's precision of 2",
        body: yinzhouIncome(""),
        findings: [{ messageId: "ratio-mismatch", line: 14, expected: "2.57%", actual: "2.58%" }],
      },
      {
        // 义龙试验区群工部 2015: 31.9332 ÷ 44.4572 = 71.829…%, printed 71.82%.
        name: "a share truncated rather than rounded says so",
        body: `
          statements:
            - text: 预算支出合计44.4572万元。其中:工资性支出31.9332万元,占71.82%。
              figures:
                - name: 预算支出
                  amount: 44.4572
                  precision: 4
                  parts:
                    - { name: 工资性支出, amount: 31.9332, share: 71.82% }
        `,
        findings: [{ messageId: "ratio-mismatch", line: 12, expected: "71.83%", actual: "71.82%", message: "it is the ratio truncated rather than rounded" }],
      },
      {
        name: "a sentence that gives only a share, checked against the amount of the line it restates",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 200 }
              lines:
                - { id: a, name: 甲, amount: 50 }
                - { id: b, name: 乙, amount: 150 }
          statements:
            - text: 甲占 35%。
              figures:
                - { restates: t/a, share: 35% }
        `,
        findings: [{ messageId: "ratio-mismatch", line: 15, expected: "25%", actual: "35%" }],
      },
      {
        name: "a share of a line that states no amount",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 200 }
              lines:
                - { name: 甲, share: 25% }
        `,
        findings: [{ messageId: "no-part", line: 10, severity: "info" }],
      },
      {
        name: "a share of a whole that states no amount, with parts that do not all state one",
        body: `
          tables:
            - id: t
              title: 表
              lines:
                - { name: 甲, amount: 50, share: 25% }
                - { name: 乙 }
        `,
        findings: [{ messageId: "no-whole", line: 9, severity: "info" }],
      },
      {
        name: "a share of a whole of 0",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 0 }
              lines:
                - { name: 甲, amount: 0, share: 5% }
        `,
        findings: [{ messageId: "zero-whole", line: 10 }],
      },
      {
        name: "a share 0.10 points off",
        body: `
          tables:
            - id: t
              title: 支出表
              total: { amount: 825.04 }
              lines:
                - { name: 基本支出, amount: 436.54, share: 53.01% }
                - { name: 项目支出, amount: 388.5, share: 46.99% }
        `,
        findings: [
          { messageId: "ratio-mismatch", line: 10, expected: "52.91%", actual: "53.01%" },
          { messageId: "ratio-mismatch", line: 11, expected: "47.09%", actual: "46.99%" },
        ],
      },
      {
        name: "a share computed on the wrong base (of a part instead of the total)",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 200 }
              lines:
                - { name: 甲, amount: 50, share: 50% }
                - { name: 乙, amount: 150, share: 50% }
        `,
        findings: [
          { messageId: "ratio-mismatch", line: 10, expected: "25%" },
          { messageId: "ratio-mismatch", line: 11, expected: "75%" },
        ],
      },
      {
        name: "shares of thirds at whole percents add to 99%: a rounding residual",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 3 }
              lines:
                - { name: 甲, amount: 1, share: 33% }
                - { name: 乙, amount: 1, share: 33% }
                - { name: 丙, amount: 1, share: 33% }
        `,
        findings: [{ messageId: "hundred-rounding", line: 12, severity: "info", actual: "99%", difference: "-1", tolerance: "1.5" }],
      },
      {
        name: "shares that add to 100.2% at two decimals",
        body: `
          tables:
            - id: t
              title: 表
              total: { amount: 3 }
              lines:
                - { name: 甲, amount: 1, share: 33.4% }
                - { name: 乙, amount: 1, share: 33.4% }
                - { name: 丙, amount: 1, share: 33.4% }
        `,
        findings: [
          { messageId: "ratio-rounding", line: 10, severity: "info" },
          { messageId: "ratio-rounding", line: 11, severity: "info" },
          { messageId: "ratio-rounding", line: 12, severity: "info" },
          { messageId: "hundred-mismatch", line: 12, actual: "100.2%", tolerance: "0.15" },
        ],
      },
      {
        name: "a share of a reference that does not exist",
        body: `
          tables:
            - id: t
              title: 表
              lines:
                - { name: 甲, amount: 1, share: 25%, shareOf: nowhere }
        `,
        findings: [{ messageId: "unknown-whole", line: 9 }],
      },
      {
        name: "a share of a line of its own table, written without the table",
        body: `
          tables:
            - id: t4
              title: 表
              lines:
                - { id: basic, name: 基本支出, amount: 4 }
                - { name: 甲, amount: 1, share: 25%, shareOf: basic }
        `,
        findings: [{ messageId: "unknown-whole-suggest", line: 10 }],
      },
      {
        name: "a part's share that is not part ÷ the figure of its 其中 list",
        body: `
          statements:
            - text: 支出预算 825.04 万元，其中：基本支出 436.54 万元，占 53.91%。
              figures:
                - name: 支出预算
                  amount: 825.04
                  parts:
                    - { name: 基本支出, amount: 436.54, share: 53.91% }
        `,
        findings: [{ messageId: "ratio-mismatch", line: 11, expected: "52.91%", actual: "53.91%" }],
      },
      {
        name: "a share the text gives of nothing named",
        body: `
          statements:
            - text: 一般公共服务支出 500 万元，占 50%。
              figures: [{ name: 一般公共服务支出, amount: 500, share: 50% }]
        `,
        findings: [{ messageId: "no-base", line: 7, severity: "info" }],
      },
    ],
  });
});
