import { amountOf, codeOf, isBlank, percentOf } from "./amount.js";
import { columnRoles, roleOf } from "./columns.js";
import { matchWords, type Cell, type GridRow } from "./grid.js";
import type { TableColumn, TableGap } from "./table.js";

/** Which cells of a row hold what: label and code cells, and the amount columns by id. */
export interface ColumnLayout {
  labels: number[];
  codes: number[];
  /** Index of each amount column in a gridded row; for rows of words, their order. */
  amounts: { index: number; column: TableColumn }[];
  shares: number[];
  /** Columns that are a line's own figures, not amounts of a column: 上年数, 增减额, 增减率. */
  fields: { prior?: number; change?: number; growth?: number };
  gridded: boolean;
}

/** What a cell holds. */
export type CellKind = "amount" | "share" | "code" | "label" | "blank";

export function kindOf(cell: Cell | undefined): CellKind {
  const text = cell?.text ?? "";
  if (isBlank(text)) return "blank";
  if (codeOf(text)) return "code";
  if (amountOf(text)) return "amount";
  if (percentOf(text)) return "share";
  return "label";
}

/** A row that holds figures: an amount beside a label (the code alone is no figure), or, in a table of one row, amounts alone. */
export function isDataRow(row: GridRow, unlabelled = false): boolean {
  const kinds = rowKinds(row);
  return kinds.includes("amount") && (unlabelled || kinds.includes("label") || kinds.includes("code"));
}

/** What each cell of a row holds: a whole number after the row's first cell is a figure (99000 元), though it reads like a code. */
export function rowKinds(row: GridRow): CellKind[] {
  const first = row.cells.findIndex((cell) => !isBlank(cell.text));
  return row.cells.map((cell, index) => (index > first && kindOf(cell) === "code" ? "amount" : kindOf(cell)));
}

/** A column's header words: every header row's cell at that index, top down, a blank cell under a merge taking the one to its left. */
function headerWords(header: readonly GridRow[], index: number): { words: string; cell?: Cell } {
  let words = "";
  let cell: Cell | undefined;
  for (const [rowIndex, row] of header.entries()) {
    let at = index;
    const below = header.slice(rowIndex + 1).some((lower) => !isBlank(lower.cells[index]?.text ?? ""));
    while (below && at > 0 && isBlank(row.cells[at]?.text ?? "")) at -= 1;
    const own = row.cells[at];
    if (own && !isBlank(own.text)) {
      words += own.text;
      // The column is named by its own lowest header cell (小计 under 公务用车…), else by the merged one above.
      if (at === index || !cell) cell = own;
    }
  }
  return cell ? { words, cell } : { words };
}

/** The kind most of a column's data cells have (blank when all are). */
function columnKind(data: readonly GridRow[], index: number): CellKind {
  const counts = new Map<CellKind, number>();
  for (const row of data) {
    const kind = kindOf(row.cells[index]);
    if (kind !== "blank") counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[0] ?? "blank";
  // Amounts beside a few labels (a 合计 row's label in a number column) stay amounts.
  return top === "code" && counts.has("amount") && (counts.get("amount") ?? 0) >= (counts.get("code") ?? 0) / 2 ? "amount" : top;
}

/**
 * A header row copied from a web page loses the blank cells a merge left at its start (增减金额 | 增减幅度 under
 * 比上年增减情况): a lower row whose cells start at the first column, as many as a merged cell above spans,
 * is set under that cell.
 */
function aligned(header: readonly GridRow[]): GridRow[] {
  return header.map((row, index) => {
    const above = header[index - 1];
    const filled = row.cells.filter((cell) => !isBlank(cell.text));
    const contiguous = filled.length > 0 && filled.every((cell, at) => row.cells[at] === cell);
    if (!above || !contiguous) return row;
    const start = mergedSpanStart(above, filled.length);
    if (start === undefined || start === 0) return row;
    const padding = Array.from({ length: start }, () => ({ text: "", start: row.start, end: row.start }));
    return { ...row, cells: [...padding, ...filled] };
  });
}

/** Where the first cell of a row stands that is followed by blanks making a span of `width` (a merged header cell). */
function mergedSpanStart(row: GridRow, width: number): number | undefined {
  if (width < 2) return undefined;
  for (let at = 0; at + width <= row.cells.length; at += 1) {
    const span = row.cells.slice(at, at + width);
    if (!isBlank(span[0]?.text ?? "") && span.slice(1).every((cell) => isBlank(cell.text))) return at;
  }
  return undefined;
}

/**
 * A column's kind from its cells, corrected by its header: whole numbers under 合计 or 预算数 (a 元 table,
 * Excel's General format) are figures, not codes; 类, 款 and 项 printed apart are codes (201 | 03 | 50).
 */
function columnRole(header: readonly GridRow[], data: readonly GridRow[], index: number): CellKind {
  const kind = columnKind(data, index);
  const words = matchWords(headerWords(header, index).words);
  if (/^(?:.*(?:编码|科目))?(?:类|款|项)$/.test(words)) return "code";
  if (kind === "code" && (roleOf(words) !== undefined || !(/编码|代码|科目|类|款|项/.test(words) || nested(data, index)))) return "amount";
  return kind;
}

/**
 * Columns headed by years (2024年预算数 | 2025年预算数): the latest year's is the table's amount, the year
 * before's each line's prior, any other year's not told; undefined when fewer than two years head columns.
 */
function yearsOf(header: readonly GridRow[], data: readonly GridRow[], width: number) {
  const byColumn = new Map<number, number>();
  for (let index = 0; index < width; index += 1) {
    if (columnKind(data, index) !== "amount") continue;
    const year = /(\d{4})年/.exec(matchWords(headerWords(header, index).words))?.[1];
    if (year) byColumn.set(index, Number.parseInt(year, 10));
  }
  const latest = Math.max(...byColumn.values());
  if (new Set(byColumn.values()).size < 2) return undefined;
  return {
    roleOf(index: number, stated: string | undefined): string | undefined {
      const year = byColumn.get(index);
      if (year === undefined) return stated;
      if (year === latest) return stated === undefined || stated === "prior" ? "total" : stated;
      return year === latest - 1 ? "prior" : undefined;
    },
  };
}

/** Codes of a hierarchy (201 over 20103): a column of them is codes, whatever its header (a PDF's may be lost). */
function nested(data: readonly GridRow[], index: number): boolean {
  const codes = data.map((row) => codeOf(row.cells[index]?.text ?? "")).filter((code): code is string => code !== undefined);
  return codes.some((code) => codes.some((other) => other.length > code.length && other.startsWith(code)));
}

/** The layout of a Word or Excel table: each column's kind from its data, each amount column's role from its header. */
export function gridLayout(printedHeader: readonly GridRow[], data: readonly GridRow[], gaps: TableGap[]): ColumnLayout {
  const header = aligned(printedHeader);
  const width = Math.max(0, ...[...header, ...data].map((row) => row.cells.length));
  const layout: ColumnLayout = { labels: [], codes: [], amounts: [], shares: [], fields: {}, gridded: true };
  const seen = new Set<string>();
  const years = yearsOf(header, data, width);
  // In a final account (决算数 beside 预算数) the 决算 column is the table's amount; the budget is not told apart.
  const finalAccount = header.some((row) => row.cells.some((cell) => /决算/.test(matchWords(cell.text))));
  for (let index = 0; index < width; index += 1) {
    const kind = columnRole(header, data, index);
    // A label column after amounts opens another side (收入 | 支出), whose columns are its own.
    if (kind === "label" && layout.amounts.length > 0) seen.clear();
    if (kind === "label") layout.labels.push(index);
    else if (kind === "code") layout.codes.push(index);
    else if (kind === "share") {
      // A percentage column is a share (占比) unless its header says it is the rate of change (增减幅度).
      if (roleOf(headerWords(header, index).words) === "growth") layout.fields.growth = index;
      else layout.shares.push(index);
    } else if (kind === "amount") {
      const { words, cell } = headerWords(header, index);
      // Words of one cell naming two funds (一般公共预算拨款 and 政府性基金预算拨, joined over narrow columns) tell nothing.
      const funds = ["general", "government-fund", "state-capital", "special-account", "unit-funds"].filter((fund) =>
        columnRoles.find((role) => role.id === fund)?.pattern.test(matchWords(words)),
      );
      const stated = funds.length > 1 ? undefined : years ? years.roleOf(index, roleOf(words)) : roleOf(words);
      const id = finalAccount && /预算/.test(matchWords(words)) && !/决算/.test(matchWords(words)) ? undefined : stated;
      if ((id === "prior" || id === "change") && layout.fields[id] === undefined) {
        layout.fields[id] = index;
        continue;
      }
      if (id === undefined || seen.has(id) || !cell) {
        const at = cell ?? data[0]?.cells[index];
        gaps.push({ why: "columns", start: at?.start ?? 0, end: at?.end ?? 0, text: words || `#${index + 1}` });
        continue;
      }
      seen.add(id);
      layout.amounts.push({ index, column: { id, name: cell.text, header: words, cell } });
    }
  }
  return layout;
}

/** The layout of a table printed as words: its header's role words in order, one per amount a full row prints. */
export function wordLayout(header: readonly GridRow[], data: readonly GridRow[], gaps: TableGap[]): ColumnLayout {
  const layout: ColumnLayout = { labels: [], codes: [], amounts: [], shares: [], fields: {}, gridded: false };
  // A row's first number is its code only under a header that names codes (科目编码); else 99000 is a figure.
  if (header.some((row) => row.cells.some((cell) => /编码|代码/.test(matchWords(cell.text))))) layout.codes = [0];
  const roles = wordRoles(header);
  const figures = roles.filter((role) => role.id !== "growth");
  const widest = Math.max(0, ...data.map((row) => row.cells.filter((cell) => kindOf(cell) === "amount").length));
  if (widest === 1 && figures.length === 0) {
    const cell = header[0]?.cells[0] ?? data[0]?.cells[0];
    figures.push({ id: "total", name: "", header: "", cell: cell ?? { text: "", start: 0, end: 0 } });
  }
  // More figures in a row than role words in the header, or none the main one: which is which cannot be told.
  if (figures.length === 0 || figures.length < widest || !figures.some((role) => role.id === "total")) {
    const at = header[0]?.cells[0] ?? data[0]?.cells[0];
    gaps.push({ why: "columns", start: at?.start ?? 0, end: at?.end ?? 0, text: roles.map((role) => role.name).join(" ") });
    return layout;
  }
  // In a row of words, the figures stand in the header's order: `index` is a figure's position among them.
  layout.amounts = figures.map((column, index) => ({ index, column }));
  if (roles.some((role) => role.id === "growth")) layout.fields.growth = -1;
  return layout;
}

/**
 * The roles of a header printed as words, in order: each word's role, once; years heading columns
 * (2024年预算数 2025年预算数) make the latest the amount and the year before the prior.
 */
function wordRoles(header: readonly GridRow[]): TableColumn[] {
  const cells = header.flatMap((row) => row.cells);
  const years = cells
    .map((cell) => /(\d{4})年/.exec(matchWords(cell.text))?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number);
  const latest = years.length >= 2 ? Math.max(...years) : undefined;
  const finalAccount = cells.some((cell) => /决算/.test(matchWords(cell.text)));
  const roles: TableColumn[] = [];
  for (const cell of cells) {
    const words = matchWords(cell.text);
    const year = Number(/(\d{4})年/.exec(words)?.[1] ?? Number.NaN);
    const budget = finalAccount && /预算/.test(words) && !/决算/.test(words);
    const role = budget ? "budget" : roleOf(cell.text);
    const id = latest === undefined || Number.isNaN(year) ? role : year === latest ? "total" : year === latest - 1 ? "prior" : undefined;
    if (id !== undefined && !roles.some((role) => role.id === id)) roles.push({ id, name: cell.text, header: cell.text, cell });
  }
  return roles;
}
