import { Exact } from "../../model/figure.js";

/** Money units and their powers of ten in 元. */
export const moneyUnits = { 元: 0, 万元: 4, 亿元: 8 } as const;
export type MoneyUnit = keyof typeof moneyUnits;

/** A money unit's power of ten in 元; undefined for anything else (人, 个, %). */
export function unitPower(unit: string): number | undefined {
  return unit in moneyUnits ? moneyUnits[unit as MoneyUnit] : undefined;
}

/** Units of things counted: whole numbers, never rounded. */
const countUnits = ["人次", "批次", "人", "名", "辆", "个", "家"] as const;

export type Role =
  /** a stated amount: a subject, a total, a part */
  | "plain"
  /** an amount after 增加/减少: a change */
  | "change"
  /** an amount after 比/较 and before 增加/减少: the prior year's */
  | "prior"
  /** an amount before 的 x%: the whole of a share (完成预算 84.82 万元的 73.2%) */
  | "whole"
  /** an amount per counted thing (年人均 2400 元, 每家 10000 元): a rate, never a total or a subject */
  | "per"
  /** a percentage after 增长/下降 */
  | "rate"
  /** a percentage after 占, 的, or alone after an amount */
  | "share"
  /** a percentage that is neither */
  | "percent";

/** One figure as printed: its exact value from its text, the decimals written, its unit and place. */
export interface Figure {
  kind: "amount" | "percent" | "count";
  /** Unsigned, as printed. */
  value: Exact;
  decimals: number;
  /** 万元, 元, 亿元; a count's unit (人, 个…); "%"; "" for a bare amount before its share (2713623.00,34.60%). */
  unit: string;
  /** Offsets in the normalised text: the number, and the end of its unit. */
  start: number;
  end: number;
  text: string;
  role: Role;
  /** −1 for 减少/下降/降低, 1 for 增加/增长, 0 for the template 增加/减少; only for changes and rates. */
  sign: -1 | 0 | 1;
  /** The direction word as printed (增加, 下降…). */
  word: string;
  /** Index of the clause within its sentence. */
  clause: number;
  /** Parenthesis depth at the figure. */
  depth: number;
  /** Read into some relation (or as a plain statement). */
  read: boolean;
  /** A part of a list (其中…), so neither a total nor a subject for another relation. */
  listed: boolean;
  /**
   * False for a figure that only means something in a relation the reader left unread (an item of a list of
   * records, a part of a balance with a negative amount): reported as unread, never a statement of its own.
   */
  alone?: false;
  /**
   * Why an amount's value is not known though it is printed (一千二百万元, 1200万, 12 34万元): it holds its place
   * (a list under it is its list, not the sentence before's), but every relation it would be in is not read.
   */
  unknown?: UnknownWhy;
}

/** Why a printed amount is not read: written in Chinese numerals or with 万/亿 and no 元, or digits split by a space that is no thousands separator. */
export type UnknownWhy = "amount-in-words" | "split-digits";

const number = String.raw`\d+(?:\.\d+)?`;
const figurePattern = new RegExp(String.raw`(?<![\d.A-Za-z])(${number})(?:(亿元|万元|元)|(%)|(${countUnits.join("|")})|(?=,${number}%))`, "g");

type Found = Omit<Figure, "role" | "sign" | "word" | "clause" | "depth">;

/** Chinese numerals (一千二百, 贰拾): a numeral first, then numerals, powers of ten and 点. */
const numerals = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖";
const powers = "十百千万亿拾佰仟";
/**
 * Amounts whose value the reader does not work out, each still a figure of the sentence: in Chinese numerals
 * (一千二百万元, 十二万元), with digits and a power of ten in words (5千万元), or with 万/亿 and no 元 (1200万,).
 */
const inWords = new RegExp(
  String.raw`(?<![${numerals}${powers}点\d.])[${numerals}十拾][${numerals}${powers}点]*(亿元|万元|元)(?!化)|(?<![\d.A-Za-z])${number}[十百千]+[万亿]?(元)|(?<![\d.A-Za-z])${number}(?:[十百千]?([万亿]))(?![元\u4e00-\u9fff])`,
  "g",
);

/** Amounts in words (see `inWords`), as figures whose value is unknown. */
function amountsInWords(text: string, offset: number): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(inWords)) {
    // 一元化, 一二: a numeral alone before 元 with no power of ten is no amount.
    if (match[1] === "元" && !new RegExp(`[${powers}]`).test(match[0])) continue;
    const unit = match[1] ?? (match[2] ? "元" : `${match[3] ?? "万"}元`);
    found.push(unknownAmount(match[0], unit, offset + match.index, "amount-in-words"));
  }
  return found;
}

function unknownAmount(text: string, unit: string, start: number, why: UnknownWhy): Found {
  return {
    kind: "amount",
    value: new Exact(0),
    decimals: 0,
    unit,
    start,
    end: start + text.length,
    text,
    read: false,
    listed: false,
    alone: false,
    unknown: why,
  };
}

/** Every figure of a sentence: amounts with their unit, percentages, counts; years and codes are not figures. */
export function figuresIn(text: string, offset: number): Found[] {
  const figures: Found[] = [];
  for (const match of text.matchAll(figurePattern)) {
    const digits = match[1] ?? "";
    const unit = match[2] ?? match[3] ?? match[4] ?? "";
    // A bare number is an amount only with at least one decimal (2713623.00,34.60%), never a year.
    if (unit === "" && !digits.includes(".")) continue;
    const start = offset + match.index;
    // 12 34万元: digits with their unit after digits and a space that is no thousands separator (normalise
    // joins those), or a line break in a table cell (2 over 000万元), may be half a number: not read.
    // Bare decimals so (5591.34 5641.93) are a table's figures, read as before.
    if (match[2] && /\d[ \t\u00a0\u2009\u202f\u3000\u2028]+$/.test(text.slice(0, match.index))) {
      figures.push(unknownAmount(match[0], unit, start, "split-digits"));
      continue;
    }
    figures.push({
      kind: match[3] ? "percent" : match[4] ? "count" : "amount",
      value: new Exact(digits),
      decimals: digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0,
      unit: match[4] === "名" ? "人" : unit,
      start,
      end: start + match[0].length,
      text: match[0],
      read: false,
      listed: false,
    });
  }
  const words = amountsInWords(text, offset).filter((word) => !figures.some((figure) => figure.start < word.end && word.start < figure.end));
  return [...figures, ...words].sort((a, b) => a.start - b.start);
}

const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3, 三, 十一, 二十五 → a number; undefined for anything else. */
export function countValue(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === "") return undefined;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? chineseDigits[tens] : undefined;
  return (tens ? (chineseDigits[tens] ?? 0) : 1) * 10 + (units ? (chineseDigits[units] ?? 0) : 0);
}
