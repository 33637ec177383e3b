import { narrativeTableId, type Line, type Row, type StatedFigure, type TotalRow } from "../model/declaration.js";
import { childPointer } from "../load/json-pointer.js";
import { normalise } from "../document/text/normalise.js";
import { decimalString, Exact, inUnitOf, type Amount, type Percent } from "../model/figure.js";
import { resolveReference } from "../model/reference.js";
import { declaredInterval, derivedInterval, differenceInterval } from "../rounding/tolerance.js";
import type { Text } from "../text.js";
import { columnFigure, figureNames, figureOf } from "./figure-name.js";
import { checkRelation, messagesFor } from "./relation.js";
import { declarationExample, defineRule, type Messages, type Report } from "./rule.js";

const missingTexts = {
  table: { zh: "没有这张表", en: "there is no such table" },
  line: { zh: "表中没有这一行", en: "the table has no such line" },
  column: { zh: "表中没有这一栏", en: "the table has no such column" },
  total: { zh: "该表没有合计行", en: "the table states no total" },
} satisfies Record<string, Text>;

const countName: Text = { zh: "个数", en: "count" };

const increaseWords = ["增加", "增长", "提高", "上升"];
const decreaseWords = ["减少", "下降", "降低"];

/** A number as the sentence prints it, with the direction word just before it (增加 353.85). */
interface PrintedNumber {
  value: Exact;
  percent: boolean;
  word?: string;
}

const directionWord = `(?:(${[...increaseWords, ...decreaseWords].join("|")})\\s*)?`;
const printedNumber = new RegExp(`${directionWord}([+-]?\\d+(?:\\.\\d+)?)\\s*([%％])?`, "g");
/**
 * A number printed with thousands separators (6,198 万元; 1,085,203.63 元). Its digits are also read one
 * group at a time above, since “100,200,300” may as well be a list: each reading is a number the text prints.
 */
const groupedNumber = new RegExp(`${directionWord}([+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?)(?!\\d|,\\d)\\s*([%％])?`, "g");

/** A year (2025 年) or an ordinal (第 25 项) is not a figure, even when its digits equal one. */
function isYearOrOrdinal(text: string, match: RegExpMatchArray): boolean {
  const start = (match.index ?? 0) + (match[0].length - match[0].trimStart().length) + (match[1]?.length ?? 0);
  const end = (match.index ?? 0) + match[0].length;
  return match[3] === undefined && (/^\s*年/.test(text.slice(end)) || /第\s*$/.test(text.slice(0, start)));
}

/**
 * The numbers a sentence prints, read as the document reader reads them (a sentence pasted from a page or
 * a PDF): full-width digits (４６．８％) as ASCII, a number broken across lines or page debris as one.
 */
function numbersIn(printed: string, normalised: string): PrintedNumber[] {
  // As printed too, where 100,200,300 is three numbers as well as one.
  return [normalised, printed.normalize("NFKC")]
    .flatMap((text) => [...text.matchAll(printedNumber), ...text.matchAll(groupedNumber)].filter((match) => !isYearOrOrdinal(text, match)))
    .map((match) => {
      const number: PrintedNumber = { value: new Exact((match[2] ?? "0").replaceAll(",", "")), percent: match[3] !== undefined };
      if (match[1] !== undefined) number.word = match[1];
      return number;
    });
}

/** A statement's sentence read once for all its figures: its words as the document reader reads them (無增減 says 无增减), and its numbers. */
interface PrintedText {
  words: string;
  numbers: PrintedNumber[];
}

function printedText(text: string): PrintedText {
  const words = normalise(text).text;
  return { words, numbers: numbersIn(text, words) };
}

/** The printing of a value, preferring one whose 增加/减少 agrees with its sign (增加 170 … 减少 170 in one sentence). */
function printedAs(numbers: readonly PrintedNumber[], value: Exact, percent: boolean): PrintedNumber | undefined {
  const matches = numbers.filter((number) => number.percent === percent && number.value.abs().eq(value.abs()));
  const agrees = (word: string) => increaseWords.includes(word) !== value.isNegative();
  return matches.find((number) => number.word !== undefined && agrees(number.word)) ?? matches.find((number) => number.word !== undefined) ?? matches[0];
}

type FigureKey = "amount" | "prior" | "change";

/** “情况说明所述 t6 的金额”, “the amount of t6 in the narrative”. */
function inNarrative(label: Text): Text {
  return { zh: `情况说明所述${/^[A-Za-z0-9]/.test(label.zh) ? " " : ""}${label.zh}`, en: `${label.en} in the narrative` };
}

/** “表中 t6 的金额”, “the amount of t6 in its table”; a narrative figure stated again, “前文所述…”, “… where first stated”. */
function inTable(label: Text, line: Row): Text {
  const space = /^[A-Za-z0-9]/.test(label.zh) ? " " : "";
  if ((line as Line).table?.id === narrativeTableId) return { zh: `前文所述${space}${label.zh}`, en: `${label.en} where it is first stated` };
  return { zh: `表中${space}${label.zh}`, en: `${label.en} in its table` };
}

const amountLessChange = { zh: "本年数 − 增减额", en: "amount − change" };

/**
 * Compares what the statement prints with what the line it restates states. A column other than the
 * main one has only its amount in the table: its change and growth are the statement's own.
 */
function compareWithLine(report: Report<Message>, figure: StatedFigure, line: Row, restatedAmount: Amount | undefined, columnOnly: boolean) {
  // A restated column is named by its column: “t3 total “合计”'s “基本支出” amount”, not the total's.
  const column = figure.restates.column;
  const columnName = column === undefined ? undefined : (line as Line | TotalRow).table?.columns.find((declared) => declared.id === column)?.name;
  const named = (key: keyof typeof figureNames) =>
    figureOf(line.label, key === "amount" && columnName !== undefined ? columnFigure(columnName) : figureNames[key]);
  const amounts: [FigureKey, Amount | undefined, Amount | undefined][] = [
    ["amount", figure.amount, restatedAmount],
    ["prior", columnOnly ? undefined : figure.prior, line.prior],
    ["change", columnOnly ? undefined : figure.change, line.change],
  ];
  // A figure with its own name (read from a document) is spoken of by it, as the sentence names it.
  const own = (key: keyof typeof figureNames) => (figure.name === undefined ? inNarrative(named(key)) : figureOf(figure.label, figureNames[key]));
  for (const [key, stated, restated] of amounts) {
    if (stated && restated)
      checkRelation(report, {
        kind: "same",
        figure: { amount: stated, label: () => own(key) },
        other: { amount: restated, label: () => inTable(named(key), line) },
      });
  }
  if (columnOnly) return;
  const percents: ["growth" | "share", Percent | undefined, Percent | undefined][] = [
    ["growth", figure.growth, line.growth],
    ["share", figure.shareOf ? undefined : figure.share, line.share],
  ];
  for (const [key, stated, restated] of percents) {
    if (stated && restated)
      checkRelation(report, {
        kind: "same",
        figure: { percent: stated, label: () => inNarrative(named(key)) },
        other: { percent: restated, label: () => inTable(named(key), line) },
      });
  }
  comparePriors(report, figure, line, restatedAmount, named);
}

type Named = (key: keyof typeof figureNames) => Text;

/** A prior that one side states and the other implies (amount − change), or prior + change against the amount. */
function comparePriors(report: Report<Message>, figure: StatedFigure, line: Row, restatedAmount: Amount | undefined, named: Named) {
  const derivedPrior = (row: Row, amount: Amount | undefined) => (amount && row.change ? differenceInterval(amount, row.change) : undefined);
  const lineDerived = line.prior ? undefined : derivedPrior(line, restatedAmount);
  const figureDerived = figure.prior ? undefined : derivedPrior(figure, figure.amount);
  const derived = () => figureOf(line.label, amountLessChange);
  if (figure.prior && lineDerived) {
    checkRelation(report, {
      kind: "agree",
      figure: { amount: figure.prior, label: () => inNarrative(named("prior")) },
      other: { interval: lineDerived, label: () => inTable(derived(), line), path: line.path },
      related: () => [restatedAmount?.path ?? line.path, line.change?.path ?? line.path],
    });
  } else if (line.prior && figureDerived && figure.change) {
    const { prior } = line;
    checkRelation(report, {
      kind: "agree",
      figure: { interval: declaredInterval(prior), label: () => inTable(named("prior"), line), path: figure.change.path },
      other: { interval: figureDerived, label: () => inNarrative(derived()), path: prior.path },
    });
  } else if (figure.prior && figure.change && !figure.amount && restatedAmount) {
    // “比上年 8947 万元减少 2748 万元” about a figure stated elsewhere: prior + change is that figure.
    const terms = [
      { amount: figure.prior, sign: 1 as const },
      { amount: figure.change, sign: 1 as const },
    ];
    checkRelation(report, {
      kind: "agree",
      figure: { interval: derivedInterval(terms), label: () => inNarrative(figureOf(line.label, priorPlusChange)), path: figure.change.path },
      other: { amount: restatedAmount, label: () => inTable(named("amount"), line) },
    });
  }
}

const priorPlusChange = { zh: "上年数 + 增减额", en: "prior + change" };

const unchangedWords = /持平|无增减|无变化|没有变化|未变化|不变|相同|同上年/;

/** Every figure the statement states appears in its sentence, with 增加/减少 matching its sign; 持平 in words. */
function checkText(report: Report<Message>, figure: Row, { words, numbers }: PrintedText, isCount = false) {
  const checks: [keyof typeof figureNames, Amount | Percent | undefined, boolean][] = [
    ["amount", figure.amount, false],
    ["prior", figure.prior, false],
    ["change", figure.unchanged ? undefined : figure.change, false],
    ["growth", figure.unchanged ? undefined : figure.growth, true],
    ["share", figure.share, true],
    ["budgeted", figure.budgeted, false],
    ["budgetChange", figure.budgetChange, false],
    ["budgetGrowth", figure.budgetGrowth, true],
  ];
  if (figure.unchanged && !unchangedWords.test(words))
    report({ messageId: "unchanged-not-in-text", path: childPointer(figure.path, "unchanged"), data: { row: figure.label } });
  for (const [key, stated, percent] of checks) {
    if (!stated) continue;
    // 2500元 is looked for as 2500, whatever the document's unit.
    const value = percent ? stated.value : inUnitOf(stated.value, stated as Amount);
    const shown = `${decimalString(value)}${percent ? "%" : ""}`;
    const target = figureOf(figure.label, key === "amount" && isCount ? countName : figureNames[key]);
    const printed = printedAs(numbers, value, percent);
    if (!printed) {
      report({ messageId: "not-in-text", path: stated.path, data: { target, actual: shown } });
      continue;
    }
    if ((key === "change" || key === "growth" || key === "budgetChange" || key === "budgetGrowth") && printed.word !== undefined && !stated.value.isZero()) {
      const saysIncrease = increaseWords.includes(printed.word);
      if (saysIncrease === stated.value.isNegative()) {
        report({ messageId: "direction", path: stated.path, data: { target, actual: shown, word: printed.word } });
      }
    }
  }
}

const messages = {
  ...messagesFor("same", "agree"),
  "unknown-reference": {
    text: {
      zh: "所述的 {reference} 不存在：{missing}",
      en: "The statement restates {reference}, which does not exist: {missing}",
    },
  },
  direction: {
    text: {
      zh: "原文写“{word}”，但{target}为 {actual}：文字与正负号不符（减少应写负数）",
      en: "The text says “{word}” but {target} is {actual}: the word and the sign disagree (a decrease is written negative)",
    },
  },
  "budget-year": {
    text: {
      zh: "本文件是 {expected} 年度的预算，这句话写的却是 {actual} 年度",
      en: "This is the budget of {expected}, but the sentence names {actual}",
    },
  },
  "line-without-amount": {
    severity: "info",
    text: {
      zh: "情况说明重述{line}，但该行在表中未列金额：无从比较",
      en: "The narrative restates {line}, which states no amount in its table: there is nothing to compare with",
    },
  },
  "unchanged-not-in-text": {
    severity: "warning",
    text: {
      zh: "{row}声明为持平（unchanged），但原句中没有“持平”“无增减变化”“无变化”一类的字样",
      en: "{row} is declared unchanged, but the original sentence says nothing like 持平, 无增减变化 or 无变化",
    },
  },
  "not-in-text": {
    text: {
      zh: "原句中找不到{target} {actual}",
      en: "The original sentence does not print {target}, {actual}",
    },
  },
} satisfies Messages;
type Message = keyof typeof messages;

export const statement = defineRule({
  id: "statement",
  meta: {
    name: "NarrativeMatchesTables",
    description: {
      zh: "情况说明所述的每个数字（金额、上年数、增减额、增长率、占比）等于它重述的表行，文字中的增加/减少、增长/下降与符号一致。",
      en: "Every figure a narrative statement gives (amount, prior, change, growth, share) equals the line it restates, and its words 增加/减少, 增长/下降 agree with the sign.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t6
            title: 基本支出表
            total: { amount: 436.54 }
        statements:
          - text: 基本支出 463.54 万元。
            figures: [{ restates: t6, amount: 463.54 }]
      `),
      passing: declarationExample(`
        tables:
          - id: t6
            title: 基本支出表
            total: { amount: 436.54 }
        statements:
          - text: 基本支出 436.54 万元。
            figures: [{ restates: t6, amount: 436.54 }]
      `),
    },
    docs: {
      zh: "情况说明反复重述表中的数字（如 §一 和 §五(一) 的收支总额、§三 和 §六 的基本支出）。同一个数字印两次，在相同小数位下必须一字不差；小数位不同（388.5 与 388.50）时，较精确的一个四舍五入到较粗的位数后应相等（报 info）。上年数一边写明、另一边由本年数 − 增减额推出时，按区间比较。每个所述数字都应出现在原句中，原句中紧挨着增减额或增长率的“增加/增长”或“减少/下降”应与其符号一致；减少写负数。",
      en: "The narrative restates the tables' figures again and again (the totals in §一 and §五(一), 基本支出 in §三 and §六). One figure printed twice must be identical at the same decimals; at different decimals (388.5 and 388.50) the finer one rounded to the coarser must equal it (info). A prior stated on one side and implied as amount − change on the other is compared by intervals. Every stated figure must appear in the original sentence, and the word printed just before a change or growth rate (增加/增长 or 减少/下降) must agree with its sign; a decrease is written negative.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const statementNode of declaration.statements) {
      const { budgetYear } = statementNode;
      if (budgetYear !== undefined && declaration.year !== 0 && budgetYear !== declaration.year) {
        const [expected, actual] = [String(declaration.year), String(budgetYear)];
        report({ messageId: "budget-year", path: `${statementNode.path}/budgetYear`, data: { expected, actual }, expected, actual });
      }
      const printed = printedText(statementNode.text);
      const lines = [...statementNode.narrative];
      for (let line = lines.shift(); line; line = lines.shift()) {
        if (!line.breakdown) checkText(report, line, printed, line.countUnit !== undefined);
        lines.unshift(...line.lines);
      }
      for (const figure of statementNode.figures) {
        checkText(report, figure, printed);
        const resolution = resolveReference(declaration, figure.restates);
        if (!resolution.found) {
          report({
            messageId: "unknown-reference",
            path: figure.restates.path,
            data: { reference: figure.restates.text, missing: missingTexts[resolution.missing] },
          });
          continue;
        }
        if (figure.amount && !resolution.amount) {
          report({ messageId: "line-without-amount", path: figure.amount.path, data: { line: resolution.row.label }, related: [resolution.row.path] });
        }
        const restated = resolution.row;
        const mainColumn = restated.kind === "statement" ? undefined : (restated as Line | TotalRow).table.columns[0]?.id;
        const columnOnly = figure.restates.column !== undefined && figure.restates.column !== mainColumn;
        compareWithLine(report, figure, restated, resolution.amount, columnOnly);
      }
    }
  },
});
