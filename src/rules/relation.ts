import type { Severity } from "../finding.js";
import { decimalString, Exact, inUnitOf, Ratio, type Amount, type Percent } from "../model/figure.js";
import {
  compareHundred,
  compareIntervals,
  compareLinear,
  compareRatio,
  compareRestated,
  declaredInterval,
  ratioOperand,
  roundsTo,
  type Agreement,
  type Comparison,
  type Interval,
  type Term,
} from "../rounding/tolerance.js";
import type { MessageData, Text } from "../text.js";
import { joined } from "./figure-name.js";
import type { MessageMeta, Report } from "./rule.js";

/** Words for a message, built only when there is something to report (most relations hold exactly). */
export type Words = Text | string | (() => Text | string);

/** A printed amount a relation names, and how a message calls it. */
export interface Figure {
  amount: Amount;
  label: Words;
}

/** A printed percentage a relation names. */
export interface PercentFigure {
  percent: Percent;
  label: Words;
}

/** A figure known as an interval: a derived one (amount − change), or the sum of several. */
export interface Estimate {
  interval: Interval;
  label: Words;
  /** Where the finding about it points. */
  path: string;
}

/** A side of a ratio: its interval, and how the message shows it (“375.01”, “change 6.90”). */
export interface RatioOperand {
  interval: Interval;
  shown: Words;
}

/**
 * What a rule states: which figure is compared with which others, and how. The engine compares it
 * under the rounding model (src/rounding/tolerance.ts) and words the finding.
 */
export type Relation = {
  /** Words after the comparison: why the relation holds (a cross-table link), what is missing. */
  note?: Words;
  /** Other places in the relation, where they are not the figures named (a function: built only to report). */
  related?: () => string[];
  /** The severity of a mismatch, where the rule's default does not apply (a convention, a custom check). */
  severity?: Severity;
} & (
  | /** figure = Σ ± terms: a total and its parts, a change and amount − prior. */ { kind: "sum"; figure: Figure; terms: readonly Term[]; parts: Words }
  | /** The same figure printed twice. */ { kind: "same"; figure: Figure | PercentFigure; other: Figure | PercentFigure }
  | /** Two intervals for one figure (a prior stated and one derived): they overlap. */ {
      kind: "agree";
      figure: Figure | Estimate;
      other: Figure | Estimate;
    }
  | /** A percentage = part ÷ whole (a share, a growth rate). */ {
      kind: "ratio";
      figure: PercentFigure;
      part: RatioOperand;
      whole: RatioOperand;
      basis: "unrounded" | "printed";
      /** Another whole the stated percentage may have been computed on by mistake (a growth rate on this year's amount), and what to say when it was. */
      misread?: { whole: Interval; says: Words };
    }
  | /** A figure never above its limit (a part and its whole). */ { kind: "at-most"; figure: Figure | Estimate; limit: Figure | Estimate }
  | /** A figure never below the sum of some of its parts (the others state no amount). */ {
      kind: "at-least";
      figure: Figure;
      terms: readonly Term[];
      limit: Words;
    }
  | /** Percentages that add up to 100 (the shares of one whole). */ { kind: "hundred"; shares: readonly Percent[]; label: Words }
);

export type RelationKind = Relation["kind"];

const equalMismatch: MessageMeta = {
  text: {
    zh: "{figure}为 {actual}，与{other} {expected} 不一致，差 {difference}，超出容差 {tolerance}{note}",
    en: "{figure} is {actual}, but {other} is {expected}: off by {difference}, beyond the tolerance {tolerance}{note}",
  },
};

/** The one family of messages every comparison is worded with. */
export const relationMessages = {
  "sum-mismatch": {
    text: {
      zh: "{figure}应为{parts} {expected}，实为 {actual}，差 {difference}，超出容差 {tolerance}{note}",
      en: "{figure} should be {parts}, {expected}, but is {actual}: off by {difference}, beyond the tolerance {tolerance}{note}",
    },
  },
  "sum-rounding": {
    severity: "info",
    text: {
      zh: "{figure} {actual} 与{parts} {expected} 相差 {difference}，在尾差容差 {tolerance} 之内{note}",
      en: "{figure}, {actual}, differs from {parts}, {expected}, by {difference}: within the rounding tolerance {tolerance}{note}",
    },
  },
  "sum-coarse": {
    severity: "info",
    text: {
      zh: "{figure} {actual} 与{parts} {expected} 相差 {difference}，只有按所写的小数位理解时才在容差 {tolerance} 之内{note}",
      en: "{figure}, {actual}, differs from {parts}, {expected}, by {difference}: within the tolerance {tolerance} only when read at the decimals it is written with{note}",
    },
  },
  "equal-mismatch": equalMismatch,
  "equal-rounding": {
    severity: "info",
    text: {
      zh: "{figure} {actual} 与{other} {expected} 相差 {difference}，在尾差容差 {tolerance} 之内{note}",
      en: "{figure}, {actual}, differs from {other}, {expected}, by {difference}: within the rounding tolerance {tolerance}{note}",
    },
  },
  "equal-coarse": {
    severity: "info",
    text: {
      zh: "{figure} {actual} 与{other} {expected} 只在四舍五入到较少的小数位后一致{note}",
      en: "{figure}, {actual}, matches {other}, {expected}, only when rounded to the fewer decimals{note}",
    },
  },
  "ratio-mismatch": {
    text: {
      zh: "{figure}应为 {expected}（{part} ÷ {whole} = {unrounded}），实为 {actual}，差 {difference}，超出容差 {tolerance}{note}",
      en: "{figure} should be {expected} ({part} ÷ {whole} = {unrounded}) but is {actual}: off by {difference}, beyond the tolerance {tolerance}{note}",
    },
  },
  "ratio-rounding": {
    severity: "info",
    text: {
      zh: "{figure} {actual} 与 {part} ÷ {whole} = {unrounded} 四舍五入的 {expected} 不同，但在金额的尾差范围内（差 {difference}，容差 {tolerance}）{note}",
      en: "{figure}, {actual}, is not {part} ÷ {whole} = {unrounded} rounded, {expected}, but the amounts' rounding allows it (off by {difference}, tolerance {tolerance}){note}",
    },
  },
  "bound-above": {
    text: {
      zh: "{figure} {actual} 超过了{limit} {expected}，超出 {difference}，超出容差 {tolerance}{note}",
      en: "{figure}, {actual}, exceeds {limit}, {expected}, by {difference}, beyond the tolerance {tolerance}{note}",
    },
  },
  "bound-below": {
    text: {
      zh: "{figure} {actual} 小于{limit} {expected}，差 {difference}，超出容差 {tolerance}{note}",
      en: "{figure}, {actual}, is less than {limit}, {expected}: off by {difference}, beyond the tolerance {tolerance}{note}",
    },
  },
  "hundred-mismatch": {
    text: {
      zh: "{figure}应为 100%，实为 {actual}，差 {difference}，超出容差 {tolerance}{note}",
      en: "{figure} should be 100% but is {actual}: off by {difference}, beyond the tolerance {tolerance}{note}",
    },
  },
  "hundred-rounding": {
    severity: "info",
    text: {
      zh: "{figure}为 {actual}，与 100% 相差 {difference}，在尾差容差 {tolerance} 之内{note}",
      en: "{figure} is {actual}, {difference} from 100%: within the rounding tolerance {tolerance}{note}",
    },
  },
} satisfies Record<string, MessageMeta>;
export type RelationMessage = keyof typeof relationMessages;

/** Which message each kind of relation reports for each outcome; an outcome without one is silent. */
const outcomes = {
  sum: { mismatch: "sum-mismatch", rounding: "sum-rounding", coarse: "sum-coarse" },
  same: { mismatch: "equal-mismatch", coarse: "equal-coarse" },
  agree: { mismatch: "equal-mismatch", rounding: "equal-rounding" },
  ratio: { mismatch: "ratio-mismatch", rounding: "ratio-rounding" },
  "at-most": { mismatch: "bound-above" },
  "at-least": { mismatch: "bound-below" },
  hundred: { mismatch: "hundred-mismatch", rounding: "hundred-rounding" },
} as const satisfies Record<RelationKind, Partial<Record<Exclude<Agreement, "exact">, RelationMessage>>>;

/** The messages a kind of relation can report. */
export type MessagesOf<K extends RelationKind> = K extends RelationKind ? (typeof outcomes)[K][keyof (typeof outcomes)[K]] : never;

/** The engine's messages for the kinds of relation a rule states: spread into the rule's `meta.messages`. */
export function messagesFor<K extends RelationKind>(...kinds: K[]): Record<MessagesOf<K>, MessageMeta> {
  const ids = kinds.flatMap<RelationMessage>((kind) => Object.values(outcomes[kind]));
  return Object.fromEntries(ids.map((id) => [id, relationMessages[id]])) as Record<MessagesOf<K>, MessageMeta>;
}

/** What a comparison came to, with what the finding needs besides the figures. */
interface Outcome {
  comparison: Comparison;
  /** Where the finding points, and the other places in the relation: built only to report. */
  where: () => { path: string; related: string[] };
  /** The names in the message: the figure and what it was compared with. */
  names: () => MessageData;
  /** A percentage comparison: figures shown as printed (6.90%), differences in percentage points. */
  percent?: { decimals: number; expectedDecimals: number };
  /** The amount reported, whose unit the figures are shown in (2500元 in a 万元 document). */
  printedLike?: Amount;
  /** What a mismatch may be explained by (a ratio truncated, or on the wrong whole): built only for a mismatch. */
  diagnosis?: () => Text | undefined;
}

const words = (label: Words): Text | string => (typeof label === "function" ? label() : label);

const intervalOf = (figure: Figure | Estimate): Interval => ("interval" in figure ? figure.interval : declaredInterval(figure.amount));
const pathOf = (figure: Figure | Estimate): string => ("interval" in figure ? figure.path : figure.amount.path);

function printed(figure: Figure | PercentFigure): Amount | Percent {
  return "percent" in figure ? figure.percent : figure.amount;
}

/** Why a relation holds, after its comparison: “（收支平衡）”, “ (balance)”. */
export function aside(why: Text): Text {
  return { zh: `（${why.zh}）`, en: ` (${why.en})` };
}

const textOf = (label: Words): Text => {
  const said = words(label);
  return typeof said === "string" ? { zh: said, en: said } : said;
};

/** figure = Σ parts, each part named (a cross-table link, a custom check). */
export function sumOf(figure: Figure, parts: readonly Figure[], why?: Text): Extract<Relation, { kind: "sum" }> {
  return {
    kind: "sum",
    figure,
    terms: parts.map(({ amount }) => ({ amount, sign: 1 })),
    parts: () => {
      const names = joined(parts.map(({ label }) => textOf(label)));
      return { zh: `${names.zh}之和`, en: `the sum of ${names.en}` };
    },
    ...(why ? { note: aside(why) } : {}),
  };
}

/** Compares a relation under the rounding model; undefined when there is nothing it could report. */
function compare(relation: Relation): Outcome | undefined {
  switch (relation.kind) {
    case "sum": {
      const { figure, terms, parts } = relation;
      return {
        comparison: compareLinear(figure.amount, terms),
        where: () => ({ path: figure.amount.path, related: terms.map((term) => term.amount.path) }),
        names: () => ({ figure: words(figure.label), parts: words(parts) }),
        printedLike: figure.amount,
      };
    }
    case "same":
      return sameOutcome(relation);
    case "agree":
    case "at-most": {
      const { figure } = relation;
      const other = relation.kind === "agree" ? relation.other : relation.limit;
      const comparison = compareIntervals(intervalOf(figure), intervalOf(other));
      if (relation.kind === "at-most" && !comparison.difference.isPositive()) return undefined;
      return {
        comparison,
        where: () => ({ path: pathOf(figure), related: [pathOf(other)] }),
        names: () => ({ figure: words(figure.label), [relation.kind === "agree" ? "other" : "limit"]: words(other.label) }),
        ...("amount" in figure ? { printedLike: figure.amount } : {}),
      };
    }
    case "at-least": {
      const { figure, terms, limit } = relation;
      const comparison = compareLinear(figure.amount, terms);
      if (!comparison.difference.isNegative()) return undefined;
      return {
        comparison,
        where: () => ({ path: figure.amount.path, related: terms.map((term) => term.amount.path) }),
        names: () => ({ figure: words(figure.label), limit: words(limit) }),
        printedLike: figure.amount,
      };
    }
    case "ratio":
      return ratioOutcome(relation);
    case "hundred":
      return hundredOutcome(relation);
  }
}

/** One figure printed twice: the two agree at the fewer decimals. */
function sameOutcome(relation: Extract<Relation, { kind: "same" }>): Outcome {
  const [figure, other] = [printed(relation.figure), printed(relation.other)];
  return {
    comparison: compareRestated(figure.value, figure.decimals, other.value, other.decimals),
    where: () => ({ path: figure.path, related: [other.path] }),
    names: () => ({ figure: words(relation.figure.label), other: words(relation.other.label) }),
    ...("percent" in relation.figure ? { percent: { decimals: figure.decimals, expectedDecimals: other.decimals } } : { printedLike: relation.figure.amount }),
  };
}

function ratioOutcome(relation: Extract<Relation, { kind: "ratio" }>): Outcome | undefined {
  const { figure, part, whole, basis } = relation;
  const comparison = compareRatio(figure.percent, ratioOperand(part.interval, basis), ratioOperand(whole.interval, basis));
  // A share of 0 and growth from 0 are the rules' to word: there is no ratio to compare with.
  if (comparison.agreement === "zero-base") return undefined;
  const { decimals } = figure.percent;
  return {
    comparison,
    where: () => ({ path: figure.percent.path, related: [] }),
    names: () => ({ figure: words(figure.label), part: words(part.shown), whole: words(whole.shown) }),
    percent: { decimals, expectedDecimals: decimals },
    diagnosis: () => ratioDiagnosis(relation),
  };
}

/** The two common ways a printed percentage goes wrong: the ratio cut off instead of rounded, or computed on another whole. */
function ratioDiagnosis({ figure: { percent }, part, whole, misread }: Extract<Relation, { kind: "ratio" }>): Text | undefined {
  const exact = new Ratio(part.interval.mid).div(whole.interval.mid).times(100);
  if (exact.toDecimalPlaces(percent.decimals, Exact.ROUND_DOWN).eq(percent.value))
    return { zh: "；这是比值截断而不是四舍五入的结果", en: "; it is the ratio truncated rather than rounded" };
  if (misread && roundsTo(percent, part.interval.mid, misread.whole.mid)) return textOf(misread.says);
  return undefined;
}

/** The words after a comparison: the relation's own note, then what explains a mismatch. */
function noteOf(relation: Relation, outcome: Outcome): Text | string {
  const diagnosis = outcome.comparison.agreement === "mismatch" ? outcome.diagnosis?.() : undefined;
  const note = relation.note ? textOf(relation.note) : { zh: "", en: "" };
  return diagnosis ? { zh: note.zh + diagnosis.zh, en: note.en + diagnosis.en } : note;
}

/** Shares that make up a whole: they add up to 100%, at the most decimals any of them is printed with. */
function hundredOutcome(relation: Extract<Relation, { kind: "hundred" }>): Outcome {
  const { shares } = relation;
  const decimals = Math.max(...shares.map((share) => share.decimals));
  return {
    comparison: compareHundred(shares),
    where: () => ({ path: shares[shares.length - 1]?.path ?? "", related: shares.slice(0, -1).map((share) => share.path) }),
    names: () => ({ figure: words(relation.label) }),
    percent: { decimals, expectedDecimals: decimals },
  };
}

/** “0.01 个百分点”, “0.01 percentage points”. */
function points(value: string): Text {
  return { zh: `${value} 个百分点`, en: `${value} percentage point${value === "1" ? "" : "s"}` };
}

/** Expected, stated, difference and tolerance as a finding carries them: percentages as printed. */
function figuresOf({ comparison, percent, printedLike }: Outcome): { expected: string; actual: string; difference: string; tolerance: string } {
  const shown = (value: Exact) => decimalString(inUnitOf(value, printedLike));
  return {
    expected: percent ? `${comparison.expected.toFixed(percent.expectedDecimals)}%` : shown(comparison.expected),
    actual: percent ? `${comparison.actual.toFixed(percent.decimals)}%` : shown(comparison.actual),
    difference: percent ? decimalString(comparison.difference) : shown(comparison.difference),
    tolerance: percent ? decimalString(comparison.tolerance) : shown(comparison.tolerance),
  };
}

/**
 * Checks one relation and reports what it comes to: nothing when it holds exactly, info when it holds
 * only through rounding, a mismatch beyond. Returns whether it reported.
 */
export function checkRelation<K extends RelationKind>(report: Report<NoInfer<MessagesOf<K>>>, relation: Extract<Relation, { kind: K }>): boolean {
  const outcome = compare(relation);
  if (!outcome || outcome.comparison.agreement === "exact") return false;
  const { agreement } = outcome.comparison;
  const messageId = (outcomes[relation.kind] as Partial<Record<Agreement, MessagesOf<K>>>)[agreement];
  if (!messageId) return false;
  const figures = figuresOf(outcome);
  const { comparison, percent } = outcome;
  // Percentages differ in percentage points, never in "%".
  const inPoints = percent
    ? {
        difference: points(figures.difference),
        tolerance: points(figures.tolerance),
        ...(comparison.unrounded ? { unrounded: `${decimalString(comparison.unrounded)}%` } : {}),
      }
    : {};
  const where = outcome.where();
  const related = relation.related?.() ?? where.related;
  report({
    messageId,
    path: where.path,
    data: { ...outcome.names(), note: noteOf(relation, outcome), ...figures, ...inPoints },
    ...figures,
    ...(related.length > 0 ? { related } : {}),
    ...(relation.severity && agreement === "mismatch" ? { severity: relation.severity } : {}),
  });
  return true;
}
