import { amountOf, codeOf, isBlank, percentOf } from "./amount.js";
import { matchWords, type Cell, type GridRow } from "./grid.js";
import type { ColumnLayout } from "./layout.js";
import type { CellAmount, TableGap, TableLine } from "./table.js";

/** A 合计/总计 row: the total of the rows above it (本年收入合计, 支出总计, 合 计). */
export const totalLabel = /^(?:本年|本期)?(?:收入|支出|收支)?(?:合计|总计)$|^(?:合计|总计)$/;

/** A row's label without the outline number it is printed with (一、 (一) 1.), spaces closed up in Chinese. */
export function labelWords(text: string): string {
  return matchWords(text).replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、](?!\d))/, "");
}

/** A label cell made of several (a label broken over cells, or code columns 类 款 项 printed apart). */
function joined(cells: readonly Cell[]): Cell | undefined {
  const filled = cells.filter((cell) => !isBlank(cell.text));
  const first = filled[0];
  const last = filled.at(-1);
  if (!first || !last) return undefined;
  return { text: filled.map((cell) => cell.text).join(""), start: first.start, end: last.end };
}

/** A row of a gridded table as a line: its label and code cells, its amounts by column. */
function gridLine(row: GridRow, layout: ColumnLayout): TableLine | undefined {
  const label = joined(layout.labels.map((index) => row.cells[index]).filter((cell): cell is Cell => cell !== undefined));
  const code = joined(layout.codes.map((index) => row.cells[index]).filter((cell): cell is Cell => cell !== undefined));
  const amounts = new Map<string, CellAmount>();
  for (const { index, column } of layout.amounts) {
    const cell = row.cells[index];
    const amount = cell ? amountOf(cell.text) : undefined;
    if (cell && amount) amounts.set(column.id, { value: amount.value, cell });
  }
  const shareCell = layout.shares.map((index) => row.cells[index]).find((cell) => cell && percentOf(cell.text));
  const printedCode = code ? codeOf(code.text) : undefined;
  // 合计 printed across the code and name columns stands in the code column.
  const place = label ?? code;
  if (!place) return undefined;
  const line: TableLine = { name: (label ?? (printedCode ? undefined : code))?.text.trim() ?? "", label: place, amounts, lines: [] };
  if (printedCode) line.code = printedCode;
  if (shareCell) line.share = { value: percentOf(shareCell.text) ?? "", cell: shareCell };
  readFields(line, row, layout);
  return line;
}

/** The row's 上年数, 增减额 and 增减率, from the columns that print them. */
function readFields(line: TableLine, row: GridRow, layout: ColumnLayout): void {
  const { prior, change, growth } = layout.fields;
  const at = (index: number | undefined) => (index === undefined ? undefined : row.cells[index]);
  const priorCell = at(prior);
  const priorAmount = priorCell && amountOf(priorCell.text);
  if (priorCell && priorAmount && !priorAmount.value.startsWith("-")) line.prior = { value: priorAmount.value, cell: priorCell };
  const changeCell = at(change);
  const changeAmount = changeCell && amountOf(changeCell.text);
  if (changeCell && changeAmount) line.change = { value: changeAmount.value, cell: changeCell };
  const growthCell = at(growth);
  const rate = growthCell && percentOf(growthCell.text);
  if (growthCell && rate) line.growth = { value: rate, cell: growthCell };
}

/** A row printed as words: [code] label words, then one amount per column (a row with fewer is not read). */
function wordLine(row: GridRow, layout: ColumnLayout, gaps: TableGap[]): TableLine | undefined {
  const cells = [...row.cells];
  const code = layout.codes.length > 0 && cells[0] && codeOf(cells[0].text) && cells.length > 1 ? cells.shift() : undefined;
  const figures: Cell[] = [];
  // A dash stands in a column for no figure: it holds its column's place.
  const figureLike = (text: string) => amountOf(text) || percentOf(text) || /^[-—–－]$/.test(text.trim());
  while (cells.length > 0 && figureLike(cells.at(-1)?.text ?? "")) figures.unshift(cells.pop() as Cell);
  const label = joined(cells);
  if (!label) return undefined;
  const percent = figures.find((cell) => percentOf(cell.text));
  const amountCells = figures.filter((cell) => !percentOf(cell.text));
  // One figure beside several columns is the main one's (合计), the others left blank.
  const single = amountCells.length === 1 && layout.amounts.length > 1;
  if (amountCells.length !== layout.amounts.length && !single) {
    gaps.push({ why: "row", start: row.start, end: row.end, text: row.cells.map((cell) => cell.text).join(" ") });
    return undefined;
  }
  const line: TableLine = { name: label.text, label, amounts: new Map(), lines: [] };
  for (const [index, { column }] of layout.amounts.slice(0, amountCells.length).entries()) {
    const cell = amountCells[index] as Cell;
    const amount = amountOf(cell.text);
    if (!amount) continue;
    // 上年 and 增减 are the line's own figures; the others its amounts by column.
    if (column.id === "prior" || column.id === "change") line[column.id] = { value: amount.value, cell };
    else line.amounts.set(column.id, { value: amount.value, cell });
  }
  if (code) line.code = code.text;
  const rate = percent && percentOf(percent.text);
  if (percent && rate) line[layout.fields.growth === undefined ? "share" : "growth"] = { value: rate, cell: percent };
  return line;
}

/** The cells of a row that hold its figures: in a gridded row, only the layout's own (one side of a 收支 table). */
function figuresOf(row: GridRow, layout: ColumnLayout): (Cell | undefined)[] {
  return layout.gridded ? layout.amounts.map(({ index }) => row.cells[index]) : row.cells;
}

/** The data rows as lines, in order; a row that cannot be read is a gap. */
export function linesOf(data: readonly GridRow[], layout: ColumnLayout, gaps: TableGap[]): TableLine[] {
  const lines: TableLine[] = [];
  for (const row of data) {
    const missed = gaps.length;
    const line = layout.gridded ? gridLine(row, layout) : wordLine(row, layout, gaps);
    // An amount below 0 in a column of amounts is a figure read into the wrong column: the row is not read.
    const misread = line !== undefined && [...line.amounts.values()].some((amount) => amount.value.startsWith("-"));
    // A signature under the table (制表：财务股, 审核人：…) is no line of it; a line with its cells blank is.
    const signature = line !== undefined && line.amounts.size === 0 && line.code === undefined && /[:：]/.test(line.name) && !/^其中/.test(line.name);
    if (line && !misread) {
      if (!signature) lines.push(line);
    } else if (misread || (gaps.length === missed && figuresOf(row, layout).some((cell) => amountOf(cell?.text ?? ""))))
      // A row with figures is read or said not to be, never dropped.
      gaps.push({ why: "row", start: row.start, end: row.end, text: row.cells.map((cell) => cell.text).join(" ") });
  }
  return lines;
}

/** 其中 opens a line's parts: the 其中 line and those after it that share its first words (公务用车购置费, 公务用车运行费). */
export function nestParts(lines: readonly TableLine[]): TableLine[] {
  const result: TableLine[] = [];
  let parent: TableLine | undefined;
  let stem = "";
  for (const line of lines) {
    const printed = matchWords(line.name);
    const opens = /^其中:?/.test(printed);
    const words = labelWords(printed.replace(/^其中:?/, ""));
    const parentLine = result.at(-1);
    // 其中： on a row of its own opens the numbered items under it ((1) …, (2) …).
    if (opens && words === "" && line.amounts.size === 0 && parentLine) {
      parent = parentLine;
      stem = "(";
      continue;
    }
    if (opens && parentLine) {
      parent = parentLine;
      stem = words.slice(0, 4);
    } else if (!(parent && ((stem.length === 4 && words.startsWith(stem)) || (stem === "(" && /^\(\d+\)/.test(printed))))) parent = undefined;
    if (parent) parent.lines.push(line);
    else result.push(line);
  }
  return result;
}

/** Lines nested by classification code (a 款 under its 类, a 项 under its 款); uncoded lines stay at the top. */
export function nestByCode(lines: readonly TableLine[]): TableLine[] {
  const top: TableLine[] = [];
  const stack: TableLine[] = [];
  for (const line of lines) {
    if (!line.code) {
      top.push(line);
      stack.length = 0;
      continue;
    }
    while (stack.length > 0 && !line.code.startsWith(stack.at(-1)?.code ?? "\u0000")) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.lines.push(line);
    else top.push(line);
    stack.push(line);
  }
  return top;
}

/** An outline number opening a label: 一、 (一) 1. */
const numbered = /^\s*[一二三四五六七八九十]+、/;

/**
 * A numbered line followed by unnumbered ones is their heading and total (一、本年收入 over 一般公共预算拨款
 * …), when some follow; numbered lines side by side stay siblings.
 */
export function nestUnderHeadings(lines: readonly TableLine[]): TableLine[] {
  const result: TableLine[] = [];
  let heading: TableLine | undefined;
  for (const line of lines) {
    const isTotal = totalLabel.test(labelWords(line.name));
    if (numbered.test(line.name) && !isTotal) heading = line;
    else if (heading && !isTotal) {
      heading.lines.push(line);
      continue;
    } else heading = undefined;
    result.push(line);
  }
  return result;
}

/** 小计 totals the lines since the last 小计 (not the 小计 before it); the 合计 after them totals the 小计. */
function nestUnderSubtotals(lines: readonly TableLine[]): TableLine[] {
  const result: TableLine[] = [];
  let open: TableLine[] = [];
  for (const line of lines) {
    if (/^小计$/.test(labelWords(line.name))) {
      line.lines = open;
      open = [];
      result.push(line);
    } else if (totalLabel.test(labelWords(line.name))) {
      result.push(...open, line);
      open = [];
    } else open.push(line);
  }
  return [...result, ...open];
}

/**
 * Lines nested under the totals printed after them: a 合计 takes the lines since the last total, a
 * 总计 the 合计 and the lines after it (上年结转 …). Returns the lines and the last total (the side's own).
 */
export function nestUnderTotals(printed: readonly TableLine[]): { total?: TableLine; lines: TableLine[] } {
  const lines = nestUnderSubtotals(nestUnderHeadings(nestParts(printed)));
  // A total printed first (合计 above its parts, as a “三公” table printed down the page) totals the rest.
  const first = lines[0];
  if (first && totalLabel.test(labelWords(first.name)) && !lines.slice(1).some((line) => totalLabel.test(labelWords(line.name))))
    return { total: first, lines: lines.slice(1) };
  let open: TableLine[] = [];
  let last: TableLine | undefined;
  for (const line of lines) {
    if (!totalLabel.test(labelWords(line.name))) {
      open.push(line);
      continue;
    }
    line.lines = open;
    open = [line];
    last = line;
  }
  if (!last) return { lines: open };
  if (open.length > 1 || open[0] !== last) return { lines: open };
  return { total: last, lines: last.lines };
}
