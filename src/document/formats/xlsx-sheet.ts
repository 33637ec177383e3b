import { dateText, formattedNumber } from "./number-format.js";
import type { Archive, CellContext, SheetEntry } from "./xlsx-workbook.js";
import { localName, readXmlPart, type XmlHandler } from "./xml.js";
import { corruptZip } from "./zip.js";

/** A cell with something in it: its column and text, or a formula saved without its value (which shows nothing). */
export interface SheetCell {
  column: number;
  text: string;
  noValue?: boolean;
}

export interface SheetRow {
  number: number;
  hidden: boolean;
  cells: SheetCell[];
  /** The last column with a value: the row's width in the text. */
  width: number;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet's rows with cells, in order, and the area of the cells beyond the columns read (set aside), if any. */
export interface SheetCells {
  rows: SheetRow[];
  beyond?: Area;
}

/** Excel's last row; a sheet's cells beyond it, or beyond the last column read, are set aside. */
const lastRow = 1_048_576;

/**
 * The column of a cell reference (`C7` → 3, `$XFD$1` → 16,384), read from its letters; 0 when it has none.
 * Past `XFD` it grows on (to at most four letters), so that a reference beyond Excel's grid is beyond any limit.
 */
export function columnOf(reference: string): number {
  let column = 0;
  for (let index = 0, letters = 0; index < reference.length && letters < 4; index += 1) {
    const code = reference.charCodeAt(index) | 0x20;
    if (code >= 0x61 && code <= 0x7a) {
      column = column * 26 + (code - 0x60);
      letters += 1;
    } else if (code !== 0x24) break;
  }
  return column;
}

const lettersOf: string[] = [];

/** A column's letters from its number (2 → `B`). */
export function columnLetters(number: number): string {
  let letters = lettersOf[number];
  if (letters !== undefined) return letters;
  letters = "";
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  if (number <= 16_384) lettersOf[number] = letters;
  return letters;
}

/** A cell reference's column and row (`C7` → 3, 7), or undefined when it is none. */
function cellReference(reference: string | undefined): { column: number; row: number } | undefined {
  const match = /^\$?[A-Za-z]{1,4}\$?(\d{1,8})$/.exec(reference ?? "");
  return match && reference ? { column: columnOf(reference), row: Number(match[1]) } : undefined;
}

/** An area's reference (`A1:D1`; a single cell stands for itself). */
function areaOf(reference: string | undefined): Area | undefined {
  const [from, to] = (reference ?? "").split(":");
  const start = cellReference(from);
  const end = to === undefined ? start : cellReference(to);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/**
 * Text as a sheet shows it in a line of ours: `_x000D_` escapes decoded, a tab a space, and a line break inside
 * a cell U+2028, as in a Word cell: never a space, which would glue 120 and 500 on two lines into 120 500.
 */
const shown = (text: string) =>
  /[_\t\r\n]/.test(text)
    ? text
        .replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)))
        .replace(/\t/g, " ")
        .replace(/\r\n?|\n/g, "\u2028")
    : text;

const isNumber = (text: string) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text);

/** A cell as read from its element: type, style, value (`<v>`), inline text (`<is>`) and whether it has a formula. */
interface CellElement {
  column: number;
  type: string;
  style: number;
  value?: string;
  inline?: string;
  formula: boolean;
}

/** What a cell shows (see SheetCell): numbers as their format shows them, read from the value's text. */
function cellText(cell: CellElement, context: CellContext): string | undefined {
  const value = cell.value;
  if (cell.formula && (value === undefined || (value === "" && cell.type !== "str"))) return undefined;
  if (cell.type === "inlineStr") return cell.inline ?? "";
  if (value === undefined) return "";
  switch (cell.type) {
    case "s": {
      const text = context.strings[Number(value)];
      if (text === undefined) throw corruptZip();
      return text;
    }
    case "str":
    case "e":
      return value;
    case "b":
      return Number(value) !== 0 ? "TRUE" : "FALSE";
    case "d":
      return value.slice(0, 10);
  }
  if (!isNumber(value)) return value;
  const format = context.formats[cell.style];
  if (format?.kind === "date") return dateText(value, context.date1904);
  return formattedNumber(value, format?.code);
}

/** Reads a sheet's XML, element by element, into its rows with cells (what the sheet shows), within the budget. */
class SheetReader implements XmlHandler {
  private readonly rows = new Map<number, SheetRow>();
  private readonly merges: Area[] = [];
  private row: SheetRow = { number: 0, hidden: false, cells: [], width: 0 };
  private cell: CellElement | undefined;
  private capture: "value" | "inline" | undefined;
  private inPhonetic = false;
  beyond: Area | undefined;

  constructor(
    private readonly archive: Archive,
    private readonly sheet: SheetEntry,
    private readonly context: CellContext,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    switch (localName(name)) {
      case "row":
        return this.openRow(attributes);
      case "c": {
        const reference = attributes["r"];
        const column = (reference && columnOf(reference)) || (this.cell?.column ?? 0) + 1;
        this.cell = { column, type: attributes["t"] ?? "n", style: Number(attributes["s"] ?? 0), formula: false };
        return;
      }
      case "v":
        if (this.cell) this.cell.value = "";
        this.capture = "value";
        return;
      case "f":
        if (this.cell) this.cell.formula = true;
        return;
      case "rPh":
        this.inPhonetic = true;
        return;
      case "t":
        if (this.cell && !this.inPhonetic) this.capture = "inline";
        return;
      case "mergeCell": {
        const area = areaOf(attributes["ref"]);
        if (area) this.merges.push(area);
      }
    }
  }

  private openRow(attributes: Readonly<Record<string, string>>): void {
    const stated = Number(attributes["r"]);
    const number = Number.isInteger(stated) && stated > 0 ? stated : this.row.number + 1;
    const hidden = attributes["hidden"] === "1" || attributes["hidden"] === "true";
    this.row = this.rows.get(number) ?? { number, hidden, cells: [], width: 0 };
    this.row.hidden ||= hidden;
    this.cell = undefined;
  }

  close(name: string): void {
    const local = localName(name);
    if (local === "v" || local === "t") this.capture = undefined;
    else if (local === "rPh") this.inPhonetic = false;
    else if (local === "c" && this.cell) this.closeCell(this.cell);
  }

  text(text: string): void {
    if (this.capture === "value" && this.cell) this.cell.value += text;
    else if (this.capture === "inline" && this.cell) this.cell.inline = (this.cell.inline ?? "") + text;
  }

  private closeCell(element: CellElement): void {
    const text = cellText(element, this.context);
    if (text === "") return;
    const { column } = element;
    const row = this.row;
    if (column > this.archive.budget.limits.columns || row.number > lastRow) {
      this.setBeyond(row.number, column);
      return;
    }
    if (row.cells.length === 0) this.rows.set(row.number, row);
    if (column > row.width) {
      this.archive.budget.cells(column - row.width, `${this.sheet.name}!${row.number}:${row.number}`);
      row.width = column;
    }
    const cell: SheetCell = text === undefined ? { column, text: "", noValue: true } : { column, text: shown(text) };
    this.archive.budget.characters(this.sheet.part.name, cell.text.length);
    row.cells.push(cell);
  }

  private setBeyond(row: number, column: number): void {
    const area = (this.beyond ??= { top: row, left: column, bottom: row, right: column });
    area.top = Math.min(area.top, row);
    area.left = Math.min(area.left, column);
    area.bottom = Math.max(area.bottom, row);
    area.right = Math.max(area.right, column);
  }

  /** The rows in order, each its cells in order (one per column, the last written kept), merged areas' covered cells blank. */
  finish(): SheetCells {
    const rows = [...this.rows.values()].sort((a, b) => a.number - b.number);
    for (const row of rows) {
      row.cells.sort((a, b) => a.column - b.column);
      row.cells = row.cells.filter((cell, index) => row.cells[index + 1]?.column !== cell.column);
    }
    blankMerged(rows, this.merges, this.archive, this.sheet.name);
    return this.beyond ? { rows, beyond: this.beyond } : { rows };
  }
}

/** The index of the first row numbered `number` or after, in rows in order. */
function firstRowFrom(rows: readonly SheetRow[], number: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((rows[middle]?.number ?? 0) < number) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A merged area shows its first cell's text only: the others' are blanked (the sheet does not show them).
 * The cells looked at are counted against the budget, so that overlapping areas (which no office program
 * writes) cannot make this quadratic.
 */
function blankMerged(rows: readonly SheetRow[], merges: readonly Area[], archive: Archive, sheet: string): void {
  for (const area of merges) {
    for (let index = firstRowFrom(rows, area.top); index < rows.length; index += 1) {
      const row = rows[index];
      if (!row || row.number > area.bottom) break;
      archive.budget.merged(row.cells.length + 1, `${sheet}!${row.number}:${row.number}`);
      row.cells = row.cells.filter((cell) => cell.column < area.left || cell.column > area.right || (row.number === area.top && cell.column === area.left));
    }
  }
}

/** A sheet's rows with cells (see SheetCells), read from its part as it unpacks. */
export async function readSheet(archive: Archive, sheet: SheetEntry, context: CellContext): Promise<SheetCells> {
  const reader = new SheetReader(archive, sheet, context);
  await readXmlPart(archive.bytes, sheet.part, archive.budget, reader);
  return reader.finish();
}
