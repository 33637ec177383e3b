import { Decimal } from "decimal.js";
import { childPointer } from "../load/json-pointer.js";

/**
 * The Decimal every figure is made of. Precision is generous so that sums of long amounts stay exact;
 * rounding is half-up (四舍五入), the way the disclosures round.
 */
export const Exact = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 80 });
export type Exact = Decimal;

/**
 * Ratios (shares, growth rates) are inexact however many digits they carry; 30 significant digits
 * is far beyond any printed percentage and much cheaper to divide at than Exact's 80.
 */
export const Ratio = Decimal.clone({ precision: 30, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 80 });

/** An amount as printed: its exact value, the decimals it was written with, and the declared precision. */
export interface Amount {
  value: Exact;
  /** Decimals written: `388.5` has 1. */
  decimals: number;
  /** Decimals the document says amounts were rounded to (per figure, table or document). */
  precision: number;
  readonly path: string;
  /**
   * Powers of ten between the unit the figure is printed in and the document's (2500元 in a 万元
   * document: 4): its value, decimals and precision are in the document's unit, its printing is not.
   */
  readonly shift?: number;
}

/** Powers of ten of each money unit, in 元. */
export const moneyUnitPowers: Readonly<Record<string, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** A percentage as printed, in percentage points (`45.26%` → 45.26), with the decimals written. */
export interface Percent {
  value: Exact;
  decimals: number;
  readonly path: string;
}

/**
 * Where a figure stands: its owner's pointer and its key, joined only when a finding needs the path.
 * A large declaration has a million figures and reports a handful.
 */
class Placed {
  constructor(
    private readonly owner: string,
    private readonly key: string | number,
  ) {}
  get path(): string {
    return childPointer(this.owner, this.key);
  }
}

class PlacedFigure extends Placed implements Amount {
  constructor(
    readonly value: Exact,
    readonly decimals: number,
    readonly precision: number,
    owner: string,
    key: string | number,
    readonly shift = 0,
  ) {
    super(owner, key);
  }
}

class PlacedPercent extends Placed implements Percent {
  constructor(
    readonly value: Exact,
    readonly decimals: number,
    owner: string,
    key: string | number,
  ) {
    super(owner, key);
  }
}

const decimalText = /^[+-]?(\d+)(?:\.(\d+))?$/;
const percentText = /^([+-]?\d+(?:\.(\d+))?) ?[%％]$/;

/**
 * Reads an amount from the text the declaration wrote, at `owner`/`key`; undefined when it is not plain
 * decimal notation.
 */
export function parseAmount(text: string, precision: number, owner: string, key: string | number, shift = 0): Amount | undefined {
  const match = decimalText.exec(text.trim());
  if (!match) return undefined;
  const decimals = match[2]?.length ?? 0;
  if (shift === 0) return new PlacedFigure(new Exact(text.trim()), decimals, precision, owner, key);
  // 2500元 is 0.2500万元: moving the decimal point is exact.
  return new PlacedFigure(new Exact(text.trim()).times(new Exact(10).pow(-shift)), decimals + shift, precision + shift, owner, key, shift);
}

/** Decimals that make a figure exact: a count (6 个, 86 人) is not rounded, so its interval is a point. */
export const exactDecimals = 30;

/** A count as printed: a whole number with no rounding, so that 86 against 36 + 49 is off by 1, not within ½. */
export function parseCount(text: string, owner: string, key: string): Amount | undefined {
  return /^\d+$/.test(text.trim()) ? new PlacedFigure(new Exact(text.trim()), exactDecimals, exactDecimals, owner, key) : undefined;
}

/** The same figure, placed where another part of the document refers to it. */
export function restatedAt(amount: Amount, owner: string, key: string): Amount {
  return new PlacedFigure(amount.value, amount.decimals, amount.precision, owner, key, amount.shift);
}

export function parsePercent(text: string, owner: string, key: string | number): Percent | undefined {
  const match = percentText.exec(text.trim());
  if (!match || match[1] === undefined) return undefined;
  return new PlacedPercent(new Exact(match[1]), match[2]?.length ?? 0, owner, key);
}

/**
 * Exact decimal text for reports, never in exponent form (the Exact clone only switches to exponents
 * beyond 10^80 or below 10^−40, far outside any budget).
 */
export function decimalString(value: Exact): string {
  return value.toString();
}

/** A percentage as the document printed it, trailing zeros and all (6.90%, -6.00%). */
export function printedPercent(percent: Percent): string {
  return `${percent.value.toFixed(percent.decimals)}%`;
}

/** The decimals an amount is written with in its own unit (2500元: 0, though 0.2500 in 万元). */
export function writtenDecimals(amount: Amount): number {
  return amount.decimals - (amount.shift ?? 0);
}

/** An amount as the document printed it (825.00 stays 825.00; 2500元 stays 2500 in a 万元 document). */
export function printedAmount(amount: Amount): string {
  return inUnitOf(amount.value, amount).toFixed(writtenDecimals(amount));
}

/** A value worked out in the document's unit, shown in the unit `like` is printed in, exactly. */
export function inUnitOf(value: Exact, like: Amount | undefined): Exact {
  const shift = like?.shift ?? 0;
  return shift === 0 ? value : value.times(new Exact(10).pow(shift));
}
