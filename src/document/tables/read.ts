import type { DocumentText } from "../formats/document.js";
import { amountOf, percentOf } from "./amount.js";
import { sumsOf } from "./columns.js";
import { onColumns } from "./placed.js";
import { readPerformance } from "./performance.js";
import { findTables, isNote, type FoundTable } from "./find.js";
import { gridOf, matchWords, rowWords, type Cell, type GridRow } from "./grid.js";
import { gridLayout, isDataRow, wordLayout, type ColumnLayout } from "./layout.js";
import { labelWords, linesOf, nestByCode, nestUnderTotals, totalLabel } from "./rows.js";
import type { ReadTable, TableGap, TableLine } from "./table.js";

export type { ReadTable, TableGap, TableLine } from "./table.js";

/** 单位：万元, not 编制单位：元氏县 (a unit is no place's first character). */
const unitPattern = /(?<!编制|预算|填报|主管|执行)单位[:：]?\s*(?:为)?\s*(亿元|万元|千元|元)(?![\u4e00-\u9fff])/;

/** The unit a table states in its title or the rows above its figures; none is a gap, never a guess. */
function unitOf(found: FoundTable, header: readonly GridRow[]): ReadTable["unit"] {
  for (const row of [found.title, ...header])
    for (const cell of row.cells) {
      const match = unitPattern.exec(matchWords(cell.text));
      if (match?.[1]) return { unit: match[1], cell };
    }
  // Else the unit its amount columns' headers print in brackets (预算数（万元）), when they all print one.
  const units = header.flatMap((row) =>
    row.cells.flatMap((cell) => {
      const match = /\((亿元|万元|千元|元)\)$/.exec(matchWords(cell.text));
      return match?.[1] ? [{ unit: match[1], cell }] : [];
    }),
  );
  const first = units[0];
  return first && units.every((unit) => unit.unit === first.unit) ? first : undefined;
}

/** A row as one cell: its printed words from first to last. */
function rowCell(row: GridRow): Cell {
  const filled = row.cells.filter((cell) => cell.text !== "");
  return { text: filled.map((cell) => cell.text).join(" "), start: filled[0]?.start ?? row.start, end: filled.at(-1)?.end ?? row.end };
}

/** Splits a two-sided row (收入 … | 支出 …) at its second label column, so each side reads as a table of its own. */
function sides(layout: ColumnLayout): [ColumnLayout, ColumnLayout] | undefined {
  const second = layout.labels[1];
  if (second === undefined) return undefined;
  const left = (index: number) => index < second;
  const part = (keep: (index: number) => boolean): ColumnLayout => ({
    ...layout,
    labels: layout.labels.filter(keep),
    codes: layout.codes.filter(keep),
    shares: layout.shares.filter(keep),
    fields: {},
    amounts: layout.amounts.filter((amount) => keep(amount.index)),
  });
  return [part(left), part((index) => !left(index))];
}

/** The lines of one side (or of a one-sided table), nested as its shape says, with its total. */
function shaped(found: FoundTable, lines: TableLine[]): { total?: TableLine; lines: TableLine[] } {
  if (found.template.shape === "coded") {
    const totalIndex = lines.findIndex((line) => !line.code && totalLabel.test(labelWords(line.name)));
    const total = totalIndex >= 0 ? lines[totalIndex] : undefined;
    const rest = nestByCode(lines.filter((_, index) => index !== totalIndex));
    return total ? { total, lines: rest } : { lines: rest };
  }
  return nestUnderTotals(lines);
}

/** A fund's income takes the fund's id (format: conventions), so it is compared across tables. */
function fundIds(lines: readonly TableLine[]): void {
  for (const line of lines) {
    const words = labelWords(line.name);
    const id = /一般公共预算/.test(words) ? "general" : /政府性基金/.test(words) ? "government-fund" : /国有资本/.test(words) ? "state-capital" : undefined;
    if (id && !lines.some((other) => other !== line && other.id === id)) line.id = id;
    fundIds(line.lines);
  }
}

/** A two-sided table (收支总表): its income and expenditure sides as the lines `income` and `expenditure`. */
function twoSided(data: readonly GridRow[], split: readonly ColumnLayout[] | undefined, gaps: TableGap[]): TableLine[] | undefined {
  if (!split) return undefined;
  const result: TableLine[] = [];
  for (const [index, side] of split.entries()) {
    const main = side.amounts[0]?.column.id;
    if (main === undefined) continue;
    // A side's first amount column is its own total (本年预算, 合计), whatever its header says.
    const sideLines = linesOf(data, side, gaps).flatMap((line) => {
      if (!line.amounts.has(main)) return [];
      const amounts = new Map([...line.amounts].map(([id, amount]) => [id === main ? "total" : id, amount] as const));
      return [{ ...line, amounts }];
    });
    const { total, lines } = nestUnderTotals(sideLines);
    if (!total) continue;
    total.id = index === 0 ? "income" : "expenditure";
    if (index === 0) fundIds(lines);
    total.lines = lines;
    result.push(total);
  }
  return result.length === 2 ? result : undefined;
}

/**
 * A table copied from a web page may print each cell on a line of its own (合计 | then 6.08 |): a line
 * of words alone followed by a line of one amount alone is one row.
 */
function pairedRows(printed: readonly GridRow[]): GridRow[] {
  const cells = (row: GridRow) => row.cells.filter((cell) => !/^[|｜]?$/.test(cell.text));
  // A line of a bar alone (a cell's border copied as text), or blank, is no row.
  const body = printed.filter((row) => row.gridded || cells(row).length > 0);
  const rows: GridRow[] = [];
  for (let index = 0; index < body.length; index += 1) {
    const row = body[index] as GridRow;
    const next = body[index + 1];
    const words = cells(row);
    const labelOnly = !row.gridded && words.length > 0 && !words.some((cell) => amountOf(cell.text) || percentOf(cell.text));
    const single = (candidate: GridRow | undefined) => {
      const own = candidate && !candidate.gridded ? cells(candidate) : [];
      return own.length === 1 && (amountOf(own[0]?.text ?? "") || percentOf(own[0]?.text ?? "")) ? own : undefined;
    };
    if (next && labelOnly && single(next)) {
      // Its figures follow it, one a line (因公出国(境)费, then 0, 0, 0 for each column).
      let last = index + 1;
      const figures = [...(single(next) ?? [])];
      for (let more = single(body[last + 1]); more; more = single(body[last + 1])) {
        figures.push(...more);
        last += 1;
      }
      rows.push({ start: row.start, end: (body[last] as GridRow).end, gridded: false, cells: [...words, ...figures] });
      index = last;
    } else rows.push({ ...row, cells: row.gridded ? row.cells : words });
  }
  return rows;
}

/** Reads one found table: unit, header, columns, rows. */
function readFound(printed: FoundTable): ReadTable {
  let found = printed;
  const gaps: TableGap[] = [];
  const title = rowCell(found.title);
  // What the sentence reader leaves alone: the title, and the rows down to the last with figures or the note.
  const last = [...found.body].reverse().find((row) => isDataRow(row, true) || isNote(row));
  const extent = { start: found.title.start, end: last?.end ?? found.title.end };
  const table: ReadTable = { template: found.template, title, columns: [], sums: new Map(), lines: [], gaps, extent };
  if (found.no) table.no = found.no;
  found = { ...found, body: pairedRows(found.body) };
  const oneRow = found.template.shape === "columns-row";
  const firstData = found.body.findIndex((row) => isDataRow(row, oneRow));
  const header = found.body.slice(0, firstData < 0 ? found.body.length : firstData);
  const unit = unitOf(found, header);
  if (unit) table.unit = unit;
  const note = found.body.find(isNote);
  if (note) table.note = rowCell(note);
  if (found.template.shape === "performance") {
    const performance = readPerformance(found.body, found.template.kind === "performance-overall");
    const read = performance.sides.length + performance.projects.length + performance.indicators.length > 0;
    if (read) table.performance = performance;
    // Its goals and long-term targets are words, checked against nothing; with nothing else read, it is said so.
    else gaps.push({ why: "performance", ...title });
    return table;
  }
  // A table without data, explained by its note (没有数据的表格应当列出空表并说明), is read in full.
  if (firstData < 0 && note) return table;
  if (firstData < 0) {
    gaps.push({ why: found.body.some((row) => rowWords(row) !== "") ? "no-rows" : "title-only", ...title });
    return table;
  }
  if (!unit) gaps.push({ why: "unit", ...title });
  readRows(
    found,
    table,
    header,
    found.body.slice(firstData).filter((row) => !isNote(row)),
  );
  // A row left out would make every total above it look wrong: the table is not checked at all. So too a
  // PDF's column whose header cannot be told: its columns are placed by where they stand, never guessed.
  const positioned = found.body.some((row) => row.positioned);
  if (gaps.some((gap) => gap.why === "row" || (positioned && gap.why === "columns"))) gaps.push({ why: "partly-read", ...title });
  return table;
}

/** A two-sided 收支 table's lines and columns. */
function readSides(table: ReadTable, data: readonly GridRow[], layout: ColumnLayout): void {
  const split = layout.gridded ? sides(layout) : undefined;
  const lines = twoSided(data, split, table.gaps);
  if (lines) table.lines = lines;
  else table.gaps.push({ why: "columns", ...table.title });
  // The sides print their own columns: the table's are the wider side's (支出: 合计, 一般公共预算 …), the
  // other side's lines giving their first column alone (its breakdown unknown, not 0).
  const widest = (split ?? []).reduce<ColumnLayout | undefined>((best, side) => (best && best.amounts.length >= side.amounts.length ? best : side), undefined);
  table.columns = (widest?.amounts ?? []).map((amount, index) => (index === 0 ? { ...amount.column, id: "total" } : amount.column));
  table.sums = table.columns.length > 1 ? sumsOf(table.columns.map((column) => column.id)) : new Map<string, string[]>();
}

/** The columns and lines of a table with figures. */
function readRows(found: FoundTable, table: ReadTable, printedHeader: readonly GridRow[], printedData: readonly GridRow[]): void {
  const { gaps } = table;
  // A table continued (a second Word table, a new page) repeats its header: not rows of figures.
  const repeated = new Set(printedHeader.map(rowWords).filter((words) => words !== ""));
  const continued = printedData.filter((row) => !repeated.has(rowWords(row)));
  // A PDF's rows, set on their columns by where their cells stand on the page.
  const { header, data, unplaced } = onColumns(printedHeader, continued);
  for (const row of unplaced) gaps.push({ why: "row", start: row.start, end: row.end, text: rowCell(row).text });
  const gridded = data.some((row) => row.gridded);
  // The row that names the department and the unit is above the header, not part of it.
  const headings = header.filter((row) => !unitPattern.test(rowWords(row)) && !/^(?:部门|单位|编制单位|预算单位)(?:名称)?[:：]/.test(rowWords(row)));
  const layout = gridded
    ? gridLayout(
        headings.filter((row) => row.gridded),
        data,
        gaps,
      )
    : wordLayout(headings, data, gaps);
  // The line's own figures (上年, 增减) are no columns; the main column (合计) comes first.
  const own = new Set(["prior", "change"]);
  table.columns = layout.amounts
    .map((amount) => amount.column)
    .filter((column) => !own.has(column.id))
    .sort((a, b) => (a.id === "total" ? -1 : b.id === "total" ? 1 : 0));
  if (!gaps.some((gap) => gap.why === "columns")) table.sums = sumsOf(table.columns.map((column) => column.id));
  if (found.template.shape === "two-sided") {
    readSides(table, data, layout);
    return;
  }
  if (layout.amounts.length === 0) return;
  // A “三公” table printed as rows (合计, 因公出国(境)费 …) reads as named lines.
  const labelled = data.some((row) => isDataRow(row));
  if (found.template.shape === "columns-row" && layout.amounts.length > 1 && !labelled) {
    const total = columnsRow(data, layout);
    if (total) table.total = total;
    for (const row of data.filter((other) => total === undefined || !(other.start <= total.label.start && total.label.end <= other.end)))
      if (isDataRow(row, true)) gaps.push({ why: "row", start: row.start, end: row.end, text: rowCell(row).text });
    return;
  }
  const printed = linesOf(data, layout, gaps);
  // A “三公” table of one row a year (2024年预算数 | 2025年预算数 down the page): the latest year's row is the total.
  const byYear = found.template.shape === "columns-row" && layout.amounts.length > 1 ? yearRows(printed) : undefined;
  if (byYear) {
    table.total = byYear;
    return;
  }
  const { total, lines } = shaped(found, printed);
  if (total) table.total = total;
  table.lines = lines;
}

/** A table of one row of columns (the “三公” table): its row is the total, named by its first column. */
function columnsRow(data: readonly GridRow[], layout: ColumnLayout): TableLine | undefined {
  const row = data.find((candidate) => isDataRow(candidate, true));
  const first = layout.amounts[0];
  if (!row || !first) return undefined;
  const labelled = { ...layout, labels: [first.index] };
  const line = linesOf([row], labelled, [])[0];
  if (!line) return undefined;
  const amount = row.cells[first.index];
  const value = amount ? amountOf(amount.text) : undefined;
  if (amount && value) line.amounts.set(first.column.id, { value: value.value, cell: amount });
  return { ...line, name: first.column.name };
}

/** Rows labelled by year, each its year's total: the latest is the table's, with the year before's main amount its prior. */
function yearRows(printed: readonly TableLine[]): TableLine | undefined {
  const lines = printed.filter((line) => line.amounts.size > 0);
  const years = lines.map((line) => Number(/(\d{4})年/.exec(matchWords(line.name))?.[1] ?? Number.NaN));
  if (lines.length < 2 || years.some((year) => Number.isNaN(year))) return undefined;
  const latest = Math.max(...years);
  const current = lines[years.indexOf(latest)];
  const before = lines[years.indexOf(latest - 1)]?.amounts.get("total");
  if (!current) return undefined;
  return before && !before.value.startsWith("-") ? { ...current, prior: before } : current;
}

/** Every 公开表 the document prints, read as far as it can be, with what was not read and why. */
export function readTables(document: DocumentText): ReadTable[] {
  return findTables(gridOf(document)).map(readFound);
}

/** A PDF's page numbers and running headers and footers, where they stand in its text: not the disclosure's words. */
export function pageFurniture(document: DocumentText): { start: number; end: number }[] {
  return gridOf(document)
    .filter((row) => row.furniture)
    .map((row) => ({ start: row.start, end: row.end }));
}
