import { amountOf, isBlank, percentOf } from "./amount.js";
import { matchWords, rowWords, type Cell, type GridRow } from "./grid.js";
import type { CellAmount, ReadIndicator, ReadProject, TableLine } from "./table.js";

/*
 * A performance target table printed as lines of words (a text, a PDF's text layer): no cell tells its
 * column, a label may wrap over lines, and a PDF sets a merged cell's words midway down its rows. What
 * is read is what the words alone make certain; the rest is left, and the table says it was not read.
 */

const isFigure = (cell: Cell) => amountOf(cell.text) !== undefined || percentOf(cell.text) !== undefined;

/** The words a 一级/二级指标 or 目标名称 cell prints (成本指标, 数量指标, 年度绩效目标 1 …), wrapped or not: no indicator's own name. */
const levelWords =
  /^(?:(?:一级|二级|三级)?指标|(?:经济|社会|生态环境)?成本(?:指标?)?|产出(?:指标?)?|数量(?:指标?)?|质量(?:指标?)?|时效(?:指标?)?|(?:经济|社会|生态)?效益?(?:指标?)?|可持续影响(?:指标?)?|(?:服务对象)?满意度(?:指标?)?|服务对象?|[标益象]\d*|(?:年度|长期)(?:绩效)?目标?\d*)$/;

/** A value a year's cell holds: a figure, a bound (≥90％), or a word such as 增加, 达标, 提升. */
const isValue = (cell: Cell) => isFigure(cell) || /^[≥≤><]=?\s*\d/.test(cell.text.normalize("NFKC")) || /^[\u4e00-\u9fff]{1,3}$/.test(cell.text.trim());

/** A label's words with the level cells' words and the wrapped pieces of them dropped. */
function ownWords(cells: readonly Cell[]): string {
  return cells
    .flatMap((cell) => cell.text.split(/\s+/))
    .map(matchWords)
    .filter((word) => word !== "" && !levelWords.test(word))
    .join("");
}

/** The years a header row names in order (2023 年 2024 年, a PDF's 2023 年 | 2024 年). */
function yearsIn(row: GridRow): number[] {
  return [...rowWords(row).matchAll(/(\d{4})年/g)].map((match) => Number.parseInt(match[1] ?? "0", 10));
}

/**
 * The 收入构成 and 支出构成 of a 部门整体支出绩效目标表: under 当年金额 | 占比 | the two years before, each row
 * with all its figures (amount, share, one a year); the first 合计 closes the income side, the second the
 * expenditure side (a PDF prints 收入构成 midway down its rows, so the side is told by the 合计 above it).
 */
export function sidesFromLines(printed: readonly GridRow[]): TableLine[] {
  const rows = printed.filter((row) => rowWords(row) !== "");
  const head = rows.findIndex((row) => /当年金额.*占比/.test(rowWords(row)));
  if (head < 0) return [];
  const years = rows.slice(head, head + 4).flatMap(yearsIn);
  const sides: TableLine[] = [];
  let parts: TableLine[] = [];
  let pending: Cell[] = [];
  for (const row of rows.slice(head + 1)) {
    if (yearsIn(row).length > 0) continue;
    const figures = row.cells.filter(isFigure);
    const labels = row.cells.filter((cell) => !isFigure(cell));
    if (figures.length === 0) {
      pending.push(...labels);
      continue;
    }
    const [amount, share, ...history] = figures;
    const name = (labels.length > 0 ? labels : pending)
      .map((cell) => cell.text.replace(/\s+/g, ""))
      .join("")
      .replace(/^(?:收入|支出)构成/, "");
    const label = labels[0] ?? pending[0];
    pending = [];
    const complete =
      amount && share && amountOf(amount.text) && percentOf(share.text) && history.length === years.length && history.every((cell) => amountOf(cell.text));
    if (!complete || !label || name === "") return sides;
    const line: TableLine = { name, label, amounts: new Map([["total", { value: amountOf(amount.text)?.value ?? "", cell: amount }]]), lines: [] };
    line.share = { value: share.text.normalize("NFKC").trim(), cell: share };
    line.history = new Map(history.map((cell, index) => [years[index] ?? 0, { value: amountOf(cell.text)?.value ?? "", cell }]));
    if (!/^合计$/.test(matchWords(name))) parts.push(line);
    else {
      sides.push({ ...line, id: sides.length === 0 ? "income" : "expenditure", lines: parts });
      parts = [];
      if (sides.length === 2) return sides;
    }
  }
  return sides;
}

/** The document's characters of a run of cells without their spaces, each with its offset: a key may wrap. */
interface Stream {
  text: string;
  at: number[];
}

function streamOf(rows: readonly GridRow[]): Stream {
  const stream: Stream = { text: "", at: [] };
  for (const cell of rows.flatMap((row) => row.cells))
    for (const [index, char] of Array.from(cell.text).entries()) {
      if (/\s/.test(char)) continue;
      const offset = cell.start + Array.from(cell.text).slice(0, index).join("").length;
      for (const folded of char.normalize("NFKC")) {
        stream.text += folded;
        stream.at.push(offset);
      }
    }
  return stream;
}

/** The part of the stream from `start` to `end` as a cell, at the document's offsets. */
function cellOf(stream: Stream, start: number, end: number): Cell | undefined {
  const from = stream.at[start];
  const to = stream.at[end - 1];
  return from === undefined || to === undefined || end <= start ? undefined : { text: stream.text.slice(start, end), start: from, end: to + 1 };
}

/** The keys of a 项目支出绩效目标表: each value runs from its key to the next key. */
const projectKeys =
  /项目名称|项目编码|项目主管部门|项目执行单位|项目负责人|联系电话|单位地址|邮政编码|项目属性|支出项目类别|起始年度|终止年度|项目申请理由|项目主要内容|项目总预算|项目当年预算|项目前两年预算及当年预算变动情况|项目前两年预算及当年|预算变动情况|项目当年资金来源|来源项目|项目支出明细测算|项目绩效总目标/g;

/** Each key's value as a cell: the words after the key up to the next key (a PDF may set the value between a key's two halves). */
function keyedValues(stream: Stream): Map<string, Cell> {
  const keys = [...stream.text.matchAll(projectKeys)];
  const values = new Map<string, Cell>();
  for (const [index, key] of keys.entries()) {
    const start = key.index + key[0].length;
    const value = cellOf(stream, start, keys[index + 1]?.index ?? stream.text.length);
    const name = key[0].startsWith("项目前两年") || key[0] === "预算变动情况" ? "history" : key[0];
    if (value && !values.has(name)) values.set(name, value);
  }
  return values;
}

/** Each year's budget in 2023 年预算金额 950 万，2024 年预算 0, each figure at its own place. */
function historyIn(stream: Stream, value: Cell): Map<number, CellAmount> {
  const history = new Map<number, CellAmount>();
  const from = stream.at.indexOf(value.start);
  for (const match of value.text.matchAll(/(\d{4})年(?:预算|预计)(?:金额|数)?(\d+(?:\.\d+)?)/g)) {
    const figure = match[2] ?? "";
    const at = from + match.index + match[0].length - figure.length;
    const cell = cellOf(stream, at, at + figure.length);
    if (cell) history.set(Number.parseInt(match[1] ?? "0", 10), { value: figure, cell });
  }
  return history;
}

/** Each year's budget a cell's sentence states (2023 年预算金额 950 万，2024 年预算 0), each figure at its own place. */
export function cellHistory(cell: Cell): Map<number, CellAmount> {
  const stream = streamOf([{ start: cell.start, end: cell.end, gridded: true, cells: [cell] }]);
  const whole = cellOf(stream, 0, stream.text.length);
  return whole ? historyIn(stream, whole) : new Map<number, CellAmount>();
}

/** The project a 项目支出绩效目标表 printed as lines declares: its name, budgets and earlier years' budgets. */
export function projectFromLines(rows: readonly GridRow[]): ReadProject | undefined {
  const stream = streamOf(rows);
  const values = keyedValues(stream);
  const name = values.get("项目名称");
  if (!name) return undefined;
  const project: ReadProject = { name: name.text, label: name, history: new Map() };
  for (const [key, field] of [
    ["项目总预算", "budget"],
    ["项目当年预算", "amount"],
  ] as const) {
    const cell = values.get(key);
    const amount = cell ? amountOf(cell.text) : undefined;
    if (cell && amount) project[field] = { value: amount.value, cell };
  }
  const history = values.get("history");
  if (history) project.history = historyIn(stream, history);
  return project;
}

/** The years back from the budget's year 前年, 上年 and 当年 (预计当年实现) stand for. */
const backOf = (word: string) => (word.startsWith("前年") ? -2 : word.startsWith("上年") ? -1 : 0);

/** The years back a header cell's words stand for (前年 -2, 上年 -1, 当年 or 预计当年实现 0); none for other words. */
export const yearsBack = (words: string): number | undefined => (/^(?:前年|上年|(?:预计)?当年)/.test(words) ? backOf(words) : undefined);

/** Where a header prints 前年 | 上年 | 当年: in a text, their order; on a PDF page, each one's centre too. */
interface YearColumns {
  years: number[];
  centres?: number[];
}

/** The year columns a header row names, 当年 wrapped onto the next line (预计当年 ⏎ 实现) or, in a PDF, set above. */
function yearColumnsAt(lines: readonly GridRow[], index: number): YearColumns | undefined {
  const row = lines[index] as GridRow;
  if (!/前年/.test(rowWords(row))) return undefined;
  if (row.positioned) {
    const words = lines.slice(Math.max(0, index - 1), index + 2).flatMap((line) => line.cells.flatMap((cell) => cell.parts ?? [cell]));
    const placed = words.flatMap((word) =>
      yearsBack(matchWords(word.text)) !== undefined && word.x ? [{ back: backOf(matchWords(word.text)), x: (word.x[0] + word.x[1]) / 2 }] : [],
    );
    placed.sort((a, b) => a.x - b.x);
    return placed.length >= 2 ? { years: placed.map((year) => year.back), centres: placed.map((year) => year.x) } : undefined;
  }
  const next = lines[index + 1];
  const following = next ? rowWords(next) : "";
  const words = rowWords(row) + (/^(?:预计)?当年/.test(following) ? following : "");
  const years = [...words.matchAll(/前年|上年|(?:预计)?当年/g)].map((match) => backOf(match[0]));
  return years.length >= 2 && /^前年/.test(words) ? { years } : undefined;
}

/** A row's words before its values, and its values by year; undefined where its values cannot be told. */
function rowValues(row: GridRow, columns: YearColumns): { labels: Cell[]; values: Map<number, Cell> } | undefined {
  const cells = row.cells.filter((cell) => !isBlank(cell.text));
  const { years, centres } = columns;
  if (centres) {
    // On a page a value stands under its year's header; a row may leave a year blank.
    const half = Math.min(...centres.slice(1).map((centre, index) => centre - (centres[index] ?? 0))) / 2;
    const values = new Map<number, Cell>();
    const labels: Cell[] = [];
    for (const cell of cells) {
      const centre = cell.x ? (cell.x[0] + cell.x[1]) / 2 : Number.NaN;
      const column = centres.findIndex((x) => Math.abs(x - centre) < half);
      if (column >= 0 && isValue(cell)) values.set(years[column] ?? 0, cell);
      else if (cell.x && cell.x[1] < (centres[0] ?? 0) - half) labels.push(cell);
    }
    return values.size > 0 ? { labels, values } : undefined;
  }
  // A measure word after figures (60 70 60 篇); 增加 增加 增加 are values.
  const unit = /^[\u4e00-\u9fff]{1,2}$/.test(cells.at(-1)?.text ?? "") && cells.slice(-1 - years.length, -1).every(isFigure);
  const measure = cells.length > years.length && unit ? 1 : 0;
  const values = cells.slice(Math.max(0, cells.length - measure - years.length), cells.length - measure);
  // In a line of words a blank cell cannot be told from a missing one: every year's value is needed.
  if (values.length < years.length || !values.every(isValue)) return undefined;
  return { labels: cells.slice(0, cells.length - measure - values.length), values: new Map(values.map((cell, index) => [years[index] ?? 0, cell])) };
}

/** A row of an indicator as printed: the words before its values, the words wrapped above them, its values by year. */
interface IndicatorRow {
  labels: Cell[];
  above: Cell[];
  values: Map<number, Cell>;
}

/**
 * The indicators under a 前年 | 上年 | 当年 header, printed as lines: a row with its values under the
 * years (in a text, one for every year; a measure word such as 场 or 篇 may follow) is an indicator.
 */
export function indicatorsFromLines(rows: readonly GridRow[]): ReadIndicator[] {
  const found: IndicatorRow[] = [];
  let columns: YearColumns | undefined;
  let above: Cell[] = [];
  const lines = rows.filter((row) => rowWords(row) !== "");
  for (const [index, row] of lines.entries()) {
    const header = yearColumnsAt(lines, index);
    if (header) [columns, above] = [header, []];
    // 预计当年 ⏎ 实现 wrapped under the header is the header's.
    if (header || !columns || /^(?:预计)?当年|^实现$/.test(rowWords(row))) continue;
    const cells = row.cells.filter((cell) => !isBlank(cell.text));
    const split = rowValues(row, columns);
    const read = split !== undefined && !split.labels.some(isFigure) && ownWords([...split.labels, ...above]) !== "";
    if (read) found.push({ ...split, above });
    // A line of words alone (not a row of values) is a wrapped label, or a 一级/二级指标 set midway down its rows;
    // a row of some values alone (有影响 有影响) ends what was above it.
    const someValues = cells.length >= 2 && cells.every(isValue);
    if (read || split || cells.some(isFigure) || someValues) above = [];
    else above.push(...cells);
  }
  const indicators = namedIndicators(found);
  // A name read twice is no name to compare by.
  return indicators.filter((indicator) => /[\p{L}]/u.test(indicator.name) && indicators.filter((other) => other.name === indicator.name).length === 1);
}

/**
 * Each row's name: the first of its own words (the next is the 指标值's measure: 招聘活动场次 举办场次 39 9 6),
 * or, with none, the words wrapped above it (招聘活动 ⏎ 场次 ⏎ 39 10 6). Where as many rows print two
 * words of their own as one, a row with one prints only the measure, its name wrapped above it
 * (行业培训＼活 ⏎ 动场次 ⏎ 举办场次 86 150 70).
 */
function namedIndicators(rows: readonly IndicatorRow[]): ReadIndicator[] {
  const ownCount = (row: IndicatorRow) => row.labels.filter((cell) => ownWords([cell]) !== "").length;
  const measured = rows.filter((row) => ownCount(row) >= 2).length >= rows.filter((row) => ownCount(row) === 1).length;
  return rows.flatMap((row) => {
    const own = row.labels.filter((cell) => ownWords([cell]) !== "");
    const above = row.above.filter((cell) => ownWords([cell]) !== "");
    const fromAbove = own.length === 0 || (measured && own.length === 1 && above.length > 0);
    const named = fromAbove ? above : own.slice(0, 1);
    const label = named[0] ?? [...row.values.values()][0];
    return label ? [{ name: ownWords(named), label, values: row.values }] : [];
  });
}
