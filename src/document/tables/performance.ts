import { amountOf, isBlank, percentOf } from "./amount.js";
import { matchWords, type Cell, type GridRow } from "./grid.js";
import { cellHistory, indicatorsFromLines, projectFromLines, sidesFromLines, yearsBack } from "./performance-lines.js";
import type { PerformanceRead, ReadIndicator, ReadProject, TableLine } from "./table.js";

const filled = (cell: Cell | undefined): cell is Cell => cell !== undefined && !isBlank(cell.text);
const words = (cell: Cell | undefined) => matchWords(cell?.text ?? "");

/** The index of the first cell of a row whose words match. */
const cellIndex = (row: GridRow, pattern: RegExp) => row.cells.findIndex((cell) => pattern.test(words(cell)));

/** The first filled cell after `index`: a key's value in a row of key | value pairs. */
function valueAfter(row: GridRow, index: number): Cell | undefined {
  return row.cells.slice(index + 1).find(filled);
}

/**
 * The 收入构成 / 支出构成 of a 部门整体支出绩效目标表: under 当年金额 | 占比 | 近两年收支金额 (2023 年 | 2024 年),
 * each side's rows, its 合计 the side's line (`income`, `expenditure`) with the others its parts.
 */
function sidesOf(rows: readonly GridRow[]): TableLine[] {
  const head = rows.findIndex((row) => cellIndex(row, /^当年金额$/) >= 0);
  const headRow = rows[head];
  if (!headRow) return [];
  const amountAt = cellIndex(headRow, /^当年金额$/);
  const shareAt = cellIndex(headRow, /^占比$/);
  const yearRow = rows.slice(head, head + 2).find((row) => cellIndex(row, /^\d{4}年$/) >= 0);
  const years = (yearRow?.cells ?? []).flatMap((cell, index) => (/^(\d{4})年$/.test(words(cell)) ? [{ index, year: Number.parseInt(words(cell), 10) }] : []));
  const sides = new Map<string, TableLine[]>();
  let side: string | undefined;
  for (const row of rows.slice(head + 1)) {
    const marker = row.cells.find((cell) => /^(?:收入|支出)构成$/.test(words(cell)));
    if (marker) side = words(marker).startsWith("收入") ? "income" : "expenditure";
    const amountCell = row.cells[amountAt];
    const amount = amountCell ? amountOf(amountCell.text) : undefined;
    if (!side || !amountCell || !amount) continue;
    const label = row.cells
      .slice(0, amountAt)
      .filter((cell) => filled(cell) && cell !== marker)
      .at(-1);
    if (!label) continue;
    const line: TableLine = { name: label.text, label, amounts: new Map([["total", { value: amount.value, cell: amountCell }]]), lines: [] };
    const shareCell = row.cells[shareAt];
    const share = shareCell ? percentOf(shareCell.text) : undefined;
    if (shareCell && share) line.share = { value: share, cell: shareCell };
    line.history = new Map(
      years.flatMap(({ index, year }) => {
        const cell = row.cells[index];
        const value = cell ? amountOf(cell.text) : undefined;
        return cell && value ? [[year, { value: value.value, cell }] as const] : [];
      }),
    );
    sides.set(side, [...(sides.get(side) ?? []), line]);
  }
  return [...sides].flatMap(([id, lines]) => {
    const total = lines.find((line) => /^合计$/.test(matchWords(line.name)));
    if (!total) return [];
    return [{ ...total, id, lines: lines.filter((line) => line !== total) }];
  });
}

/** The indicators under a 三级指标 header followed by 前年 | 上年 | 当年 columns: each row's 三级指标 and values. */
function indicatorsOf(rows: readonly GridRow[]): ReadIndicator[] {
  const indicators: ReadIndicator[] = [];
  for (const [index, row] of rows.entries()) {
    const nameAt = cellIndex(row, /^三级指标$/);
    const yearRow = rows.slice(index, index + 2).find((candidate) => cellIndex(candidate, /^前年$/) >= 0);
    if (nameAt < 0 || !yearRow) continue;
    const columns = yearRow.cells.flatMap((cell, at) => {
      const year = yearsBack(words(cell));
      return year === undefined ? [] : [{ at, year }];
    });
    for (const data of rows.slice(rows.indexOf(yearRow) + 1)) {
      if (cellIndex(data, /^三级指标$/) >= 0 || cellIndex(data, /目标表$|绩效指标$/) >= 0) break;
      const label = data.cells[nameAt];
      if (!filled(label)) continue;
      const values = new Map(columns.flatMap(({ at, year }) => (filled(data.cells[at]) ? [[year, data.cells[at]] as const] : [])));
      if (values.size > 0) indicators.push({ name: label.text, label, values });
    }
  }
  return indicators;
}

/** The project a 项目支出绩效目标表 declares, from its rows of key | value pairs. */
function projectOf(rows: readonly GridRow[]): ReadProject | undefined {
  const find = (pattern: RegExp) => {
    for (const row of rows) {
      const at = cellIndex(row, pattern);
      if (at >= 0) return valueAfter(row, at);
    }
    return undefined;
  };
  const name = find(/^项目名称$/);
  if (!name) return undefined;
  const project: ReadProject = { name: name.text, label: name, history: new Map() };
  for (const [key, pattern] of [
    ["budget", /^项目总预算$/],
    ["amount", /^项目当年预算$/],
  ] as const) {
    const cell = find(pattern);
    const amount = cell ? amountOf(cell.text) : undefined;
    if (cell && amount) project[key] = { value: amount.value, cell };
  }
  const changes = find(/预算变动情况$/);
  if (changes) project.history = cellHistory(changes);
  return project;
}

/**
 * The projects a 部门整体支出绩效目标表 lists under 项目名称 | … | 项目总预算 | 项目本年度预算: each row with a name and
 * both budgets, to the first row without them.
 */
function projectListOf(rows: readonly GridRow[]): ReadProject[] {
  const head = rows.find((row) => cellIndex(row, /^项目名称$/) >= 0 && cellIndex(row, /^项目总预算$/) >= 0);
  if (!head) return [];
  const [nameAt, budgetAt, amountAt] = [/^项目名称$/, /^项目总预算$/, /^项目本?年度?预算$/].map((pattern) => cellIndex(head, pattern));
  const projects: ReadProject[] = [];
  for (const row of rows.slice(rows.indexOf(head) + 1)) {
    const [name, budget, amount] = [nameAt, budgetAt, amountAt].map((at) => (at === undefined || at < 0 ? undefined : row.cells[at]));
    const figures = [budget, amount].map((cell) => (cell ? amountOf(cell.text) : undefined));
    if (!filled(name) || !budget || !amount || !figures[0] || !figures[1]) break;
    projects.push({
      name: name.text,
      label: name,
      budget: { value: figures[0].value, cell: budget },
      amount: { value: figures[1].value, cell: amount },
      history: new Map(),
    });
  }
  return projects;
}

/** What a performance target table holds: from its cells in Word or Excel, else from its lines of words. */
export function readPerformance(rows: readonly GridRow[], overall: boolean): PerformanceRead {
  const cells = rows.filter((row) => row.gridded);
  const lines = cells.length === 0 ? rows.filter((row) => !row.furniture) : undefined;
  // A project's table names one project; the whole department's lists them in a grid (read from cells only).
  const project = overall ? undefined : lines ? projectFromLines(lines) : projectOf(cells);
  const projects = overall ? (lines ? [] : projectListOf(cells)) : project ? [project] : [];
  const sides = lines ? sidesFromLines(lines) : sidesOf(cells);
  const indicators = lines ? indicatorsFromLines(lines) : indicatorsOf(cells);
  const read: PerformanceRead = { sides, projects, indicators };
  // 近两年收支金额 names the two years before the budget's.
  const years = sides.flatMap((side) => [...(side.history?.keys() ?? [])]);
  if (years.length > 0) read.year = Math.max(...years) + 1;
  return read;
}
