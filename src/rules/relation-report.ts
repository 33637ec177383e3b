import { decimalString } from "../model/figure.js";
import type { Comparison } from "../rounding/tolerance.js";
import type { MessageData, Text } from "../text.js";
import type { Report } from "./rule.js";

/** Names of the figures a relation is about, for messages. */
export const figureNames = {
  amount: { zh: "金额", en: "amount" },
  prior: { zh: "上年数", en: "prior-year amount" },
  change: { zh: "增减额", en: "change" },
  growth: { zh: "增长率", en: "growth rate" },
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

export interface RelationReport<M extends string> {
  /** Message ids for a mismatch and for agreement only through rounding (and at the written decimals). */
  messages: { mismatch: M; rounding: M; coarse?: M };
  path: string;
  /** A function when the data is costly to build: it is built only if there is something to report. */
  data: MessageData | (() => MessageData);
  related?: string[];
  /** A percentage comparison: figures shown as printed at these decimals (6.90%), differences in points. */
  percent?: { decimals: number; expectedDecimals?: number };
}

/** “0.01 个百分点”, “0.01 percentage points”. */
function points(value: string): Text {
  return { zh: `${value} 个百分点`, en: `${value} percentage point${value === "1" ? "" : "s"}` };
}

/** Turns a comparison into a finding: nothing when exact, info within rounding, an error beyond it. */
export function reportComparison<M extends string>(report: Report<M>, comparison: Comparison, relation: RelationReport<M>): void {
  if (comparison.agreement === "exact") return;
  const { percent } = relation;
  const figures = percent
    ? {
        expected: `${comparison.expected.toFixed(percent.expectedDecimals ?? percent.decimals)}%`,
        actual: `${comparison.actual.toFixed(percent.decimals)}%`,
        // Percentages differ in percentage points, never in "%".
        difference: decimalString(comparison.difference),
        tolerance: decimalString(comparison.tolerance),
      }
    : {
        expected: decimalString(comparison.expected),
        actual: decimalString(comparison.actual),
        difference: decimalString(comparison.difference),
        tolerance: decimalString(comparison.tolerance),
      };
  const words = percent
    ? {
        difference: points(figures.difference),
        tolerance: points(figures.tolerance),
        ...(comparison.unrounded ? { unrounded: `${decimalString(comparison.unrounded)}%` } : {}),
      }
    : {};
  const messageId =
    comparison.agreement === "mismatch"
      ? relation.messages.mismatch
      : comparison.agreement === "coarse"
        ? (relation.messages.coarse ?? relation.messages.rounding)
        : relation.messages.rounding;
  report({
    messageId,
    path: relation.path,
    data: { ...(typeof relation.data === "function" ? relation.data() : relation.data), ...figures, ...words },
    ...figures,
    ...(relation.related && relation.related.length > 0 ? { related: relation.related } : {}),
  });
}
