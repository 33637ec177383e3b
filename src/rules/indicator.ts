import type { Indicator } from "../model/declaration.js";
import { Exact } from "../model/figure.js";
import { nameKey } from "../model/name.js";
import { declarationExample, defineRule, type Messages } from "./rule.js";

/** Full-width digits, ％, spaces and invisible characters are how the same value is often printed differently. */
const normalised = nameKey;

const number = /^[+-]?\d+(?:\.\d+)?$/;

function sameValue(a: string, b: string): boolean {
  const left = normalised(a);
  const right = normalised(b);
  if (left === right) return true;
  return number.test(left) && number.test(right) && new Exact(left).eq(new Exact(right));
}

/** Indicators are the same when they share an id, or (without ids) the same group and name. */
function keyOf(indicator: Indicator): string {
  return indicator.id !== undefined ? `id:${indicator.id}` : `name:${nameKey(indicator.group ?? "")}/${nameKey(indicator.name)}`;
}

const messages = {
  mismatch: {
    text: {
      zh: "{left}的 {year} 年值为 {actual}，与{right}的 {expected} 不一致",
      en: "{left} has {actual} for {year}, but {right} has {expected}",
    },
  },
} satisfies Messages;

export const indicator = defineRule({
  id: "indicator",
  meta: {
    name: "IndicatorAgrees",
    description: {
      zh: "同一绩效指标在两张表中给出的同一年度指标值相同。",
      en: "The same performance indicator, for the same year, has the same value in every table that states it.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t11
            title: 整体绩效目标表
            indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 9 } }]
          - id: t12-1
            title: 项目绩效目标表
            indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 10 } }]
      `),
      passing: declarationExample(`
        tables:
          - id: t11
            title: 整体绩效目标表
            indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 9 } }]
          - id: t12-1
            title: 项目绩效目标表
            indicators: [{ id: events, name: 招聘活动场次, values: { 2024: 9 } }]
      `),
    },
    docs: {
      zh: "部门整体绩效目标表和项目绩效目标表常常重复同一指标（如“招聘活动场次”的前年、上年、当年值）。用相同的 id 标明同一指标（没有 id 时，分组和名称都相同的视为同一指标）；同一年的值必须相同。比较时全角数字和％与半角相同，数字按数值比较（86 与 86.0 相同）。",
      en: "The overall and project performance tables often repeat an indicator (its values for the year before last, last year and this year). Mark the same indicator with the same id (without ids, the same group and name count as the same indicator); its value for a year must be the same in every table. Full-width digits and ％ compare equal to half-width ones, and numbers compare by value (86 and 86.0 agree).",
    },
    messages,
  },
  check({ declaration, report }) {
    const first = new Map<string, Indicator>();
    for (const table of declaration.tables) {
      for (const item of table.indicators) {
        const key = keyOf(item);
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, item);
          continue;
        }
        for (const [year, value] of item.values) {
          const other = earlier.values.get(year);
          if (!other || sameValue(value.text, other.text)) continue;
          report({
            messageId: "mismatch",
            path: value.path,
            data: { left: item.label, right: earlier.label, year, actual: value.text, expected: other.text },
            // Figures for the JSON report only where both are numbers; text values are in the message.
            ...(number.test(normalised(value.text)) && number.test(normalised(other.text))
              ? {
                  actual: normalised(value.text),
                  expected: normalised(other.text),
                  difference: new Exact(normalised(value.text)).minus(normalised(other.text)).toString(),
                }
              : {}),
            related: [other.path],
          });
        }
      }
    }
  },
});
