import { describe, expect, it } from "vitest";
import { declareDocument } from "../../src/document/declare/declaration-text.js";
import { readPlainText } from "../../src/document/formats/plain-text.js";
import { readDisclosure } from "../../src/document/sentences/read.js";
import { checkDisclosureText } from "../../src/run/check-disclosure.js";

/** What checking the text finds: each finding as “severity rule/message”, a not-read one with its reason. */
const findings = (text: string) =>
  checkDisclosureText(text, { lang: "en" }).findings.map((finding) => `${finding.severity} ${finding.rule}/${finding.messageId}`);

/** The amounts the reader took from the text, as values, and the reasons of what it did not read. */
function reading(text: string): { values: string[]; unread: string[] } {
  const read = readDisclosure(text);
  return {
    values: read.sentences.flatMap((sentence) => sentence.figures.filter((figure) => !figure.unknown).map((figure) => figure.value.toString())),
    unread: read.unread.map((entry) => entry.why ?? entry.kind),
  };
}

/** Nothing else read: the document says nothing was checked, and what it did not read. */
const nothingChecked = ["error document/nothing-read", "info narrative/not-read"];

describe("a space or thin space between groups of three digits is a thousands separator (issue 21)", () => {
  it.each([
    // the two: never 234.5, never 0
    ["支出预算总额1 234.5万元，其中：基本支出1000万元，项目支出200万元。", ["1234.5", "1000", "200"], []],
    ["支出预算总额2 000万元，其中：基本支出1000万元，项目支出1000万元。", ["2000", "1000", "1000"], []],
    // thin space, narrow no-break space, no-break space
    ["支出预算总额1\u2009234.5万元。", ["1234.5"], []],
    ["支出预算总额1\u202f234\u202f567万元。", ["1234567"], []],
    ["支出预算总额2\u00a0000万元。", ["2000"], []],
    // a name ending in a digit: still one number
    ["项目2 000万元。", ["2000"], []],
    // not groups of three, or two separators: not guessed as one number or two
    ["支出预算总额12 34.5万元，其中：基本支出1000万元，项目支出200万元。", ["1000", "200"], ["split-digits"]],
    ["支出预算总额1 2345万元。", [], ["split-digits"]],
    ["支出预算总额1 234\u2009567万元。", [], ["split-digits"]],
    // a space between a number and its unit, or between words, is no separator
    ["支出预算总额 1234.5 万元。", ["1234.5"], []],
  ])("%s", (text, values, unread) => {
    expect(reading(text)).toEqual({ values, unread });
  });

  it.each([
    // a real sum error behind the separator is found; a right sum passes
    ["支出预算总额1 234.5万元，其中：基本支出1000万元，项目支出200万元。", ["error sum/sum-mismatch"]],
    ["支出预算总额2 000万元，其中：基本支出1000万元，项目支出1100万元。", ["error sum/sum-mismatch"]],
    ["支出预算总额2 000万元，其中：基本支出1000万元，项目支出1000万元。", []],
    ["支出预算总额12 34万元，其中：基本支出1000万元，项目支出200万元。", ["error document/nothing-read", "info narrative/not-read"]],
  ])("checked: %s", (text, expected) => {
    expect(findings(text)).toEqual(expected);
  });
});

describe("an amount in words (一千二百万元, 1200万) keeps its list, which is reported as not read (issue 21)", () => {
  it.each([
    ["支出预算总额1200万，其中：基本支出1000万元，项目支出300万元。", ["1000", "300"], ["amount-in-words"]],
    ["支出预算总额为一千二百万元，其中：基本支出1000万元，项目支出300万元。", ["1000", "300"], ["amount-in-words"]],
    ["支出预算总额为5千万元，其中：基本支出1000万元，项目支出300万元。", ["1000", "300"], ["amount-in-words"]],
    ["支出预算总额为壹仟贰佰万元。", [], ["amount-in-words"]],
    ["“三公”经费十二万元，比上年减少2万元。", ["2"], ["amount-in-words"]],
    // not amounts: a year in numerals, 一元化, a count of people in 万
    ["二〇二五年预算实行一元化管理。", [], []],
    ["服务人口1200万人。", [], []],
  ])("%s", (text, values, unread) => {
    expect(reading(text)).toEqual({ values, unread });
  });

  it.each([
    // the list under the total in words is its own, not the previous sentence's total (a false sum error)
    ["工资福利支出500万元。支出预算总额为一千二百万元，其中：基本支出1000万元，项目支出300万元。", nothingChecked],
    ["工资福利支出500万元。支出预算总额1200万，其中：基本支出1000万元，项目支出300万元。", nothingChecked],
    // never a silent pass
    ["支出预算总额1200万，其中：基本支出1000万元，项目支出300万元。", nothingChecked],
    // beside what is read, the list is said not read
    ["工资福利支出500万元，比上年增加100万元，增长25%。支出预算总额1200万，其中：基本支出1000万元，项目支出300万元。", ["info narrative/not-read"]],
  ])("checked: %s", (text, expected) => {
    expect(findings(text)).toEqual(expected);
  });

  it("import declares no complete list under a total in words, and lists it as not read", () => {
    const yaml = declareDocument(
      readPlainText(new TextEncoder().encode("工资福利支出500万元。支出预算总额为一千二百万元，其中：基本支出1000万元，项目支出300万元。")),
    );
    expect(yaml).not.toMatch(/complete: true/);
    expect(yaml).not.toMatch(/parts:/);
    expect(yaml).toMatch(/why: amount-in-words/);
  });
});
