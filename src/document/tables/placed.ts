import { amountOf, codeOf, percentOf } from "./amount.js";
import type { Cell, GridRow } from "./grid.js";

/** What a column holds, and the edges its cells are printed within on the page. */
interface Column {
  kind: "code" | "label" | "figure";
  x0: number;
  x1: number;
}

function kindOf(cell: Cell): Column["kind"] {
  if (codeOf(cell.text)) return "code";
  return amountOf(cell.text) || percentOf(cell.text) ? "figure" : "label";
}

const edges = (cell: Cell) => cell.x ?? [0, 0];

/** How much of a cell lies over a column. */
function overlap(cell: Cell, column: Column): number {
  const [x0, x1] = edges(cell);
  return Math.min(x1, column.x1) - Math.max(x0, column.x0);
}

/**
 * The columns of a PDF table: for each kind of cell (codes, labels, figures), the stretches of the page its
 * cells cover, overlapping ones merged (figures right-aligned in one column overlap; those of two columns do not).
 */
function columnsOf(data: readonly GridRow[]): Column[] {
  const columns: Column[] = [];
  for (const kind of ["code", "label", "figure"] as const) {
    const spans = data.flatMap((row) => row.cells.filter((cell) => kindOf(cell) === kind).map(edges)).sort((a, b) => a[0] - b[0]);
    for (const [x0, x1] of spans) {
      const last = columns.at(-1);
      if (last && last.kind === kind && x0 <= last.x1) last.x1 = Math.max(last.x1, x1);
      else columns.push({ kind, x0, x1 });
    }
  }
  return columns.sort((a, b) => a.x0 - b.x0);
}

/** The column a cell stands in: of its kind (any kind for a header), the one it overlaps most. */
function columnOf(cell: Cell, columns: readonly Column[], anyKind: boolean): number | undefined {
  let best: number | undefined;
  let most = 0;
  for (const [index, column] of columns.entries()) {
    if (!anyKind && column.kind !== kindOf(cell)) continue;
    const shared = overlap(cell, column);
    if (shared > most) [best, most] = [index, shared];
  }
  // A header word centred over a narrower column of figures overlaps none: the nearest column is its.
  if (best === undefined && anyKind) best = nearest(cell, columns);
  return best;
}

/** The column whose middle is nearest the cell's. */
function nearest(cell: Cell, columns: readonly Column[]): number | undefined {
  const [x0, x1] = edges(cell);
  const middle = (x0 + x1) / 2;
  let best: number | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const [index, column] of columns.entries()) {
    const away = Math.abs((column.x0 + column.x1) / 2 - middle);
    if (away < distance) [best, distance] = [index, away];
  }
  return best;
}

/** A row set on the columns: blanks where nothing is printed; undefined if two figures fall in one column or one in none. */
function gridded(row: GridRow, columns: readonly Column[], anyKind: boolean): GridRow | undefined {
  const cells: Cell[] = columns.map(() => ({ text: "", start: row.start, end: row.start }));
  for (const cell of row.cells) {
    const at = columnOf(cell, columns, anyKind);
    if (at === undefined) {
      if (kindOf(cell) === "figure") return undefined;
      continue;
    }
    const held = cells[at] as Cell;
    if (held.text === "") cells[at] = cell;
    else if (kindOf(held) === "figure" || kindOf(cell) === "figure") return undefined;
    else cells[at] = { text: `${held.text}${cell.text}`, start: held.start, end: cell.end };
  }
  return { start: row.start, end: row.end, gridded: true, cells };
}

/**
 * A table in a PDF's text layer prints nothing for a blank cell, so its rows are set on its columns by where
 * each cell stands on the page. A row that cannot be set (two figures in one column) is returned apart, to be
 * reported as not read.
 */
export function onColumns(header: readonly GridRow[], data: readonly GridRow[]): { header: GridRow[]; data: GridRow[]; unplaced: GridRow[] } {
  if (data.length === 0 || !data.every((row) => row.positioned)) return { header: [...header], data: [...data], unplaced: [] };
  const columns = columnsOf(data);
  const unplaced: GridRow[] = [];
  const placed: GridRow[] = [];
  for (const row of data) {
    const set = gridded(row, columns, false);
    if (set) placed.push(set);
    else unplaced.push(row);
  }
  return { header: header.map((row) => (row.positioned ? (gridded(row, columns, true) ?? row) : row)), data: placed, unplaced };
}
