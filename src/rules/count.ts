import { defineRule, declarationExample, type Messages } from "./rule.js";

const messages = {
  "count-mismatch": {
    text: {
      zh: "{row}为 {actual}{unit}，但所列名称有 {listed} 个：{items}",
      en: "{row} is {actual} {unit}, but {listed} listed: {items}",
    },
  },
} satisfies Messages;

export const count = defineRule({
  id: "count",
  meta: {
    name: "CountMatchesList",
    description: {
      zh: "“共 N 个，分别是：……”所说的个数等于所列名称的个数。",
      en: "A count the text gives (共 N 个) equals the number of names it lists (分别是 …).",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        excerpt: true
        statements:
          - text: 内设机构共 6 个，分别是：办公室、财务科、业务一科、业务二科、信息中心。
            figures:
              - { name: 内设机构, count: 6, items: [办公室, 财务科, 业务一科, 业务二科, 信息中心] }
      `),
      passing: declarationExample(`
        excerpt: true
        statements:
          - text: 内设机构共 5 个，分别是：办公室、财务科、业务一科、业务二科、信息中心。
            figures:
              - { name: 内设机构, count: 5, items: [办公室, 财务科, 业务一科, 业务二科, 信息中心] }
      `),
    },
    docs: {
      zh: "部门概况常写“内设机构共 6 个，分别是：……”“项目共 3 个，包括：……”。个数与所列名称的个数不符，多半是漏列了一个名称，或个数没有随机构调整更新。个数只与个数相加（人数的其中各项之和由 sum 规则核对），从不与金额混算。",
      en: "A department's overview often says that it has 6 internal offices (内设机构共 6 个) and lists them (分别是 …). A count that differs from the number of names listed usually means a name was left out, or the count was not updated when the organisation changed. Counts add up only with counts (a headcount's parts are checked by the sum rule), never with money.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const table of declaration.tables) {
      for (const line of table.allLines) {
        if (!line.items || !line.amount || line.amount.value.eq(line.items.names.length)) continue;
        const listed = line.items.names.length;
        report({
          messageId: "count-mismatch",
          path: line.amount.path,
          data: {
            row: line.label,
            actual: line.amount.value.toString(),
            unit: line.countUnit ?? "",
            listed: { zh: String(listed), en: listed === 1 ? "1 name is" : `${listed} names are` },
            items: line.items.names.join("、"),
          },
          expected: String(listed),
          actual: line.amount.value.toString(),
          difference: line.amount.value.minus(listed).toString(),
          tolerance: "0",
          related: [line.items.path],
        });
      }
    }
  },
});
