import { countValue, figuresIn, type Figure } from "./figures.js";
import { normalise, type Normalised } from "../text/normalise.js";
import { readBudgetYear } from "./year.js";
import { readBreakdowns } from "./breakdown.js";
import { readProducts } from "./product.js";
import { withoutUnknown } from "./unknown.js";
import { before, clauseText, holding, type Growth, type List, type Reading, type Relation, type Sentence, type Share, type Unread } from "./relations.js";

export type { Reading, Relation, Sentence } from "./relations.js";

const outlinePattern = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、](?!\d)|\(\d+\))/;
const topLevel = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/;
const comparison = /比|较|相比|对比/;
const changeWord = /(增加\/减少|增加|减少|增长|下降|降低|增收|减收|增支|减支|减|增)(了)?$/;
const rateWord = /(增长\/下降|增长|下降|降低|减少|增加|上升|提高|增幅|降幅)(了|为)?$/;
const unchangedWords = /持平|无增减|无变化|没有变化|同上年|不变/;
/** A rate per counted thing: 年人均 2400 元, 每家 10000 元, 每人每年 500 元. */
const perUnit = /(?:人均|每人|每名|每家|每个|每户|每辆)[^,;:]{0,4}$/;
const explanation = /^(?:主要|用于|原因|具体用于|其中主要)/;

function signOf(word: string): -1 | 0 | 1 {
  if (word.includes("/")) return 0;
  return /减|下降|降低|降幅/.test(word) ? -1 : 1;
}

/** A line of a table: cells between bars, or a number alone. */
function isTableLine(line: string): boolean {
  return (line.includes("|") && !line.includes("。")) || (/^[\d.,]+\|?$/.test(line) && line !== "");
}

/** Splits the normalised text into paragraphs (lines), skipping tables, and those into sentences and clauses. */
function sentencesOf(normalised: Normalised, unread: Unread[]): Sentence[] {
  const text = normalised.text;
  const sentences: Sentence[] = [];
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    lines.push({ start, text: line });
    start += line.length + 1;
  }
  let section = 0;
  let outline = "";
  let paragraph = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line || line.text === "") continue;
    if (isTableLine(line.text)) {
      index = skipTable(lines, index, unread);
      continue;
    }
    paragraph += 1;
    if (topLevel.test(line.text)) section += 1;
    if (outlinePattern.test(line.text)) outline = headingOf(line.text);
    for (const match of line.text.matchAll(/[^。！？!?]+[。！？!?]?/g)) {
      if (match[0].trim() === "") continue;
      sentences.push(sentenceAt(line.start + match.index, match[0], { paragraph, section, outline }));
    }
  }
  return sentences;
}

interface Line {
  start: number;
  text: string;
}

/** A table: a run of table lines whose cells are not read, but noted as unread when they hold figures; returns the index of its last line. */
function skipTable(lines: readonly Line[], index: number, unread: Unread[]): number {
  let last = index;
  const inTable = (row: string) => isTableLine(row) || row === "" || (row.length <= 16 && !/[。,]|\d(?:万元|元|%)/.test(row));
  while (last + 1 < lines.length && inTable(lines[last + 1]?.text ?? "")) last += 1;
  while (last > index && !isTableLine(lines[last]?.text ?? "")) last -= 1;
  const run = lines.slice(index, last + 1);
  const numeric = run.find((row) => row.text.split("|").some((cell) => /^\d+(?:\.\d+)?$/.test(cell)));
  if (numeric && run.some((row) => row.text.includes("|"))) {
    const cell = /(?:^|\|)(\d+(?:\.\d+)?)(?=\||$)/.exec(numeric.text);
    const at = numeric.start + (cell ? cell.index + cell[0].indexOf(cell[1] ?? "") : 0);
    unread.push({
      kind: "table",
      start: at,
      end: at + (cell?.[1]?.length ?? 0),
      excerpt: run
        .map((row) => row.text)
        .join(" ")
        .slice(0, 24),
    });
  }
  return last;
}

/** One sentence, cut into clauses at the commas, semicolons and colons outside brackets, with its figures. */
/** A heading as far as its own words go: to the first punctuation or gap, at most 30 characters, never half a number. */
function headingOf(text: string): string {
  const heading = /^\S[^。,，:：;；\s]*/.exec(text)?.[0] ?? "";
  return heading.length <= 30 ? heading : heading.slice(0, 30).replace(/[\d.]+$/, "");
}

function sentenceAt(sentenceStart: number, sentenceText: string, place: Pick<Sentence, "paragraph" | "section" | "outline">): Sentence {
  const clauses: Sentence["clauses"] = [];
  let depth = 0;
  let clauseStart = 0;
  let delimiter = "";
  const depths: number[] = [];
  for (let offset = 0; offset < sentenceText.length; offset += 1) {
    const char = sentenceText[offset];
    if (char === "(") depth += 1;
    depths.push(depth);
    if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === "," || char === ";" || char === ":")) {
      clauses.push({ start: sentenceStart + clauseStart, end: sentenceStart + offset, delimiter });
      delimiter = char;
      clauseStart = offset + 1;
    }
  }
  clauses.push({ start: sentenceStart + clauseStart, end: sentenceStart + sentenceText.length, delimiter });
  const figures: Figure[] = figuresIn(sentenceText, sentenceStart).map((figure) => ({
    ...figure,
    role: "plain",
    sign: 0 as const,
    word: "",
    clause: Math.max(
      0,
      clauses.findIndex((clause) => figure.start >= clause.start && figure.start < clause.end),
    ),
    depth: depths[figure.start - sentenceStart] ?? 0,
  }));
  const { paragraph, section, outline } = place;
  return { start: sentenceStart, end: sentenceStart + sentenceText.length, text: sentenceText, paragraph, section, outline, clauses, figures };
}

/** What each figure is, from the words around it. */
function assignRoles(sentence: Sentence): void {
  const { figures } = sentence;
  figures.forEach((figure, index) => {
    const pre = before(sentence, figure);
    const next = figures[index + 1];
    const previous = figures[index - 1];
    const after = sentence.text.slice(figure.end - sentence.start, (next?.start ?? sentence.end) - sentence.start);
    if (figure.kind === "percent") {
      const rate = rateWord.exec(pre);
      if (rate?.[1]) Object.assign(figure, { role: "rate", sign: signOf(rate[1]), word: rate[1] });
      else if (pre.includes("占")) figure.role = "share";
      else if (previous?.kind === "amount" && previous.role === "whole" && previous.end === figure.start - 1) figure.role = "share";
      else if (pre === "" && previous?.kind === "amount" && previous.clause === figure.clause - 1 && previous.end === figure.start - 1) figure.role = "share";
      else figure.role = "percent";
      return;
    }
    const change = changeWord.exec(pre);
    if (change?.[1]) Object.assign(figure, { role: "change", sign: signOf(change[1]), word: change[1] });
    else if (figure.kind !== "amount") return;
    else if (perUnit.test(pre)) figure.role = "per";
    else if (after.startsWith("的") && next?.kind === "percent" && next.start === figure.end + 1) figure.role = "whole";
    else if (comparison.test(pre) && /^(?:相比)?(?:增加|减少|下降|降低|增长)/.test(after) && next?.kind === "amount") figure.role = "prior";
    else if (ofEarlierYear(sentence, index)) figure.role = "prior";
    // 与2019年498.83万元相比,收、支总计各减少…, 与2018年“三公”经费总额27389.54万元相比，减少…: what a sentence compares with is the prior.
    else if (/(?:^|[,;:])与[^,;:。]*$/.test(pre) && after.startsWith("相比")) figure.role = "prior";
    // 生均支出17443.63元,比上年17302.62元,增长0.81%: last year's amount, then the rate.
    else if (/(?:比|较)(?:上年|去年|上年度)(?:同期)?$/.test(pre) && next?.kind === "percent" && /^,?(?:增长|下降|降低|上升|增加|减少)/.test(after))
      figure.role = "prior";
  });
}

/** The year a figure's words name before it (2015年预算45.2万元), if any. */
function yearBefore(sentence: Sentence, figure: Figure): number | undefined {
  const years = [...before(sentence, figure).matchAll(/(?<!\d)((?:19|20)\d{2})年/g)];
  return years.length > 0 ? Number(years.at(-1)?.[1]) : undefined;
}

/**
 * 2016年预算25万元,2015年预算45.2万元,对比减少20.2万元: an amount of an earlier year than one before it,
 * compared after it, is the prior. Not a part (其中2023年结转20万元), nor an amount nothing is compared with.
 */
function ofEarlierYear(sentence: Sentence, index: number): boolean {
  const figure = sentence.figures[index];
  const year = figure && yearBefore(sentence, figure);
  if (!figure || year === undefined) return false;
  const text = (from: number, to: number) => sentence.text.slice(from - sentence.start, to - sentence.start);
  if (!/增加|减少|下降|增长|降低/.test(text(figure.end, sentence.end)) || /其中|包括|含|分别/.test(text(sentence.start, figure.start))) return false;
  return sentence.figures
    .slice(0, index)
    .some((earlier) => earlier.kind === "amount" && earlier.role === "plain" && (yearBefore(sentence, earlier) ?? 0) > year);
}

/** The nearest plain amount before `index` in the sentence, unless a clause starting 其中/主要/包括 lies between. */
function subjectBefore(sentence: Sentence, index: number, lists: readonly List[] = [], perUnit = false): Figure | undefined {
  const first = sentence.figures[index];
  if (!first) return undefined;
  for (let at = index - 1; at >= 0; at -= 1) {
    const candidate = sentence.figures[at];
    // An amount per head that opens its sentence (生均支出17443.63元,比上年…) grows like any other; one after
    // a total (经费预算50万元,人均1万元,比上年减少5万元) is the total's aside.
    const perHead = perUnit && candidate?.role === "per" && sentence.figures[0] === candidate;
    if (!candidate || candidate.kind !== "amount" || !(candidate.role === "plain" || perHead)) continue;
    // A list in brackets (995万元(其中…38万元,…958万元),比上年下降) is passed over: the change is its total's.
    if (candidate.depth > first.depth) continue;
    // After a list closed by “;”, a change is the total's, not the last part's.
    if (candidate.listed && sentence.clauses[first.clause]?.delimiter === ";" && candidate.clause < first.clause) {
      return lists.find((list) => list.parts.includes(candidate))?.whole;
    }
    for (let clause = candidate.clause + 1; clause <= first.clause; clause += 1) {
      if (/^(?:其中|主要|包括)/.test(clauseText(sentence, clause))) return undefined;
    }
    return candidate;
  }
  return undefined;
}

/** 与2022年度相比，收、支总计各增加342万元: the comparison may stand in a clause of its own before the change. */
function comparedBefore(sentence: Sentence, figure: Figure): boolean {
  return figure.clause > 0 && /^(?:与|同).*(?:相比|比较)$/.test(clauseText(sentence, figure.clause - 1));
}

/**
 * The subject of a change whose sentence states no amount (…均为1145.52万元。与2022年度相比，收、支总计各增加
 * 342万元): the sentence before, in its paragraph, when it states one amount (or one value twice) and the
 * change's own words, if any, name what it names. Anything less is not read.
 */
function subjectInSentenceBefore(sentence: Sentence, first: Figure, previous: Sentence | undefined): Figure | undefined {
  if (!previous || previous.paragraph !== sentence.paragraph) return undefined;
  const amounts = previous.figures.filter((figure) => figure.kind === "amount" && figure.role === "plain" && !figure.listed && figure.depth === 0);
  const last = amounts.at(-1);
  if (!last || amounts.some((figure) => !figure.value.eq(last.value) || figure.unit !== last.unit)) return undefined;
  const name = before(sentence, first)
    .replace(changeWord, "")
    .replace(/(?:较|比).*$/, "")
    .replace(/[各均都]$/, "");
  // 收支 names both totals of a sentence that states 收入总计 and 支出总计 of one value.
  const both = /^收、?支(?:总计|合计)?$/.test(name) && previous.text.includes("收入") && previous.text.includes("支出");
  return name === "" || both || previous.text.includes(name) ? last : undefined;
}

function readGrowth(sentence: Sentence, relations: Relation[], previous?: Sentence): void {
  const lists = relations.filter((relation): relation is List => relation.kind === "sum");
  const groups: { growth: Growth; first: number; compared: boolean }[] = [];
  let open: { growth: Growth; first: number; compared: boolean } | undefined;
  sentence.figures.forEach((figure, index) => {
    const lead = before(sentence, figure);
    const compared = comparison.test(lead) || comparedBefore(sentence, figure);
    // A breakdown (其中 A 增加…, 主要是…) is not the same change as the one before it.
    const growing = figure.role === "change" || figure.role === "rate" || figure.role === "prior";
    const breakdown =
      growing &&
      open !== undefined &&
      figure.clause > (sentence.figures[open.first]?.clause ?? 0) &&
      /^(?:其中|主要)/.test(clauseText(sentence, figure.clause));
    if (
      breakdown ||
      (figure.role === "prior" && (!open || open.growth.prior || open.growth.change)) ||
      ((figure.role === "change" || figure.role === "rate") && (!open || open.growth[figure.role] || (figure.role === "change" && open.growth.change)))
    ) {
      open = { growth: { kind: "growth" }, first: index, compared: false };
      groups.push(open);
    } else if (figure.role === "plain" && figure.kind === "amount") {
      open = undefined;
      return;
    }
    if (!open || !(figure.role === "prior" || figure.role === "change" || figure.role === "rate")) return;
    open.growth[figure.role] = figure;
    open.compared ||= compared;
    if (compared && /年初预算/.test(lead)) open.growth.againstBudget = true;
  });
  for (const { growth, first, compared } of groups) {
    if (!compared) continue;
    const change = growth.change ?? growth.rate;
    const subject =
      subjectBefore(sentence, first, lists, true) ??
      (change && (comparedBefore(sentence, change) || /^收、?支(?:总计|合计)?(?:较|比)/.test(before(sentence, change)))
        ? subjectInSentenceBefore(sentence, change, previous)
        : undefined);
    if (subject) growth.subject = subject;
    for (const figure of [growth.subject, growth.prior, growth.change, growth.rate]) if (figure && figure !== growth.subject) figure.read = true;
    relations.push(growth);
  }
  sentence.clauses.forEach((clause, index) => {
    const text = clauseText(sentence, index);
    const match = unchangedWords.exec(text);
    if (!match) return;
    const subject = [...sentence.figures].reverse().find((figure) => figure.kind === "amount" && figure.role === "plain" && figure.clause <= index);
    relations.push({
      kind: "unchanged",
      ...(subject ? { subject } : {}),
      start: clause.start + match.index,
      end: clause.start + match.index + match[0].length,
    });
  });
}

const siblings: [RegExp, RegExp][] = [
  [/基本/, /项目/],
  [/项目/, /基本/],
  // …其中…污水处理费收入68万元;完成政府性基金支出4093万元: spending is no part of income.
  [/收入/, /支出/],
];

/** Parts that make up their whole by definition: naming them all claims completeness. */
const completeSets: { whole: RegExp; parts: RegExp[]; name: string }[] = [
  { whole: /./, parts: [/基本/, /项目/], name: "基本支出 + 项目支出" },
  { whole: /三公/, parts: [/出国/, /接待/, /车/], name: "因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费" },
  { whole: /车/, parts: [/购置/, /运行/], name: "公务用车购置费 + 运行维护费" },
  { whole: /基本支出/, parts: [/人员经费/, /公用经费/], name: "人员经费 + 公用经费" },
];

function labelOf(sentence: Sentence, figure: Figure): string {
  return before(sentence, figure)
    .replace(/^(?:其中|包括|具体是|分别为|分别是)[:,]?/, "")
    .replace(/[“”"']/g, "");
}

function completeness(whole: string, parts: string[], marker: string): string | undefined {
  if (/分别/.test(marker)) return marker;
  for (const set of completeSets) {
    if (parts.length === set.parts.length && set.whole.test(whole) && set.parts.every((part) => parts.filter((label) => part.test(label)).length === 1))
      return set.name;
  }
  return undefined;
}

/**
 * Where no total precedes a list in its sentence: a plain figure of the unit of the parts in the sentences
 * before, within the section. A 其中 lists the nearest (预算为44.52万元，决算为22.62万元。其中… the 22.62);
 * a division (按功能分类划分为) divides the sentence's total, its first (总支出6198万元，基本支出…).
 */
function wholeBefore(sentences: Sentence[], at: number, unit: string, which: "nearest" | "first" = "nearest"): Figure | undefined {
  const sentence = sentences[at];
  if (!sentence) return undefined;
  for (let back = at - 1; back >= Math.max(0, at - 3); back -= 1) {
    const earlier = sentences[back];
    if (!earlier || earlier.section !== sentence.section) return undefined;
    const found = (which === "first" ? earlier.figures : [...earlier.figures].reverse()).find(
      (figure) => figure.role === "plain" && !figure.listed && sameUnit(figure, unit) && figure.depth === 0,
    );
    if (found) return found;
  }
  return undefined;
}

function sameUnit(figure: Figure, unit: string): boolean {
  const money = (value: string) => value === "" || value === "元" || value === "万元" || value === "亿元";
  return figure.kind === "count" ? figure.unit === unit : money(figure.unit) && money(unit);
}

/** 其中/包括/分别为 lists and lists in brackets after an amount. */
function readLists(sentences: Sentence[], at: number, relations: Relation[]): void {
  const sentence = sentences[at];
  if (!sentence) return;
  readBracketLists(sentence, relations);
  readMarkedLists(sentences, at, relations);
}

/** Brackets right after an amount: (公务用车购置费 0 万元、公务用车运行维护费 21 万元). */
/**
 * Parts listed with 、 end where a comma follows instead: (含A 166万元、B 968万元、C 212万元,专项转移支付
 * 406万元) closes its bracket late, and 406 is the total's sibling, not its part.
 */
function sameSeparator(sentence: Sentence, parts: Figure[]): Figure[] {
  const separator = (index: number) => sentence.text[(parts[index - 1]?.end ?? 0) - sentence.start];
  if (parts.length < 3 || separator(1) !== "、") return parts;
  const other = parts.findIndex((_, index) => index > 0 && separator(index) !== "、");
  return other < 0 ? parts : parts.slice(0, other);
}

function readBracketLists(sentence: Sentence, relations: Relation[]): void {
  const { figures } = sentence;
  for (const [index, before] of figures.entries()) {
    if (before.kind === "percent" || sentence.text[before.end - sentence.start] !== "(") continue;
    // 运行费585.53万元,同比减少144.92万元(购置费0万元,同比减少0万元;…): a bracket after a change breaks down the amount it is the change of.
    const subject = figures.slice(0, index).filter((figure) => figure.kind === "amount" && figure.role === "plain" && figure.depth === before.depth);
    const whole = before.role === "change" ? subject.at(-1) : before;
    if (!whole) continue;
    const close = sentence.text.indexOf(")", before.end - sentence.start);
    const end = close < 0 ? sentence.end : sentence.start + close;
    const parts = sameSeparator(
      sentence,
      figures.filter(
        (part) =>
          part.start > before.end &&
          part.end <= end &&
          part.depth === whole.depth + 1 &&
          part.role === "plain" &&
          part.kind === whole.kind &&
          sameUnit(part, whole.unit),
      ),
    );
    // One amount in brackets with no 其中/含/包括 is an aside (28478万元(累计稳定调节基金43429万元)), not a list.
    const opening = sentence.text.slice(before.end + 1 - sentence.start, (parts[0]?.start ?? before.end) - sentence.start);
    if (parts.length === 0 || (parts.length === 1 && !/^(?:其中|含|包括)/.test(opening))) continue;
    for (const part of parts) part.listed = true;
    // Each part's name: the text since the bracket or the part before it, after the part before's own words
    // (同比减少0万元主要是…;公务用车运行维护费 names 公务用车运行维护费).
    const labels = parts.map((part, index) =>
      (
        sentence.text
          .slice((index === 0 ? before.end + 1 : (parts[index - 1]?.end ?? before.end)) - sentence.start, part.start - sentence.start)
          .split(/[,;]/)
          .at(-1) ?? ""
      ).replace(/^[、:]?(?:其中|包括)?:?/, ""),
    );
    const complete = completeness(labelOf(sentence, whole), labels, "");
    relations.push({ kind: "sum", whole, parts, ambiguous: false, start: whole.start, end, ...(complete ? { complete } : {}) });
  }
}

/** The words that open a list (其中, 包括, 分别为…), but not inside a bracket after an amount, which readBracketLists reads. */
function listMarkers(sentence: Sentence): RegExpExecArray[] {
  // 按功能分类科目…按经济分类科目: each classification opens a breakdown of the same total.
  return [
    ...sentence.text.matchAll(/(其中|包括|具体是|分别为|分别是|(?<=^|[,;:])含|主要用于以下(?:几个)?方面|按[\u4e00-\u9fff]{1,6}分类(?:科目)?(?=[:,]))[:,]?/g),
  ].filter((marker) => {
    const offset = sentence.start + marker.index;
    return !sentence.figures.some(
      (figure) =>
        figure.start < offset &&
        sentence.text.slice(figure.end - sentence.start, marker.index).startsWith("(") &&
        !sentence.text.slice(figure.end - sentence.start, marker.index).includes(")"),
    );
  });
}

/** A list's figures between start and end; an explanation (主要用于…) runs to the next semicolon, and a new outline item ends the list. */
function listItems(sentence: Sentence, start: number, end: number, clause: number): Figure[] {
  const items: Figure[] = [];
  let explaining = false;
  let seen = clause;
  for (const figure of sentence.figures) {
    if (figure.start < start || figure.start >= end) continue;
    const clauseIndex = figure.clause;
    const text = clauseText(sentence, clauseIndex);
    // Every clause up to the figure's, in order: an explanation opens (also in a clause of its own before its
    // figures: …,主要支出事项:一般公共服务支出7.1亿元…), a ';' closes it.
    for (let index = seen + 1; index <= clauseIndex; index += 1) {
      if (explanation.test(clauseText(sentence, index))) explaining = true;
      else if (sentence.clauses[index]?.delimiter === ";") explaining = false;
    }
    seen = Math.max(seen, clauseIndex);
    if (outlinePattern.test(text) && figure.clause > clause) break;
    // A total after the parts (…基金调入103万元,收入合计为6449万元; 支出合计…) ends the list: it is no part of it;
    // so does a balance's addition (…;加上级补助收入120846万元…,收入合计514601万元).
    if (figure.clause > clause && /合计|总计|小计/.test(before(sentence, figure))) break;
    if (figure.clause > clause && /^加上?|^减去?/.test(text)) break;
    if (explaining || figure.depth !== 0 || figure.role !== "plain" || figure.listed) continue;
    items.push(figure);
  }
  return items;
}

/**
 * 其中:A支出0万元,年初预算为0万元,差值为0万元;B支出…: items of the same several amounts each (spent, budgeted,
 * their difference) are records, not parts of one total; their figures stay unread (reported as such).
 */
/** 其中,公务用车购置及运行维护费:2010年决算数467.54万元,2011年预算数338.3万元: one part's figures for two years, not two parts. */
function isOneItemByYear(sentence: Sentence, items: Figure[]): boolean {
  const year = /\d{4}年度?(?:决算|预算)数?(?:为|是)?$/;
  const [first, ...rest] = items.map((item) => labelOf(sentence, item));
  // The first names the part before its year; the others are a year alone.
  return rest.length > 0 && year.test(first ?? "") && rest.every((label) => year.test(label) && !/[\u4e00-\u9fff]/.test(label.replace(year, "")));
}

function isRecordList(sentence: Sentence, items: Figure[]): boolean {
  const amounts = items.filter((item) => item.kind === "amount");
  const records: Figure[][] = [];
  amounts.forEach((amount, index) => {
    const previous = amounts[index - 1];
    const between = previous ? sentence.text.slice(previous.end - sentence.start, amount.start - sentence.start) : ";";
    if (between.includes(";")) records.push([amount]);
    else records.at(-1)?.push(amount);
  });
  const shape = (record: Figure[]) =>
    record
      .slice(1)
      .map((figure) => labelOf(sentence, figure))
      .join("|");
  const first = records[0] ? shape(records[0]) : "";
  return records.length >= 2 && first !== "" && records.every((record) => shape(record) === first);
}

/**
 * 其中: ending its line, with its parts on the lines after, each a name and its amount (national 决算 template:
 * 其中:⏎人员经费489.18万元,主要包括:…⏎公用经费46.89万元,…); the first line that is not one ends them.
 */
function partsOnLinesAfter(sentences: Sentence[], at: number): Figure[] {
  const parts: Figure[] = [];
  const later = sentences.slice(at + 1);
  let paragraph = sentences[at]?.paragraph;
  for (const sentence of later) {
    if (sentence.paragraph === paragraph) continue;
    const first = sentence.figures[0];
    const name = first ? sentence.text.slice(0, first.start - sentence.start) : "";
    if (!first || first.kind !== "amount" || first.role !== "plain" || first.depth !== 0 || !/^[\u4e00-\u9fff][\u4e00-\u9fff()]{1,19}$/.test(name)) break;
    // A line listing several, one a clause (公共服务50万元,政府履职辅助性服务299.89万元。), is the whole list.
    const listed = sentence.figures.filter((figure) => figure.kind === "amount" && figure.role === "plain" && figure.depth === 0);
    if (parts.length === 0 && listed.length > 1 && new Set(listed.map((figure) => figure.clause)).size === listed.length) return listed;
    parts.push(first);
    paragraph = sentence.paragraph;
    // A line that opens a list of its own (纯业务收入13.44亿元…。其中:) is the last part: its own parts follow.
    if (later.some((other) => other.paragraph === paragraph && /:$/.test(other.text))) break;
  }
  return parts;
}

/** A marked list's items from `start` to `end`; parts on the lines after belong to an amount on the list's own line, never to one further back. */
function markedItems(sentences: Sentence[], at: number, start: number, end: number, clause: number): Figure[] {
  const sentence = sentences[at];
  if (!sentence) return [];
  const items = listItems(sentence, start, end, clause);
  const ownWhole = sentence.figures.some((figure) => figure.end <= start && figure.kind === "amount" && figure.role === "plain" && figure.depth === 0);
  // …合计349.89万元。其中: ⏎ 公共服务50万元,…: a 其中 standing alone opens the lines after it, under the total before it.
  const alone = sentence.figures.length === 0 && /^(?:其中|包括)[:,]?$/.test(sentence.text.trim());
  return items.length === 0 && start === sentence.end && (ownWhole || alone) ? partsOnLinesAfter(sentences, at) : items;
}

/**
 * A marked list's whole: the last amount before its marker; else, for a 其中 opening a sentence, the amount
 * before it, unless that amount is a reason's (…原因是:…2、本年增加了其他资金预算7000万元。其中:…), when the
 * whole its shares name (占收入预算总额的9.7%) is taken instead.
 */
function markedWhole(sentences: Sentence[], at: number, markerAt: number, list: { start: number; end: number }, unit: string): Figure | undefined {
  const sentence = sentences[at];
  if (!sentence) return undefined;
  const own = [...sentence.figures]
    .reverse()
    .find((figure) => figure.end <= markerAt && figure.role === "plain" && !figure.listed && figure.depth === 0 && sameUnit(figure, unit));
  if (own) return own;
  const earlier = wholeBefore(sentences, at, unit);
  const holder = earlier && holding(sentences, earlier.start);
  const inReason = holder !== undefined && earlier !== undefined && /原因|由于/.test(holder.text.slice(0, earlier.start - holder.start));
  const name = /占([\u4e00-\u9fff]{2,12}?)的?[\d.]+%/.exec(sentence.text.slice(list.start - sentence.start, list.end - sentence.start))?.[1];
  return (inReason && name ? uniquelyNamed(sentences, sentence, name, sentence.start) : undefined) ?? earlier;
}

/** What 主要用于以下方面 lists the uses of: the amount its clause names (项目支出主要用于…), else the amount just before it. */
function usesOf(sentences: Sentence[], at: number, markerAt: number, name: string): Figure | undefined {
  const sentence = sentences[at];
  if (!sentence) return undefined;
  if (name !== "") return uniquelyNamed(sentences, sentence, name, markerAt);
  const last = sentence.figures.filter((figure) => figure.end <= markerAt && figure.kind === "amount").at(-1);
  return last?.depth === 0 && last.role === "plain" ? last : undefined;
}

/** The last list of a whole. */
function lastListOf(relations: readonly Relation[], whole: Figure): List | undefined {
  return relations.filter((relation): relation is List => relation.kind === "sum" && relation.whole === whole).at(-1);
}

/** A list's relation: its parts up to one its whole's words make a sibling (项目 after 基本), complete where its words say so. */
function listOf(
  sentences: Sentence[],
  at: number,
  found: { whole: Figure; parts: Figure[]; start: number; end: number; ambiguous: boolean; marker: string },
): List | undefined {
  const sentence = sentences[at] as Sentence;
  const { whole, start, end } = found;
  const labelIn = (figure: Figure) => labelOf(holding(sentences, figure.start) ?? sentence, figure);
  const wholeLabel = labelIn(whole);
  const stop = found.parts.findIndex((part) => siblings.some(([own, other]) => own.test(wholeLabel) && other.test(labelIn(part))));
  const parts = stop >= 0 ? found.parts.slice(0, stop) : found.parts;
  if (parts.length === 0) return undefined;
  for (const part of parts) part.listed = true;
  // A list the text breaks off in (an excerpt ending 调减12) may have more parts: never complete.
  const cut = end === sentence.end && at === sentences.length - 1 && /[\d,、(]$/.test(sentence.text);
  const complete = cut ? undefined : completeness(wholeLabel, parts.map(labelIn), found.marker);
  return { kind: "sum", whole, parts, ambiguous: found.ambiguous, start, end: Math.max(end, parts.at(-1)?.end ?? end), ...(complete ? { complete } : {}) };
}

/** Lists opened by a word: each marker's figures are the parts of the amount before it. */
function readMarkedLists(sentences: Sentence[], at: number, relations: Relation[]): void {
  const sentence = sentences[at];
  if (!sentence) return;
  const markers = listMarkers(sentence);
  let ambiguous = false;
  let previous: { whole: Figure | undefined; parts: Figure[] } | undefined;
  markers.forEach((marker, index) => {
    const start = sentence.start + marker.index + marker[0].length;
    const end = index + 1 < markers.length ? sentence.start + (markers[index + 1]?.index ?? 0) : sentence.end;
    const clause = sentence.clauses.findIndex((candidate) => sentence.start + marker.index >= candidate.start && sentence.start + marker.index < candidate.end);
    const label = sentence.text.slice((sentence.clauses[clause]?.start ?? sentence.start) - sentence.start, marker.index);
    const nested = marker[1] === "其中" && previous !== undefined && previous.parts.length > 0 && label === "";
    const items = markedItems(sentences, at, start, end, clause);
    if (items.length === 0) return;
    if (isRecordList(sentence, items) || isOneItemByYear(sentence, items)) {
      // Listed, so that no record's 差值 is taken for a restatement of another's or for a whole.
      for (const item of items) Object.assign(item, { listed: true, alone: false });
      return;
    }
    if (nested) ambiguous = true;
    // The words between the last figure and the marker: 基本支出按经济分类 names a part, not the total.
    const own = label.replace(/^.*\d(?:万元|亿元|元|%)[,、]?/, "").replace(/^(?:其中|包括)[:,]?/, "");
    const byClass = marker[1]?.startsWith("按") === true;
    if (byClass && own !== "") return;
    const sameWhole = previous !== undefined && ((label !== "" && marker[1] === "包括") || byClass);
    for (const unit of [...new Set(items.map((item) => (item.kind === "count" ? item.unit : "元")))]) {
      let parts = items.filter((item) => sameUnit(item, unit));
      const whole = sameWhole
        ? previous?.whole
        : marker[1]?.startsWith("主要用于")
          ? usesOf(sentences, at, sentence.start + marker.index, own)
          : markedWhole(sentences, at, sentence.start + marker.index, { start, end }, unit);
      if (!whole) continue;
      // 按功能分类科目:… opening a sentence divides a total stated before; a figure there not named as one (其他支出0万元,
      // the last of another list) may not be it: not compared as if it were.
      const guessed = byClass && !sentence.figures.includes(whole) && !/总|合计|预算|决算/.test(labelOf(holding(sentences, whole.start) ?? sentence, whole));
      // 其中,A 0.98亿元…;B与C分别为0.34亿元和4.23亿元: the 分别 names the rest of the same list, not a list of its own.
      const continued = /^分别/.test(marker[1] ?? "") && previous?.whole === whole ? lastListOf(relations, whole) : undefined;
      if (continued) {
        parts = [...continued.parts, ...parts];
        relations.splice(relations.indexOf(continued), 1);
      }
      const list = listOf(sentences, at, { whole, parts, start, end, ambiguous: ambiguous || nested, marker: continued ? "" : (marker[1] ?? "") });
      if (!list) continue;
      // Its total not told: a list without one, said not to be read.
      relations.push(guessed ? { ...list, whole: undefined } : list);
      previous = { whole, parts: list.parts };
    }
    if (ambiguous)
      for (const relation of relations)
        if (relation.kind === "sum" && relation.start >= sentence.start && relation.end <= sentence.end) relation.ambiguous = true;
  });
}

/** An introduction ending in “如下:” or “划分为:” followed by numbered lines, each with its amount. */
function readOutlineLists(sentences: Sentence[], relations: Relation[]): void {
  sentences.forEach((intro, at) => {
    if (!/(?:如下|划分为|分为|包括):$/.test(intro.text)) return;
    if (relations.some((relation) => relation.kind === "sum" && relation.start >= intro.start && relation.end <= intro.end)) return;
    const parts: Figure[] = [];
    let style: RegExp | undefined;
    for (const sentence of sentences.slice(at + 1)) {
      if (sentence.paragraph === intro.paragraph) continue;
      const numbered = /^(\d+[.、](?!\d)|\(\d+\))/.exec(sentence.text);
      if (!numbered) {
        if (/^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/.test(sentence.text)) break;
        continue;
      }
      style ??= numbered[1]?.startsWith("(") ? /^\(\d+\)/ : numbered[1]?.endsWith("、") ? /^\d+、/ : /^\d+\./;
      if (!style.test(sentence.text)) break;
      const first = sentence.figures.find((figure) => figure.kind === "amount" && figure.role === "plain" && figure.depth === 0);
      if (first) parts.push(first);
    }
    const claim = /划分为|分为/.exec(intro.text)?.[0];
    // 如下 and 包括 take their total from their own sentence; a division (划分为) may divide the total before it.
    const whole =
      intro.figures.find((figure) => figure.kind === "amount" && figure.role === "plain" && !figure.listed) ??
      (claim ? wholeBefore(sentences, at, "元", "first") : undefined);
    if (!whole || parts.length === 0) return;
    for (const part of parts) part.listed = true;
    relations.push({
      kind: "sum",
      whole,
      parts,
      ambiguous: false,
      start: intro.start,
      end: parts.at(-1)?.end ?? intro.end,
      ...(claim ? { complete: claim } : {}),
    });
  });
}

/**
 * A balance: …一般公共预算收入完成147.1亿元…。加上转移性收入49.2亿元,收入合计196.3亿元. The total is the amount
 * before 加上 (in the clause, named there, or the subject of the sentence before) and the amounts it adds.
 */
function readBalances(sentences: Sentence[], relations: Relation[]): void {
  sentences.forEach((sentence, at) => {
    // 加上, not 增加上年 or 追加上…; one per sentence.
    const plus = /(?<![增追再])加上/.exec(sentence.text)?.index;
    if (plus === undefined) return;
    const plusAt = sentence.start + plus;
    const amounts = sentence.figures.filter((figure) => figure.kind === "amount" && figure.depth === 0);
    const total = amounts.find((figure) => figure.start > plusAt && /(?:合计|总计)为?$|^合计/.test(before(sentence, figure)));
    const added = amounts.filter((figure) => figure.start > plusAt && total !== undefined && figure.start < total.start);
    if (!total || total.listed || added.length === 0 || added.some((figure) => figure.listed || figure.role !== "plain")) return;
    // The total closes the same run of clauses: past a ';' it is another total's (…可用财力达196.3亿元;支出合计190.5亿元).
    const span = sentence.text.slice(plus, total.start - sentence.start);
    if (span.includes(";")) return;
    const base = balanceBase(sentences, at, plusAt);
    // A subtraction (减去上解支出3亿元), an amount printed negative (上解上级支出-1.83亿元) or no clear base cannot be
    // declared as a sum: the balance is left unread, and said so.
    const negative = [base, ...added].some((figure) => figure && sentence.text[figure.start - sentence.start - 1] === "-");
    if (!base || negative || /减去|扣除|减:/.test(span)) {
      for (const figure of added) figure.alone = false;
      return;
    }
    for (const figure of added) figure.listed = true;
    relations.push({ kind: "sum", whole: total, parts: [base, ...added], ambiguous: false, start: plusAt, end: total.end, complete: "合计" });
  });
}

/**
 * What a balance adds to: a name just before 加上 (县级一般公共预算收入加上…), the amount before it in its
 * sentence, or the subject of the sentence before when that sentence states nothing else (no part, no share).
 */
function balanceBase(sentences: Sentence[], at: number, plusAt: number): Figure | undefined {
  const sentence = sentences[at];
  if (!sentence) return undefined;
  const clause = holding(sentence.clauses, plusAt);
  const name = sentence.text.slice((clause?.start ?? sentence.start) - sentence.start, plusAt - sentence.start);
  if (name !== "") return uniquelyNamed(sentences, sentence, name, plusAt);
  const plain = (figure: Figure) => figure.kind === "amount" && figure.role === "plain" && figure.depth === 0 && !figure.listed;
  const inSentence = sentence.figures.filter((figure) => figure.start < plusAt && figure.kind === "amount" && figure.depth === 0).at(-1);
  if (inSentence) return plain(inSentence) ? inSentence : undefined;
  const previous = sentences[at - 1];
  if (!previous || previous.section !== sentence.section) return undefined;
  const amounts = previous.figures.filter((figure) => figure.kind === "amount" && figure.depth === 0);
  const subject = amounts[0];
  const alone = amounts.every((figure) => figure === subject || figure.role !== "plain") && !previous.figures.some((figure) => figure.role === "share");
  return subject && plain(subject) && alone ? subject : undefined;
}

function readShares(sentences: Sentence[], relations: Relation[]): void {
  const lists = relations.filter((relation): relation is List => relation.kind === "sum");
  for (const sentence of sentences) {
    const open: Share[] = [];
    sentence.figures.forEach((figure, index) => {
      if (figure.role !== "share") return;
      const share: Share = { kind: "share", share: figure };
      const previous = sentence.figures[index - 1];
      if (previous?.role === "whole") {
        share.whole = previous;
        const part = subjectBefore(sentence, index - 1);
        if (part) share.part = part;
      } else {
        // A share after a list in brackets (收入1077.36万元(其中,…0万元),占93.57%) is its total's, not the last part's.
        const part = [...sentence.figures.slice(0, index)]
          .reverse()
          .find((candidate) => candidate.kind === "amount" && candidate.depth <= figure.depth && candidate.clause >= figure.clause - 1);
        if (part && part.role === "plain") {
          share.part = part;
          // 占本年支出合计的57.91%: a whole named in words is the amount stated under that name before, even
          // inside a list of another total (财政拨款支出800万元。其中:基本支出500万元,占支出预算总额的50%).
          const named = wholeByName(sentences, sentence, figure);
          const list = lists.find((candidate) => candidate.parts.includes(part));
          if (named && named !== part) share.whole = named;
          else if (list?.whole) {
            share.whole = list.whole;
            share.list = list;
          }
        }
      }
      figure.read = true;
      if (share.part) share.part.read = true;
      if (share.whole) share.whole.read = true;
      if (!share.whole && share.part) open.push(share);
      relations.push(share);
    });
    // Shares with no stated whole in one sentence that add up to 100%: the whole is the sum of their parts.
    if (open.length >= 2) {
      const parts = open.map((share) => share.part).filter((part): part is Figure => part !== undefined);
      for (const share of open) share.parts = parts;
    }
  }
}

/** 共 N 个，分别是 A、B、C / 内设 A、B、C 3 个科室 / 内设机构 8 个，包括 A、B… / 下设 2 个事业机构（A、B）. */
function readCounts(sentence: Sentence, relations: Relation[]): void {
  const numeral = "(\\d+|[一二两三四五六七八九十]+)";
  const names = (list: string) => {
    const result: string[] = [];
    let depth = 0;
    let current = "";
    for (const char of list) {
      if (char === "(") depth += 1;
      if (char === ")") depth -= 1;
      if (char === "、" && depth === 0) {
        result.push(current);
        current = "";
      } else current += char;
    }
    result.push(current);
    return result.filter((name) => name !== "");
  };
  const patterns: { pattern: RegExp; list: number; count: number }[] = [
    {
      pattern: new RegExp(
        `(?:内设|下设|设有|包括|设)((?:[^,;:。()、]|\\([^()]*\\))+?(?:、(?:[^,;:。()、]|\\([^()]*\\))+?)+?)(?<!\\d)${numeral}个[\\u4e00-\\u9fff]{1,6}`,
        "gd",
      ),
      list: 1,
      count: 2,
    },
    {
      pattern: new RegExp(
        `${numeral}个[\\u4e00-\\u9fff]{0,8}?(?:,)?(?:分别为|分别是|包括|为)[:]?((?:[^,;:。()、]|\\([^()]*\\))+(?:、(?:[^,;:。()、]|\\([^()]*\\))+)+)`,
        "gd",
      ),
      list: 2,
      count: 1,
    },
    { pattern: new RegExp(`${numeral}个[\\u4e00-\\u9fff]{1,8}\\(([^()]*、[^()]*)\\)`, "gd"), list: 2, count: 1 },
  ];
  const taken: [number, number][] = [];
  for (const { pattern, list, count } of patterns) {
    for (const match of sentence.text.matchAll(pattern)) {
      const span = match.indices?.[count];
      const stated = countValue(match[count] ?? "");
      if (!span || stated === undefined || taken.some(([from, to]) => span[0] >= from && span[0] < to)) continue;
      taken.push([match.index, match.index + match[0].length]);
      const start = sentence.start + span[0];
      const listed = names(match[list] ?? "");
      // …后勤保障中心,校工会。: a last name after a comma for 、 is one of the names when the count says so.
      const tail = /^,([\u4e00-\u9fff()]{2,8})。?$/.exec(sentence.text.slice(match.index + match[0].length))?.[1];
      if (tail && stated === listed.length + 1) listed.push(tail);
      relations.push({ kind: "count", stated, names: listed, start, end: sentence.start + span[1] });
      for (const figure of sentence.figures)
        if (figure.start >= sentence.start + match.index && figure.start < sentence.start + match.index + match[0].length) figure.read = true;
    }
  }
}

/** 较2021年预算下降42.86%。减少6万元。: a sentence that is only the change of the growth the sentence before left without one. */
function readContinuedChanges(sentences: readonly Sentence[], relations: Relation[]): void {
  sentences.forEach((sentence, at) => {
    const [change, ...others] = sentence.figures;
    const previous = sentences[at - 1];
    if (!change || others.length > 0 || change.role !== "change" || change.read || !previous || previous.paragraph !== sentence.paragraph) return;
    if (!changeWord.test(sentence.text.slice(0, change.start - sentence.start))) return;
    const growth = relations.find(
      (relation): relation is Growth => relation.kind === "growth" && relation.rate !== undefined && previous.figures.includes(relation.rate),
    );
    if (!growth || growth.change || growth.rate !== previous.figures.at(-1)) return;
    growth.change = change;
    change.read = true;
  });
}

/** Reads the narrative: every relation it states in the formulaic wording, and every sentence with figures it could not read. */
export function readDisclosure(original: string): Reading {
  const normalised = normalise(original);
  const unread: Unread[] = [];
  const sentences = sentencesOf(normalised, unread);
  const relations: Relation[] = [];
  for (const sentence of sentences) assignRoles(sentence);
  sentences.forEach((sentence, at) => {
    readCounts(sentence, relations);
    readLists(sentences, at, relations);
    readGrowth(sentence, relations, sentences[at - 1]);
  });
  readContinuedChanges(sentences, relations);
  readBreakdowns(sentences, relations);
  readProducts(sentences, relations);
  readOutlineLists(sentences, relations);
  readBalances(sentences, relations);
  readShares(sentences, relations);
  for (const relation of relations) {
    if (relation.kind === "sum") for (const figure of [relation.whole, ...relation.parts]) if (figure) figure.read = true;
    if (relation.kind === "unchanged" && relation.subject) relation.subject.read = true;
  }
  readRestated(sentences, relations);
  readBudgetYear(normalised.text, relations);
  const known = withoutUnknown(relations);
  for (const sentence of sentences) {
    // A clause that only states one plain figure is read as a statement of it; anything else with figures unread is reported.
    const unreadFigures = sentence.figures.filter((figure) => {
      if (figure.read) return false;
      const inClause = sentence.figures.filter((other) => other.clause === figure.clause);
      return figure.alone === false || !(inClause.length === 1 && figure.role === "plain");
    });
    const first = unreadFigures[0];
    if (!first) continue;
    const clause = sentence.clauses[first.clause];
    const start = clause?.start ?? sentence.start;
    const why = sentence.figures.find((figure) => figure.unknown)?.unknown;
    unread.push({ kind: "sentence", start, end: first.end, excerpt: sentence.text.slice(start - sentence.start).slice(0, 24), ...(why ? { why } : {}) });
  }
  unread.sort((a, b) => a.start - b.start);
  return { normalised, sentences, relations: known, unread };
}

/**
 * What a heading's figures are of: the budget it names (一般公共预算, 政府性基金, 国有资本经营, 社会保险基金)
 * and the level (全市, 市本级): (一)全市收支情况 and (二)市本级收支情况 state the same names of two things.
 */
function fundOf(outline: string): string {
  const fund = /一般公共预算|政府性基金|国有资本经营|社会保险基金/.exec(outline)?.[0] ?? "";
  const level = /全[省市县区州盟旗镇乡]|[省市县区州镇乡]本级|本级/.exec(outline)?.[0] ?? "";
  return `${fund}${level}`;
}

/** Each sentence's fund: its heading's, else the last one its top-level section named (一、一般公共预算… (一)收入情况). */
function fundsOf(sentences: Sentence[]): Map<Sentence, string> {
  const bySection = new Map<number, string>();
  const funds = new Map<Sentence, string>();
  for (const sentence of sentences) {
    const named = fundOf(sentence.outline);
    if (named) bySection.set(sentence.section, named);
    funds.set(sentence, named || (bySection.get(sentence.section) ?? ""));
  }
  return funds;
}

/** The months a sentence opens with (2月份, 1-5月), if any. */
function periodOf(text: string): string {
  return /^(?:\d{4}年)?(\d{1,2}(?:[-—~至]\d{1,2})?月份?|[一二三四]季度|上半年|下半年)/.exec(text)?.[1] ?? "";
}

/** A figure's label as a name: no year, outline number, quotes or linking verb (2019年度本年支出合计为 → 本年支出合计). */
function nameOf(sentence: Sentence, figure: Figure, linking = /(?:为|是|达|共计|完成)$/): string {
  return labelOf(sentence, figure)
    .replace(/^[^\u4e00-\u9fff\d]*/, "")
    .replace(/^(?:\d{4}年度?|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])+/, "")
    .replace(linking, "");
}

/** The whole a share names in words (占本年支出合计的57.91%). */
function wholeByName(sentences: Sentence[], sentence: Sentence, share: Figure): Figure | undefined {
  const clause = sentence.clauses[share.clause];
  const before = sentence.text.slice((clause?.start ?? sentence.start) - sentence.start, share.start - sentence.start);
  const name = /占([\u4e00-\u9fff]{2,16}?)的?$/.exec(before)?.[1];
  return name ? uniquelyNamed(sentences, sentence, name, share.start) : undefined;
}

/** The one amount stated under `name` before `until`; none when two amounts of that name differ. */
function uniquelyNamed(sentences: Sentence[], sentence: Sentence, name: string, until: number): Figure | undefined {
  const named: Figure[] = [];
  for (const earlier of sentences) {
    if (earlier.start > sentence.start) break;
    for (const figure of earlier.figures) {
      if (figure.start >= until || figure.kind !== "amount" || figure.role !== "plain" || figure.depth !== 0) continue;
      // The name as printed or at its end (上犹县寺下镇人民政府收入预算总额 for 收入预算总额).
      if (nameOf(earlier, figure).endsWith(name)) named.push(figure);
    }
  }
  const found = named.at(-1);
  return found && named.every((figure) => figure.value.eq(found.value) && figure.unit === found.unit) ? found : undefined;
}

/** The same figure, by a label naming something (not only a year or 预算数), stated twice with different values. */
function readRestated(sentences: Sentence[], relations: Relation[]): void {
  const seen = new Map<string, Figure>();
  const fundAt = fundsOf(sentences);
  // A balance's total is its own sentence's sum (全区…合计财政总收入 and 鄞州区…合计财政总收入), not a restatement.
  const balanced = new Set(
    relations.flatMap((relation) => (relation.kind === "sum" && relation.complete === "合计" && relation.whole ? [relation.whole] : [])),
  );
  sentences.forEach((sentence, at) => {
    // A qualifying line before (剔除高新区后:) makes the figures under it others of the same name.
    const previous = sentences[at - 1];
    const qualifier = previous && previous.figures.length === 0 && previous.text.length <= 20 && previous.text.endsWith(":") ? previous.text : "";
    for (const figure of sentence.figures) {
      if (figure.kind !== "amount" || figure.role !== "plain" || figure.listed || figure.depth !== 0 || balanced.has(figure)) continue;
      if (sentence.figures.filter((other) => other.clause === figure.clause).length !== 1) continue;
      const label = nameOf(sentence, figure, /(?:为|是|达|共计|合计)$/);
      const specific = label.replace(/本部门|本单位|年初|预算数|预算|安排|决算|支出|收入|合计|总计|共计|年度|\d{4}年?/g, "");
      if (!/[\u4e00-\u9fff]{2}/.test(specific) || /[比较增减]/.test(label)) continue;
      // The same words under two funds' headings (转移性收入 of 一般公共预算 and of 政府性基金), or for two
      // periods (2月份… and 1-2月…), are two figures; so are two in one sentence (一般债券…付息支出242.63亿元;
      // 专项债券…付息支出365.74亿元), which states parallel things, not one thing twice.
      const key = `${periodOf(sentence.text)}|${qualifier}|${label}`;
      const earlier = seen.get(key);
      const holder = earlier && holding(sentences, earlier.start);
      const funds = [holder && fundAt.get(holder), fundAt.get(sentence)];
      if (!earlier || sentence.figures.includes(earlier) || (funds[0] && funds[1] && funds[0] !== funds[1])) {
        seen.set(key, figure);
        continue;
      }
      const unit = (value: Figure) => ({ 元: 0, 万元: 4, 亿元: 8 })[value.unit as "元"] ?? 0;
      if (!earlier.value.times(10 ** unit(earlier)).eq(figure.value.times(10 ** unit(figure)))) {
        relations.push({ kind: "restated", label, first: earlier, second: figure });
        figure.read = true;
      }
    }
  });
}
