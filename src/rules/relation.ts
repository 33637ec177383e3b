import { decimalString, type Amount, type Percent } from "../model/figure.js";
import { compareRatio, compareRestated, compareSum, declaredInterval, ratioOperand } from "../rounding/tolerance.js";
import type { Severity } from "../finding.js";
import type { Text } from "../text.js";
import { reportComparison } from "./relation-report.js";
import type { Messages, Report } from "./rule.js";

/** A figure a relation names: its amount and how to call it in a message. */
export interface Figure {
  amount: Amount;
  label: Text;
}

/**
 * A relation between figures anywhere in a declaration, as cross-table links and custom checks state
 * them: equal (the same figure printed twice), sum, ratio, and compare (a part never above its whole).
 */
export type Relation =
  | { kind: "equal"; left: Figure; right: Figure; what: Text }
  | { kind: "sum"; total: Figure; parts: Figure[]; what: Text }
  | { kind: "ratio"; percent: { value: Percent; label: Text }; part: Figure; whole: Figure; what: Text }
  | { kind: "compare"; left: Figure; right: Figure; what: Text };

/** The messages every rule that checks relations reports with. */
export const relationMessages = {
  "equal-mismatch": {
    text: {
      zh: "{left}为 {actual}，与{right} {expected} 不一致，差 {difference}（{what}）",
      en: "{left} is {actual}, but {right} is {expected}: off by {difference} ({what})",
    },
  },
  "equal-coarse": {
    severity: "info",
    text: {
      zh: "{left} {actual} 与{right} {expected} 只在四舍五入到较少的小数位后一致（{what}）",
      en: "{left}, {actual}, matches {right}, {expected}, only when rounded to the fewer decimals ({what})",
    },
  },
  "sum-mismatch": {
    text: {
      zh: "{left}应为 {parts} 之和 {expected}，实为 {actual}，差 {difference}，超出容差 {tolerance}（{what}）",
      en: "{left} should be the sum of {parts}, {expected}, but is {actual}: off by {difference}, beyond the tolerance {tolerance} ({what})",
    },
  },
  "sum-rounding": {
    severity: "info",
    text: {
      zh: "{left} {actual} 与 {parts} 之和 {expected} 相差 {difference}，在尾差容差 {tolerance} 之内（{what}）",
      en: "{left}, {actual}, differs from the sum of {parts}, {expected}, by {difference}: within the rounding tolerance {tolerance} ({what})",
    },
  },
  "ratio-mismatch": {
    text: {
      zh: "{left}应为 {expected}（{part} ÷ {whole} = {unrounded}），实为 {actual}，差 {difference}，超出容差 {tolerance}（{what}）",
      en: "{left} should be {expected} ({part} ÷ {whole} = {unrounded}) but is {actual}: off by {difference}, beyond the tolerance {tolerance} ({what})",
    },
  },
  "ratio-rounding": {
    severity: "info",
    text: {
      zh: "{left} {actual} 与 {part} ÷ {whole} = {unrounded} 四舍五入的 {expected} 不同，但在金额的尾差范围内（{what}）",
      en: "{left}, {actual}, is not {part} ÷ {whole} = {unrounded} rounded, {expected}, but the amounts' rounding allows it ({what})",
    },
  },
  "compare-exceeds": {
    text: {
      zh: "{left} {actual} 超过了{right} {expected}，超出 {difference}，超出容差 {tolerance}（{what}）",
      en: "{left}, {actual}, exceeds {right}, {expected}, by {difference}, beyond the tolerance {tolerance} ({what})",
    },
  },
} satisfies Messages;
export type RelationMessage = keyof typeof relationMessages;

function joined(labels: readonly Text[]): Text {
  return { zh: labels.map((label) => label.zh).join("、"), en: labels.map((label) => label.en).join(", ") };
}

/** Checks one relation with the rounding model and reports it; `severity` overrides a mismatch's. */
export function checkRelation(report: Report<RelationMessage>, relation: Relation, basis: "unrounded" | "printed", severity?: Severity): void {
  const withSeverity: Report<RelationMessage> = severity
    ? (problem) => report(problem.messageId.endsWith("-mismatch") || problem.messageId === "compare-exceeds" ? { ...problem, severity } : problem)
    : report;
  switch (relation.kind) {
    case "equal": {
      const { left, right } = relation;
      reportComparison(withSeverity, compareRestated(left.amount.value, left.amount.decimals, right.amount.value, right.amount.decimals), {
        messages: { mismatch: "equal-mismatch", rounding: "equal-coarse" },
        path: left.amount.path,
        data: { left: left.label, right: right.label, what: relation.what },
        related: [right.amount.path],
      });
      return;
    }
    case "sum": {
      const { total, parts } = relation;
      reportComparison(
        withSeverity,
        compareSum(
          total.amount,
          parts.map((part) => part.amount),
        ),
        {
          messages: { mismatch: "sum-mismatch", rounding: "sum-rounding" },
          path: total.amount.path,
          data: { left: total.label, parts: joined(parts.map((part) => part.label)), what: relation.what },
          related: parts.map((part) => part.amount.path),
        },
      );
      return;
    }
    case "ratio": {
      const { percent, part, whole } = relation;
      const comparison = compareRatio(percent.value, ratioOperand(declaredInterval(part.amount), basis), ratioOperand(declaredInterval(whole.amount), basis));
      if (comparison.agreement === "zero-base") return;
      reportComparison(withSeverity, comparison, {
        messages: { mismatch: "ratio-mismatch", rounding: "ratio-rounding" },
        path: percent.value.path,
        data: { left: percent.label, part: decimalString(part.amount.value), whole: decimalString(whole.amount.value), what: relation.what },
        related: [part.amount.path, whole.amount.path],
        percent: { decimals: percent.value.decimals },
      });
      return;
    }
    case "compare": {
      const { left, right } = relation;
      const low = declaredInterval(left.amount);
      const high = declaredInterval(right.amount);
      const difference = left.amount.value.minus(right.amount.value);
      const tolerance = low.half.plus(high.half);
      if (difference.lte(tolerance)) return;
      withSeverity({
        messageId: "compare-exceeds",
        path: left.amount.path,
        data: {
          left: left.label,
          right: right.label,
          what: relation.what,
          actual: decimalString(left.amount.value),
          expected: decimalString(right.amount.value),
          difference: decimalString(difference),
          tolerance: decimalString(tolerance),
        },
        expected: decimalString(right.amount.value),
        actual: decimalString(left.amount.value),
        difference: decimalString(difference),
        tolerance: decimalString(tolerance),
        related: [right.amount.path],
      });
      return;
    }
  }
}
