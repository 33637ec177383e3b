import { kindOf as cellKind, rowKinds, type CellKind } from "./layout.js";
import type { Cell, GridRow } from "./grid.js";

/** What a column holds, and the edges its cells are printed within on the page. */
interface Column {
  kind: "code" | "label" | "figure";
  x0: number;
  x1: number;
}

/** A cell's kind as a column of a PDF table is told: figures (amounts and percentages), codes, labels. */
const columnKindOf = (kind: CellKind): Column["kind"] => (kind === "amount" || kind === "share" ? "figure" : kind === "code" ? "code" : "label");

/** Each cell of a row with its kind, by its place in the row (layout's rule: 307 after a label is a figure). */
const kindsIn = (row: GridRow) => rowKinds(row).map((kind, index) => ({ cell: row.cells[index] as Cell, kind: columnKindOf(kind) }));

/** A lone cell's kind. */
const kindOf = (cell: Cell) => columnKindOf(cellKind(cell));

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
function columnOf(cell: Cell, kind: Column["kind"], columns: readonly Column[], anyKind: boolean): number | undefined {
  let best: number | undefined;
  let most = 0;
  for (const [index, column] of columns.entries()) {
    if (!anyKind && column.kind !== kind) continue;
    const shared = overlap(cell, column);
    if (shared > most) [best, most] = [index, shared];
  }
  // A header word beside a narrower column of figures overlaps none: the nearest within its own width is its;
  // a word farther from every column heads a column with nothing printed (a blank 单位资金 column).
  if (best === undefined && anyKind) best = nearest(cell, columns);
  return best;
}

/** The column nearest the cell, if no farther from it than the cell is wide. */
function nearest(cell: Cell, columns: readonly Column[]): number | undefined {
  const [x0, x1] = edges(cell);
  let best: number | undefined;
  let distance = x1 - x0;
  for (const [index, column] of columns.entries()) {
    const away = Math.max(column.x0 - x1, x0 - column.x1, 0);
    if (away <= distance) [best, distance] = [index, away];
  }
  return best;
}

/** A row set on the columns: blanks where nothing is printed; undefined if two figures fall in one column or one in none. */
function gridded(row: GridRow, columns: readonly Column[], anyKind: boolean): GridRow | undefined {
  const cells: Cell[] = columns.map(() => ({ text: "", start: row.start, end: row.start }));
  for (const { cell, kind } of kindsIn(row)) {
    const at = columnOf(cell, kind, columns, anyKind);
    if (at === undefined) {
      if (kind === "figure") return undefined;
      continue;
    }
    const held = cells[at] as Cell;
    // A header word over no column of its own, beside one already headed, heads a column with nothing printed
    // (政府性基金预算 beside 一般公共预算): it names no column read.
    if (anyKind && held.text !== "" && overlap(cell, columns[at] as Column) <= 0) continue;
    if (held.text === "") cells[at] = cell;
    else if (!anyKind && (columns[at]?.kind === "figure" || kind === "figure")) return undefined;
    else cells[at] = { text: `${held.text}${cell.text}`, start: held.start, end: cell.end };
  }
  return { start: row.start, end: row.end, gridded: true, cells };
}

/** A row of one label alone, no code and no figure: the second line of a label wrapped in its cell. */
function isWrapped(row: GridRow, coded: boolean): boolean {
  const text = row.cells[0]?.text ?? "";
  // Among coded rows every line has its code; elsewhere a row with its figures blank names a whole line
  // (财政专户管理资金), a wrapped label's tail only a few words.
  return row.cells.length === 1 && kindOf(row.cells[0] as Cell) === "label" && (coded || text.length <= 6) && !/合计|总计|小计|[:：]/.test(text);
}

/** A figure and a label printed close (a two-sided row's 825.04 and 一般公共服务支出 beside it) are two cells: no cell holds both. */
function apart(row: GridRow): GridRow {
  const mixed = (parts: readonly Cell[]) => parts.some((part) => kindOf(part) === "figure") && parts.some((part) => kindOf(part) !== "figure");
  return { ...row, cells: row.cells.flatMap((cell) => (cell.parts && mixed(cell.parts) ? cell.parts : [cell])) };
}

/**
 * A table in a PDF's text layer prints nothing for a blank cell, so its rows are set on its columns by where
 * each cell stands on the page. A row that cannot be set (two figures in one column) is returned apart, to be
 * reported as not read.
 */
export function onColumns(header: readonly GridRow[], printed: readonly GridRow[]): { header: GridRow[]; data: GridRow[]; unplaced: GridRow[] } {
  if (printed.length === 0 || !printed.every((row) => row.positioned)) return { header: [...header], data: [...printed], unplaced: [] };
  const data = printed.map(apart);
  const withFigures = data.filter((row) => kindsIn(row).some((each) => each.kind === "figure"));
  const coded = withFigures.filter((row) => kindsIn(row).some((each) => each.kind === "code")).length * 2 > withFigures.length;
  const columns = columnsOf(data.filter((row) => !isWrapped(row, coded)));
  const unplaced: GridRow[] = [];
  const placed: GridRow[] = [];
  for (const row of data) {
    const set = gridded(row, columns, false);
    const previous = placed.at(-1);
    // A label wrapped in its cell prints its second line as a row of its own: it goes on the row above.
    if (set && previous && isWrapped(row, coded)) {
      const at = set.cells.findIndex((cell) => cell.text !== "");
      const above = previous.cells[at];
      const below = set.cells[at];
      if (above && below && above.text !== "") previous.cells[at] = { ...above, text: `${above.text}${below.text}`, end: below.end };
      else if (below) previous.cells[at] = below;
    } else if (set) placed.push(set);
    else unplaced.push(row);
  }
  // A header's words are set one by one: close words over narrow columns are each their column's.
  const words = (row: GridRow): GridRow => ({ ...row, cells: row.cells.flatMap((cell) => cell.parts ?? [cell]) });
  return { header: header.map((row) => (row.positioned ? (gridded(words(row), columns, true) ?? row) : row)), data: placed, unplaced };
}
