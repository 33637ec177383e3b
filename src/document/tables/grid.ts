import type { DocumentText } from "../formats/document.js";
import { simplified } from "../text/traditional.js";

/** A cell as printed, with where it stands in the document's text (offsets of its trimmed text). */
export interface Cell {
  text: string;
  start: number;
  end: number;
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
}

/** A row's words between runs of spaces, each with its offsets. */
function words(line: string, start: number): Cell[] {
  return [...line.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: start + match.index, end: start + match.index + match[0].length }));
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

/** The document's lines as rows of cells. */
export function gridOf(document: DocumentText): GridRow[] {
  const rows: GridRow[] = [];
  let start = 0;
  for (const line of document.text.split("\n")) {
    const end = start + line.length;
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    const gridded = isGridded(document, text, start);
    const barred = !gridded && text.includes("|") && !text.includes("。");
    const cells = gridded ? tabCells(text, start) : barred ? barCells(text, start) : words(text, start);
    rows.push({ start, end, gridded: gridded || (barred && cells.length > 1), cells });
    start = end + 1;
  }
  return rows;
}

/** Words as the catalogue and the column roles match them: full-width folded, traditional script simplified, no spaces (a PDF prints 合 计). */
export function matchWords(text: string): string {
  return Array.from(text.normalize("NFKC").replace(/[\s|]+/g, ""), simplified).join("");
}

/** A row's words joined, for matching titles and labels. */
export function rowWords(row: GridRow): string {
  return matchWords(row.cells.map((cell) => cell.text).join(""));
}
