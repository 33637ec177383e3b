import { Exact, exactDecimals, Ratio, type Amount, type Percent } from "../model/figure.js";

/**
 * The rounding model (XBRL Calculations 1.1): a figure printed at d decimals stands for any true value
 * within ±½·10^−d of it. Figures agree when their intervals can meet.
 */

/** [mid − half, mid + half]: the true values a printed figure, or a figure derived from printed ones, can stand for. */
export interface Interval {
  mid: Exact;
  half: Exact;
}

/** How a relation between printed figures holds. */
export type Agreement =
  /** to the last digit */
  | "exact"
  /** only through rounding of the printed figures (尾差): info */
  | "rounding"
  /** only when a figure written with fewer decimals than the precision is read at the decimals written: info */
  | "coarse"
  /** beyond what rounding can explain: error */
  | "mismatch";

export interface Comparison {
  agreement: Agreement;
  expected: Exact;
  actual: Exact;
  difference: Exact;
  tolerance: Exact;
  /** For a ratio: part ÷ whole before rounding to the stated decimals (18.7505 beside 18.75). */
  unrounded?: Exact;
}

const halfUnits = new Map<number, Exact>();

/** ½·10^−d, computed once per d: every figure of a large declaration asks for one. */
export function halfUnit(decimals: number): Exact {
  let half = halfUnits.get(decimals);
  if (!half) {
    // A count (exactDecimals) is not rounded at all.
    half = decimals >= exactDecimals ? new Exact(0) : new Exact(5).times(new Exact(10).pow(-decimals - 1));
    halfUnits.set(decimals, half);
  }
  return half;
}

/** How the document says the amount was rounded: at its precision, or finer if it was written finer. */
export function declaredInterval(amount: Amount): Interval {
  return { mid: amount.value, half: halfUnit(Math.max(amount.precision, amount.decimals)) };
}

/** The amount read at the decimals it is written with (`388.5` as ±0.05), where that is coarser. */
export function writtenInterval(amount: Amount): Interval {
  return { mid: amount.value, half: halfUnit(Math.min(amount.precision, amount.decimals)) };
}

export interface Term {
  amount: Amount;
  sign: 1 | -1;
}

function combine(terms: readonly Term[], read: (amount: Amount) => Interval): Interval {
  let mid = new Exact(0);
  let half = new Exact(0);
  for (const term of terms) {
    const interval = read(term.amount);
    mid = term.sign === 1 ? mid.plus(interval.mid) : mid.minus(interval.mid);
    half = half.plus(interval.half);
  }
  return { mid, half };
}

/** The interval of ±a ± b ± …, e.g. a prior derived as amount − change. */
export function derivedInterval(terms: readonly Term[]): Interval {
  return combine(terms, declaredInterval);
}

/** a − b, as an interval: a prior derived as amount − change, a change as amount − prior. */
export function differenceInterval(a: Amount, b: Amount): Interval {
  return derivedInterval([
    { amount: a, sign: 1 },
    { amount: b, sign: -1 },
  ]);
}

/**
 * A stated figure against ±a ± b ± … of others (a total against its parts, a change against
 * amount − prior): consistent when the intervals overlap at the declared precision, or else when the
 * stated figure is read at the fewer decimals it is written with.
 */
export function compareLinear(actual: Amount, terms: readonly Term[]): Comparison {
  const fine = combine(terms, declaredInterval);
  const difference = actual.value.minus(fine.mid);
  const base = { expected: fine.mid, actual: actual.value, difference };
  const fineTolerance = fine.half.plus(declaredInterval(actual).half);
  if (difference.isZero()) return { agreement: "exact", ...base, tolerance: fineTolerance };
  if (difference.abs().lte(fineTolerance)) return { agreement: "rounding", ...base, tolerance: fineTolerance };
  // Only the stated figure gets the coarser reading: `128.9` beside parts `100.44` and `28.44` is a
  // total printed short. Reading every part coarsely would let `0` and `2` stand for ±0.5.
  const coarseTolerance = fine.half.plus(writtenInterval(actual).half);
  if (difference.abs().lte(coarseTolerance)) return { agreement: "coarse", ...base, tolerance: coarseTolerance };
  return { agreement: "mismatch", ...base, tolerance: coarseTolerance };
}

export function compareSum(total: Amount, parts: readonly Amount[]): Comparison {
  return compareLinear(
    total,
    parts.map((amount) => ({ amount, sign: 1 as const })),
  );
}

/**
 * The same figure printed twice: two printings of one true value at the same decimals are identical,
 * so they agree only when the finer one, rounded to the decimals of the coarser, equals it.
 */
export function compareRestated(actual: Exact, actualDecimals: number, expected: Exact, expectedDecimals: number): Comparison {
  const difference = actual.minus(expected);
  if (difference.isZero()) return { agreement: "exact", expected, actual, difference, tolerance: new Exact(0) };
  const coarser = Math.min(actualDecimals, expectedDecimals);
  const agrees = actual.toDecimalPlaces(coarser).eq(expected.toDecimalPlaces(coarser));
  const tolerance = actualDecimals === expectedDecimals ? new Exact(0) : halfUnit(coarser);
  return { agreement: agrees ? "coarse" : "mismatch", expected, actual, difference, tolerance };
}

/** Two figures that should be the same, each an interval (stated or derived): they agree when they overlap. */
export function compareIntervals(actual: Interval, expected: Interval): Comparison {
  const difference = actual.mid.minus(expected.mid);
  const tolerance = actual.half.plus(expected.half);
  const agreement = difference.isZero() ? "exact" : difference.abs().lte(tolerance) ? "rounding" : "mismatch";
  return { agreement, expected: expected.mid, actual: actual.mid, difference, tolerance };
}

export type RatioComparison = Comparison | { agreement: "zero-base" };

/**
 * Whether part ÷ whole, in percent, rounds half-up to the stated percentage, by multiplication only:
 * (p − h)·whole < 100·part < (p + h)·whole. The common case, checked before any interval is built;
 * ties and non-positive wholes answer false and take the full path.
 */
export function roundsTo(stated: Percent, part: Exact, whole: Exact): boolean {
  if (!whole.isPositive() || whole.isZero()) return false;
  const half = halfUnit(stated.decimals);
  const hundredParts = part.times(100);
  return stated.value.minus(half).times(whole).lt(hundredParts) && stated.value.plus(half).times(whole).gt(hundredParts);
}

/**
 * A document that computes its percentages from the printed amounts must print exactly their ratio,
 * rounded: the amounts' rounding intervals then give no leeway.
 */
export function ratioOperand(interval: Interval, basis: "unrounded" | "printed"): Interval {
  return basis === "printed" ? { mid: interval.mid, half: new Exact(0) } : interval;
}

/** Decimals shown for a computed percentage beyond those the stated one was written with. */
const extraPercentDecimals = 2;

/**
 * A stated percentage against part ÷ whole. Exact when the ratio of the printed figures rounds
 * half-up to it; rounding when some true values within the figures' intervals give a ratio that does.
 */
export function compareRatio(stated: Percent, part: Interval, whole: Interval): RatioComparison {
  if (whole.mid.isZero()) return { agreement: "zero-base" };
  const statedHalf = halfUnit(stated.decimals);
  if (roundsTo(stated, part.mid, whole.mid)) {
    return { agreement: "exact", expected: stated.value, actual: stated.value, difference: new Exact(0), tolerance: statedHalf };
  }
  const computed = new Ratio(part.mid).div(whole.mid).times(100);
  const shown = stated.decimals + extraPercentDecimals;
  const rounded = computed.toDecimalPlaces(stated.decimals);
  // What a reader compares: the printed percentage with the ratio printed the same way, in points.
  const difference = stated.value.minus(rounded);
  const base = { expected: rounded, actual: stated.value, difference, unrounded: computed.toDecimalPlaces(shown) };
  if (rounded.eq(stated.value)) return { agreement: "exact", ...base, tolerance: statedHalf };

  const wholeLow = whole.mid.minus(whole.half);
  const wholeHigh = whole.mid.plus(whole.half);
  if (wholeLow.lte(0) && wholeHigh.gte(0)) {
    // The base may be zero within rounding: any ratio is possible.
    return { agreement: "rounding", ...base, tolerance: statedHalf };
  }
  const corners = [part.mid.minus(part.half), part.mid.plus(part.half)].flatMap((p) => [wholeLow, wholeHigh].map((w) => new Ratio(p).div(w).times(100)));
  const low = Exact.min(...corners);
  const high = Exact.max(...corners);
  const tolerance = Exact.max(computed.minus(low), high.minus(computed)).plus(statedHalf).toDecimalPlaces(shown, Exact.ROUND_UP);
  const overlaps = stated.value.plus(statedHalf).gte(low) && stated.value.minus(statedHalf).lte(high);
  return { agreement: overlaps ? "rounding" : "mismatch", ...base, tolerance };
}

/** Percentages that should add to 100 (sibling shares): each is off by at most ½·10^−k of its own. */
export function compareHundred(shares: readonly Percent[]): Comparison {
  const actual = shares.reduce((sum, share) => sum.plus(share.value), new Exact(0));
  const expected = new Exact(100);
  const difference = actual.minus(expected);
  const tolerance = shares.reduce((sum, share) => sum.plus(halfUnit(share.decimals)), new Exact(0));
  const agreement = difference.isZero() ? "exact" : difference.abs().lte(tolerance) ? "rounding" : "mismatch";
  return { agreement, expected, actual, difference, tolerance };
}
