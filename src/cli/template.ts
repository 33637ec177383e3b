/** The declaration `budget-rules init` writes: every part of the format, commented, and valid as it is. */
export function declarationTemplate(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
#
# 部门预算公开声明 / department budget declaration — budget-rules format 1.
# 按公开文本原样填写每个数字（金额单位见 unit），然后运行：npx budget-rules check <本文件>
# Write every figure as printed, then run: npx budget-rules check <this file>
version: 1
department:
  name: 示例部门            # 部门全称 / the department's full name
  year: 2025                # 预算年度 / the budget year
unit: 万元                  # 元 / 千元 / 万元 / 亿元
precision: 2                # 金额的小数位数 / decimals amounts were rounded to

tables:
  # 每张表：id（用于引用）、title（原样照录）、kind（标准表的种类，见 docs/format.md）。
  # Each table: an id for references, its title as printed, and the kind of standard table it is.
  - id: t5-1
    no: "5-1"
    title: 一般公共预算支出表（分功能科目）
    kind: general-by-function
    total: { amount: 100.00 }
    lines:
      - code: "201"          # 类 3 位、款 5 位、项 7 位 / 3, 5 and 7 digits
        name: 一般公共服务支出
        amount: 100.00
        lines:
          - code: "2010350"
            name: 事业运行
            amount: 100.00
            change: 10.00       # 比上年增减，减少写负数 / the change, negative for a decrease
            growth: 11.11%      # 以上年为基数 / against the prior year
            reason: 人员增加     # 主要原因 / the main reason

  # 没有数据的表列为空表并说明 / a table without data is declared empty, with its explanation
  - id: t8
    no: "8"
    title: 政府性基金预算支出表
    kind: government-fund
    empty:
      reason: 本年度没有使用政府性基金预算拨款安排的支出。

# 情况说明中重述表内数字的句子 / the narrative's sentences that restate table figures
statements:
  - section: 五、一般公共预算支出安排情况
    text: 事业运行 2025 年预算数 100.00 万元，比 2024 年预算增加 10.00 万元，增长 11.11%，主要是人员增加。
    figures:
      - { restates: t5-1/2010350, amount: 100.00, change: 10.00, growth: 11.11% }
`;
}
