import type { DocumentText } from "../formats/document.js";
import { simplified } from "../text/traditional.js";

/** A cell as printed, with where it stands in the document's text (offsets of its trimmed text). */
export interface Cell {
  text: string;
  start: number;
  end: number;
  /** Its left and right edges on the page, where the document tells them (a PDF). */
  x?: [number, number];
  /** The words it was made of, where close words were taken for one cell (a header's words may be narrow columns' own). */
  parts?: Cell[];
}

/**
 * A line of the document as a table row. In Word and Excel the cells are the table's own (between
 * tabs), blank ones kept so columns line up: `gridded`. In a text or a PDF's text layer a row is its
 * words between spaces, and a blank cell cannot be told from a missing one.
 */
export interface GridRow {
  start: number;
  end: number;
  cells: Cell[];
  gridded: boolean;
  /** Its cells carry their places on the page, so blank cells can be told from their neighbours' places. */
  positioned?: boolean;
  /** A page's header, footer or number (a PDF's), not the table's: a table crossing the page goes on past it. */
  furniture?: boolean;
  /** A workbook's sheet name: a new sheet, which no table of the sheet before runs into. */
  sheet?: boolean;
}

/** A row's words between runs of spaces, each with its offsets. */
function words(line: string, start: number): Cell[] {
  return [...line.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: start + match.index, end: start + match.index + match[0].length }));
}

/**
 * A PDF line's words as cells: words closer than a font size apart are one cell (合 计, a label's words),
 * wider gaps part cells; each cell with its edges on the page.
 */
function placedCells(line: string, start: number, positionOf: NonNullable<DocumentText["positionOf"]>): Cell[] | undefined {
  const cells: Cell[] = [];
  for (const word of words(line, start)) {
    const first = positionOf(word.start);
    const last = positionOf(word.end - 1);
    if (!first || !last) return undefined;
    const previous = cells.at(-1);
    const placed: Cell = { ...word, x: [first.x0, last.x1] };
    if (previous?.x && first.x0 - previous.x[1] < first.size) {
      previous.parts = [...(previous.parts ?? [{ ...previous }]), placed];
      previous.text = line.slice(previous.start - start, word.end - start);
      previous.end = word.end;
      previous.x = [previous.x[0], last.x1];
    } else cells.push(placed);
  }
  return cells;
}

/** Cells between tabs, each trimmed, a blank one kept at the offset where it would be. */
function tabCells(line: string, start: number): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  for (const part of line.split("\t")) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    cells.push({ text, start: start + from + lead, end: start + from + lead + text.length });
    from += part.length + 1;
  }
  return cells;
}

/** Cells between bars, as a table pasted from a web page prints them (合 计 | 34.35 | 34.35 |). */
function barCells(line: string, start: number): Cell[] {
  const cells = tabCells(line.replaceAll("|", "\t"), start);
  // The bar that closes a row opens no cell.
  if (/\|\s*$/.test(line) && cells.at(-1)?.text === "") cells.pop();
  return cells;
}

/** A Word row is in a table when its place says so; an Excel row always is. */
function isGridded(document: DocumentText, line: string, start: number): boolean {
  if (document.kind === "xlsx") return true;
  if (document.kind !== "docx") return false;
  const place = document.locate(start);
  return place.kind === "docx" && place.table !== undefined && line !== "";
}

/** A page number as a footer prints it: 第 3 页, 第 3 页 共 25 页, - 3 -, 3/25. */
const pageNumber = /^(?:第\d+页(?:共\d+页)?|-?\d+-?|\d+\/\d+|共\d+页第\d+页)$/;

/**
 * Marks a PDF's page furniture: a page's first or last line that is a page number, or whose words open or
 * close two other pages too (a running header or footer).
 */
function markFurniture(document: DocumentText, rows: GridRow[]): void {
  if (document.kind !== "pdf") return;
  const pageOf = (row: GridRow) => {
    const place = document.locate(row.start);
    return place.kind === "pdf" ? place.page : 0;
  };
  const edges: GridRow[] = rows.filter(
    (row, index) =>
      pageOf(row) !== pageOf(rows[index - 1] ?? row) || pageOf(row) !== pageOf(rows[index + 1] ?? row) || index === 0 || index === rows.length - 1,
  );
  const seen = new Map<string, Set<number>>();
  for (const row of edges) {
    const words = rowWords(row);
    if (words !== "") seen.set(words, (seen.get(words) ?? new Set()).add(pageOf(row)));
  }
  for (const row of edges) {
    const words = rowWords(row);
    if (words !== "" && (pageNumber.test(words) || (seen.get(words)?.size ?? 0) >= 3)) row.furniture = true;
  }
}

/** The document's lines as rows of cells. */
export function gridOf(document: DocumentText): GridRow[] {
  const rows: GridRow[] = [];
  let start = 0;
  for (const line of document.text.split("\n")) {
    const end = start + line.length;
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    const gridded = isGridded(document, text, start);
    const barred = !gridded && text.includes("|") && !text.includes("。");
    const placed = !gridded && !barred && document.positionOf ? placedCells(text, start, document.positionOf) : undefined;
    const cells = gridded ? tabCells(text, start) : barred ? barCells(text, start) : (placed ?? words(text, start));
    const sheet =
      document.kind === "xlsx" &&
      (() => {
        const place = document.locate(start);
        return place.kind === "xlsx" && place.cell === undefined;
      })();
    rows.push({ start, end, gridded: gridded || (barred && cells.length > 1), cells, ...(placed ? { positioned: true } : {}), ...(sheet ? { sheet } : {}) });
    start = end + 1;
  }
  markFurniture(document, rows);
  return rows;
}

/** Words as the catalogue and the column roles match them: full-width folded, traditional script simplified, no spaces (a PDF prints 合 计). */
export function matchWords(text: string): string {
  let words = matched.get(text);
  if (words === undefined) {
    words = Array.from(text.normalize("NFKC").replace(/[\s|]+/g, ""), simplified).join("");
    // The same cells are matched against many patterns: each text is worked out once (within a bound).
    if (matched.size > 50_000) matched.clear();
    matched.set(text, words);
  }
  return words;
}

const matched = new Map<string, string>();

/** A row's words joined, for matching titles and labels (matchWords keeps each text it has worked out). */
export function rowWords(row: GridRow): string {
  return matchWords(row.cells.map((cell) => cell.text).join(""));
}
