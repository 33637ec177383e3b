/** A cell's amount as printed, and the exact decimal text it stands for. */
export interface PrintedAmount {
  /** `1234.50`, `-12.00`: digits only, the sign of a bracket or minus kept, the decimals as printed. */
  value: string;
}

/**
 * An amount cell: digits with optional thousands separators (`,`, a space or a thin space between
 * groups of three), decimals, a minus or brackets for a negative. Blank, `-` and `—` are no amount
 * (unknown, not 0); a percentage is not an amount.
 */
export function amountOf(text: string): PrintedAmount | undefined {
  const folded = text.normalize("NFKC").trim();
  // Between groups: a comma or a space, never a line break (two numbers on two lines of a cell).
  const match = /^(-|−|\()?\s*(\d{1,3}(?:[, \u00a0\u2009\u202f]\d{3})+|\d+)(\.\d+)?\s*\)?$/u.exec(folded);
  if (!match) return undefined;
  const negative = match[1] !== undefined;
  if (match[1] === "(" && !folded.endsWith(")")) return undefined;
  const digits = (match[2] ?? "").replace(/[, \u00a0\u2009\u202f]/gu, "") + (match[3] ?? "");
  return { value: negative && !/^0+(?:\.0+)?$/.test(digits) ? `-${digits}` : digits };
}

/** A percentage cell (`45.26%`, `100％`), as printed. */
export function percentOf(text: string): string | undefined {
  const folded = text.normalize("NFKC").trim();
  return /^-?\d+(?:\.\d+)?\s*%$/.test(folded) ? folded : undefined;
}

/** A classification code as a table prints it: 3 digits (类), 5 (款) or 7 (项); economic codes 3 or 5. */
export function codeOf(text: string): string | undefined {
  const folded = text.normalize("NFKC").trim();
  return /^\d{3}(?:\d{2}){0,2}$/.test(folded) ? folded : undefined;
}

/** A cell that stands for no figure: blank or a dash. */
export function isBlank(text: string): boolean {
  return /^[\s\-—–－/]*$/.test(text.normalize("NFKC"));
}
