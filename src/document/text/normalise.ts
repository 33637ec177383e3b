import { simplified } from "./traditional.js";

/**
 * Normalising a disclosure's text for matching while keeping, for every character, its offset in the
 * original text: findings point at the figure as published.
 */
export interface Normalised {
  text: string;
  /** origin[i] is the offset in the original text of text[i]; origin[text.length] is the original length. */
  origin: number[];
}

const fullWidth: Record<string, string> = { "．": ".", "，": ",", "％": "%", "：": ":", "；": ";", "（": "(", "）": ")", "﹪": "%" };

/** Full-width digits and punctuation to half-width, one character for one. */
function halfWidth(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  return fullWidth[char] ?? char;
}

/** Keeps the characters for which `keep` holds, each with its origin. */
function filter(source: Normalised, drop: ReadonlySet<number>): Normalised {
  let text = "";
  const origin: number[] = [];
  for (let index = 0; index < source.text.length; index += 1) {
    if (drop.has(index)) continue;
    text += source.text[index];
    origin.push(source.origin[index] ?? 0);
  }
  origin.push(source.origin[source.text.length] ?? 0);
  return { text, origin };
}

/** The offsets of every match of `pattern` (or of its first group) in `text`. */
function matched(text: string, pattern: RegExp, group = 0): Set<number> {
  const offsets = new Set<number>();
  for (const match of text.matchAll(pattern)) {
    const span = match.indices?.[group];
    if (!span) continue;
    for (let index = span[0]; index < span[1]; index += 1) offsets.add(index);
  }
  return offsets;
}

/** Page furniture that is not the disclosure: font-size and print buttons, the QR-code line. */
const debris = /【[^】\n]{0,12}】|扫一扫在手机打开当前页/dg;

/** An outline marker that opens a line: 一、 (一) 1. 1、 第一. */
const outline = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、](?!\d)|第[一二三四五六七八九十]+)/;

/**
 * Line breaks a PDF or a narrow page put inside a sentence: after a full line (20 characters or more)
 * that does not end a sentence or a clause, before a line that opens no outline item. Text extracted
 * from a PDF may put a blank line after every line: a single blank line is crossed the same way. A
 * short line (a heading) keeps its break: lines are otherwise the document's structure.
 */
function brokenLines(text: string): Set<number> {
  const breaks = new Set<number>();
  const lines = text.split("\n");
  const continues = (line: string | undefined) => line !== undefined && line !== "" && !outline.test(line) && !line.includes("|");
  let end = -1;
  for (let index = 0; index < lines.length - 1; index += 1) {
    const line = lines[index] ?? "";
    end += line.length + 1;
    if (line.length < 20 || /[。;:!?]$/.test(line)) continue;
    if (continues(lines[index + 1])) breaks.add(end);
    else if (lines[index + 1] === "" && continues(lines[index + 2])) breaks.add(end).add(end + 1);
  }
  return breaks;
}

/** A Word or Excel table comes as cells between tabs: a tab inside a line (not its indent) is a bar, as in a pasted table. */
function cellBars(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const [from, to] = [line.search(/\S/), line.trimEnd().length];
      return from < 0 || !line.includes("\t") ? line : line.slice(0, from) + line.slice(from, to).replaceAll("\t", "|") + line.slice(to);
    })
    .join("\n");
}

/**
 * The text as the reader matches it: CR LF and lone CR as LF, full-width digits and punctuation
 * half-width, traditional characters simplified and a mirror's pinyin dropped, no spaces (but between two digits), no thousands separators (6,198), no line break
 * splitting a number (8\n25.04), no page debris. Line breaks are kept otherwise: they are structure.
 */
export function normalise(original: string): Normalised {
  let text = "";
  const origin: number[] = [];
  for (let index = 0; index < original.length; index += 1) {
    const char = original[index] ?? "";
    if (char === "\r" && original[index + 1] === "\n") continue;
    text += char === "\r" ? "\n" : simplified(halfWidth(char));
    origin.push(index);
  }
  origin.push(original.length);
  let result: Normalised = { text, origin };
  result = { text: cellBars(result.text), origin: result.origin };
  result = filter(result, matched(result.text, debris));
  // A mirror's pinyin after a character: 務(wù), 結(jié)轉(zhuǎn).
  result = filter(result, matched(result.text, /(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/dg));
  // Horizontal space, unless it separates two digits (two figures); so a line break inside a table cell
  // (U+2028: a label wrapped in its cell is one label, two numbers on two lines stay two).
  result = filter(result, matched(result.text, /(?<!\d)[ \t\u00a0\u2009\u202f\u3000\u2028]+|[ \t\u00a0\u2009\u202f\u3000\u2028]+(?!\d)/dg));
  // A line break inside a number: a digit, the break, and more digits that are not an outline number (1. / 1、).
  result = filter(result, matched(result.text, /(?<=\d)(\n+)(?=\d+(?:\.\d+)?(?![.、\d])(?:万元|元|亿元|%))/dg, 1));
  result = filter(result, brokenLines(result.text));
  return filter(result, thousandsSeparators(result.text));
}

/**
 * Thousands separators: 6,198 and 1,055.4, not a clause break after a decimal (2713623.00,34.60%); and a
 * space, no-break or thin space between groups of three (1 234.5万元, 2 000万元, 1\u2009234万元) when the
 * groups are regular, one separator throughout, and an amount's unit follows. Digits split otherwise
 * (12 34万元) are left as they are: the figure reader does not read a number that follows a digit and a space.
 */
function thousandsSeparators(text: string): Set<number> {
  const separators = new Set<number>();
  const patterns = [/(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,])/g, /(?<![\d.])\d{1,3}([ \u00a0\u2009\u202f])\d{3}(?:\1\d{3})*(?=(?:\.\d+)?(?:亿元|万元|元))/g];
  for (const pattern of patterns)
    for (const match of text.matchAll(pattern)) {
      for (let index = match.index; index < match.index + match[0].length; index += 1) if (!/\d/.test(text[index] ?? "")) separators.add(index);
    }
  return separators;
}
