import type { Text } from "../text.js";

/** Names of the figures a relation is about, for messages. */
export const figureNames = {
  amount: { zh: "金额", en: "amount" },
  prior: { zh: "上年数", en: "prior-year amount" },
  change: { zh: "增减额", en: "change" },
  growth: { zh: "增长率", en: "growth rate" },
  budgeted: { zh: "年初预算数", en: "initial budget" },
  budgetChange: { zh: "较年初预算增减额", en: "change against the initial budget" },
  budgetGrowth: { zh: "较年初预算增减率", en: "rate against the initial budget" },
  share: { zh: "占比", en: "share" },
} satisfies Record<string, Text>;

export function yearFigure(year: number): Text {
  return { zh: `${year} 年金额`, en: `amount for ${year}` };
}

export function columnFigure(name: string): Text {
  return { zh: `「${name}」栏金额`, en: `“${name}” amount` };
}

/** “the change of t5-1 line …”, “t5-1「…」的增减额” (with a space where Latin meets Han: “t5-1 的”). */
export function figureOf(label: Text, figure: Text): Text {
  const before = /[A-Za-z0-9]$/.test(label.zh) ? " " : "";
  const after = /^[A-Za-z0-9]/.test(figure.zh) ? " " : "";
  return { zh: `${label.zh}${before}的${after}${figure.zh}`, en: `the ${figure.en} of ${label.en}` };
}

/** “甲、乙” / “甲, 乙”. */
export function joined(labels: readonly Text[]): Text {
  return { zh: labels.map((label) => label.zh).join("、"), en: labels.map((label) => label.en).join(", ") };
}
