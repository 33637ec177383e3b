import type { Lang } from "../../finding.js";
import type { Text } from "../../text.js";

/** The forms a disclosure comes in, besides a declaration: each is read into one text with its places. */
export type DocumentKind = "text" | "docx" | "pdf" | "xlsx";

/** A line and column of a plain text file, as an editor shows them (1-based; columns in UTF-16 code units). */
export interface TextPlace {
  kind: "text";
  line: number;
  column: number;
}

/** Where a Word table cell stands: the table's number in the document, its row and its cell (1-based). */
export interface TableCell {
  table: number;
  row: number;
  cell: number;
}

/** A paragraph of a Word document, counted in document order (empty ones and those in table cells too). */
export interface DocxPlace {
  kind: "docx";
  paragraph: number;
  column: number;
  /** Set when the paragraph is in a table cell. */
  table?: TableCell;
}

/** A page of a PDF and a line of its text layer, counted from the top of the page (header lines too). */
export interface PdfPlace {
  kind: "pdf";
  page: number;
  line: number;
  column: number;
}

/** A cell of a workbook (`B7`), or, without a cell, the sheet's name line. The column is within the cell's text. */
export interface XlsxPlace {
  kind: "xlsx";
  sheet: string;
  cell?: string;
  column: number;
}

export type Place = TextPlace | DocxPlace | PdfPlace | XlsxPlace;

/**
 * What every format is read into: the text the sentence reader reads, and the place in the document
 * the user gave of every offset in that text (offsets and columns in UTF-16 code units, as JavaScript
 * strings count them; an offset on a separator belongs to what precedes it).
 */
export interface DocumentText {
  kind: DocumentKind;
  text: string;
  locate(offset: number): Place;
  /** Where on its page a character is printed (a PDF's text layer): what tells a table's columns apart when blank cells print nothing. */
  positionOf?: (offset: number) => Position | undefined;
  /** What the file holds but the text leaves out, and why: a workbook's hidden sheets and rows, a formula with no value saved, cells beyond the last column read. */
  setAside?: SetAside[];
}

/**
 * Something of a file not in its text: where it is (`表3!8:8`, `表3 旧版`, `表3!C7`, `表3!AMK1:XFD9`, `第 5–120 页`) and why:
 * hidden, a formula without its value, cells beyond a sheet's last column read, pages of a PDF beyond its reading budget (pages, memory, time), or
 * whose text cannot be put in reading order (turned text, two columns side by side).
 */
export interface SetAside {
  text: string;
  why: "hidden" | "formula" | "out-of-range" | "page-limit" | "memory-limit" | "time-limit" | "rotated-text" | "two-columns";
}

/** A character's left and right edges on its page, and its font size, in the page's units. */
export interface Position {
  x0: number;
  x1: number;
  size: number;
}

/**
 * A line break inside a table cell (Word's w:br and w:cr, a cell's second paragraph): U+2028 LINE SEPARATOR,
 * since a line feed would end the row. Never a space, which would make 120 over 500 one number (120 500), or
 * 表3 over 125.04万元 3125.04; normalising joins the words on either side, never two numbers.
 */
export const lineInCell = "\u2028";

/** Why a document could not be read; each has a one-line message in both languages. */
export type DocumentProblem = "unreadable" | "empty" | "too-large" | "corrupt" | "encrypted" | "unsupported" | "no-text";

/** A document that cannot be read: a reason to switch on and a one-line message (English in `message`). */
export class DocumentError extends Error {
  readonly problem: DocumentProblem;
  readonly text: Text;

  constructor(problem: DocumentProblem, text: Text, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = "DocumentError";
    this.problem = problem;
    this.text = text;
  }
}

/** A sheet's name as a formula writes it: quoted when it holds anything but letters, digits, `_` and `.`. */
function sheetReference(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

/** A place in one line, as a person reads it: `第 3 页第 12 行` / `page 3, line 12`, `Sheet1!B7`. */
export function placeLabel(place: Place, lang: Lang): string {
  const zh = lang === "zh";
  switch (place.kind) {
    case "text":
      return zh ? `第 ${place.line} 行第 ${place.column} 列` : `line ${place.line}, column ${place.column}`;
    case "pdf":
      return zh ? `第 ${place.page} 页第 ${place.line} 行` : `page ${place.page}, line ${place.line}`;
    case "docx": {
      const paragraph = zh ? `第 ${place.paragraph} 段` : `paragraph ${place.paragraph}`;
      const cell = place.table;
      if (!cell) return paragraph;
      return zh
        ? `${paragraph}（第 ${cell.table} 个表格第 ${cell.row} 行第 ${cell.cell} 格）`
        : `${paragraph} (table ${cell.table}, row ${cell.row}, cell ${cell.cell})`;
    }
    case "xlsx":
      if (place.cell) return `${sheetReference(place.sheet)}!${place.cell}`;
      return zh ? `工作表 ${place.sheet}` : `sheet ${place.sheet}`;
  }
}
