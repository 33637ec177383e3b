import { Decimal } from "decimal.js";

/**
 * The number formats a workbook may use by id without writing them out (ECMA-376 part 1, 18.8.30), for
 * those that tell how a number shows; the ids of dates and times are in `builtInDates`.
 */
const builtInFormats: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  48: "##0.0E+0",
  49: "@",
};

/** Built-in formats that show a date or a time (the East Asian ones, 27–36 and 50–58, included). */
const builtInDates = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** What a number format shows, from a format's id and the formats the workbook writes out; undefined for General. */
export type NumberFormat = { kind: "number"; code: string } | { kind: "date" } | undefined;

/** A code shows a date when, outside quotes and brackets, it has a date or time letter (as exceljs decides). */
const isDateCode = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** The format a number format id stands for, in a workbook whose own formats are `written`. */
export function numberFormat(id: number, written: ReadonlyMap<number, string>): NumberFormat {
  const code = written.get(id) ?? builtInFormats[id];
  if (code === undefined) return builtInDates.has(id) ? { kind: "date" } : undefined;
  return isDateCode(code) ? { kind: "date" } : { kind: "number", code };
}

/**
 * A number as a number format shows it, for the formats budget tables use: fixed decimals (`0.00`),
 * thousands separators (`#,##0.00`) and percentages (`0.00%`). Other formats show the number in full.
 * The digits are the number's to 15 significant digits, as Excel keeps them, rounded half up; a number
 * given as the workbook's text (`844.17999999999995`) is read from that text, never through a JS float.
 */
export function formattedNumber(value: number | string, numFmt: string | undefined): string {
  const { shown, percent, decimals, thousands } = patternOf(numFmt ?? "General");
  const plain = typeof value === "string" && !percent ? plainDigits(value, shown ? decimals : undefined) : undefined;
  let digits = plain;
  if (digits === undefined) {
    const exact = typeof value === "number" ? new Decimal(value.toPrecision(15)) : new Decimal(value).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
    if (!shown) return exact.toFixed();
    digits = exact.times(percent ? 100 : 1).toFixed(decimals, Decimal.ROUND_HALF_UP);
  }
  if (!shown) return digits;
  if (thousands) digits = digits.replace(/^(-?\d+)/, (whole: string) => whole.replace(/\B(?=(\d{3})+$)/g, ","));
  return percent ? `${digits}%` : digits;
}

/** What a format's first section shows of a number: digits at all, as a percentage, how many decimals, thousands separated. */
interface Pattern {
  shown: boolean;
  percent: boolean;
  decimals: number;
  thousands: boolean;
}

const patterns = new Map<string, Pattern>();

/** A format's pattern (see Pattern), worked out once a format: a workbook has a few, used by every cell. */
function patternOf(numFmt: string): Pattern {
  let found = patterns.get(numFmt);
  if (found) return found;
  const pattern = (numFmt.split(";")[0] ?? "").replace(/"[^"]*"|\[[^\]]*\]|_.|\\./g, "");
  found = {
    shown: /[0#]/.test(pattern),
    percent: pattern.includes("%"),
    decimals: /\.([0#]+)/.exec(pattern)?.[1]?.length ?? 0,
    thousands: /[0#],[0#]/.test(pattern),
  };
  if (patterns.size < 1024) patterns.set(numFmt, found);
  return found;
}

/**
 * A number written plainly (`-825.6`: no exponent, no leading or, in full, trailing zeros, at most 15
 * digits, not a negative zero) at `decimals` places (in full when undefined), when that needs no rounding: what a
 * Decimal would give, without one. Undefined otherwise.
 */
function plainDigits(text: string, decimals: number | undefined): string | undefined {
  const match = /^(-?(?:0|[1-9]\d*))(?:\.(\d+))?$/.exec(text);
  if (!match || /^-0(\.0*)?$/.test(text) || text.replace(/^-?0?\.?0*/, "").replace(".", "").length > 15) return undefined;
  const [, whole = "", fraction = ""] = match;
  if (decimals === undefined) return fraction.endsWith("0") ? undefined : text;
  if (fraction.length > decimals) return undefined;
  return decimals === 0 ? whole : `${whole}.${fraction.padEnd(decimals, "0")}`;
}

/** A serial date (days since 1899-12-30, or since 1904-01-01 in a 1904 workbook) as an ISO date; the number itself when it is none. */
export function dateText(serial: string, date1904: boolean): string {
  const days = Number(serial) + (date1904 ? 1462 : 0);
  const date = new Date(Math.round((days - 25569) * 86_400_000));
  return Number.isNaN(date.getTime()) ? formattedNumber(serial, undefined) : date.toISOString().slice(0, 10);
}
