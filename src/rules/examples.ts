/** For `budget-rules explain`: a failing and a passing declaration for each rule that checks. */
export interface RuleExample {
  failing: string;
  passing: string;
}

const head = "version: 1\ndepartment: { name: 示例部门, year: 2025 }\nunit: 万元\n";

export const examples: Record<string, RuleExample> = {
  bound: {
    failing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 100 }\n    lines:\n      - { name: 甲, amount: 120 }\n`,
    passing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 120 }\n    lines:\n      - { name: 甲, amount: 120 }\n`,
  },
  code: {
    failing: `${head}tables:\n  - id: t5-1\n    title: 一般公共预算支出表\n    lines:\n      - code: "201"\n        name: 一般公共服务支出\n        lines:\n          - { code: "2080505", name: 机关事业单位基本养老保险缴费支出 }\n`,
    passing: `${head}tables:\n  - id: t5-1\n    title: 一般公共预算支出表\n    lines:\n      - code: "201"\n        name: 一般公共服务支出\n        lines:\n          - { code: "2010350", name: 事业运行 }\n`,
  },
  completeness: {
    failing: `${head}tables:\n  - id: t8\n    title: 政府性基金预算支出表\n    kind: government-fund\n`,
    passing: `${head}tables:\n  - id: t8\n    title: 政府性基金预算支出表\n    kind: government-fund\n    empty: { reason: 2025 年没有使用政府性基金预算拨款安排的支出。 }\n`,
  },
  "cross-table": {
    failing: `${head}tables:\n  - id: t1\n    title: 部门收支总表\n    kind: summary\n    lines:\n      - { id: income, name: 收入总计, amount: 825.04 }\n      - { id: expenditure, name: 支出总计, amount: 826.04 }\n`,
    passing: `${head}tables:\n  - id: t1\n    title: 部门收支总表\n    kind: summary\n    lines:\n      - { id: income, name: 收入总计, amount: 825.04 }\n      - { id: expenditure, name: 支出总计, amount: 825.04 }\n`,
  },
  growth: {
    failing: `${head}tables:\n  - id: t5-1\n    title: 一般公共预算支出表\n    lines:\n      - { code: "2010350", name: 事业运行, amount: 308.86, change: 87.37, growth: 28.29% }\n`,
    passing: `${head}tables:\n  - id: t5-1\n    title: 一般公共预算支出表\n    lines:\n      - { code: "2010350", name: 事业运行, amount: 308.86, change: 87.37, growth: 39.45% }\n`,
  },
  indicator: {
    failing: `${head}tables:\n  - id: t11\n    title: 整体绩效目标表\n    indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 9 } }]\n  - id: t12-1\n    title: 项目绩效目标表\n    indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 10 } }]\n`,
    passing: `${head}tables:\n  - id: t11\n    title: 整体绩效目标表\n    indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 9 } }]\n  - id: t12-1\n    title: 项目绩效目标表\n    indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 9 } }]\n`,
  },
  "prior-year": {
    failing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 30, change: 8 }\n    lines:\n      - { name: 甲, amount: 10, change: 5 }\n      - { name: 乙, amount: 20, change: 5 }\n`,
    passing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 30, change: 10 }\n    lines:\n      - { name: 甲, amount: 10, change: 5 }\n      - { name: 乙, amount: 20, change: 5 }\n`,
  },
  share: {
    failing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 825.04 }\n    lines:\n      - { name: 基本支出, amount: 436.54, share: 53.91% }\n      - { name: 项目支出, amount: 388.5, share: 47.09% }\n`,
    passing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 825.04 }\n    lines:\n      - { name: 基本支出, amount: 436.54, share: 52.91% }\n      - { name: 项目支出, amount: 388.5, share: 47.09% }\n`,
  },
  statement: {
    failing: `${head}tables:\n  - id: t6\n    title: 基本支出表\n    total: { amount: 436.54 }\nstatements:\n  - text: 基本支出 463.54 万元。\n    figures: [{ restates: t6, amount: 463.54 }]\n`,
    passing: `${head}tables:\n  - id: t6\n    title: 基本支出表\n    total: { amount: 436.54 }\nstatements:\n  - text: 基本支出 436.54 万元。\n    figures: [{ restates: t6, amount: 436.54 }]\n`,
  },
  sum: {
    failing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 826.04 }\n    lines:\n      - { name: 基本支出, amount: 436.54 }\n      - { name: 项目支出, amount: 388.5 }\n`,
    passing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 825.04 }\n    lines:\n      - { name: 基本支出, amount: 436.54 }\n      - { name: 项目支出, amount: 388.5 }\n`,
  },
  schema: {
    failing: `${head}tables:\n  - id: t\n    title: 表\n    lines:\n      - { name: 甲, ammount: 5 }\n`,
    passing: `${head}tables:\n  - id: t\n    title: 表\n    lines:\n      - { name: 甲, amount: 5 }\n`,
  },
  yaml: {
    failing: `${head}unit: 元\ntables: []\n`,
    passing: `${head}tables: []\n`,
  },
  suppression: {
    failing: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 826.04 }\n    lines:\n      # budget-rules-disable-next-line sum\n      - { name: 甲, amount: 825.04 }\n`,
    passing: `${head}tables:\n  - id: t\n    title: 表\n    # budget-rules-disable-next-line sum -- 上级批复的合计含 1 万元待分配资金\n    total: { amount: 826.04 }\n    lines:\n      - { name: 甲, amount: 825.04 }\n`,
  },
};
