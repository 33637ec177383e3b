import { bilingual } from "../../text.js";
import { DocumentError, type DocumentText, type SetAside, type XlsxPlace } from "./document.js";
import { Layout } from "./layout.js";
import { ReadBudget, type DocumentLimits } from "./limits.js";
import { columnLetters, readSheet, type Area, type SheetRow } from "./xlsx-sheet.js";
import { workbookParts } from "./xlsx-workbook.js";
import { zipEntries } from "./zip.js";

export { formattedNumber } from "./number-format.js";

const areaText = (area: Area) => `${columnLetters(area.left)}${area.top}:${columnLetters(area.right)}${area.bottom}`;

/**
 * A row's line: its cells separated by tabs, from column A (empty cells kept, so columns line up) to its
 * last cell with text; a formula saved without its value is set aside. Returns the cells with text.
 */
function layRow(layout: Layout<XlsxPlace>, sheet: string, row: SheetRow, setAside: SetAside[]): number {
  const texts = Array.from({ length: row.width }, () => "");
  for (const cell of row.cells) {
    // A formula saved without its value (a workbook written by a program, never opened) shows nothing: said so.
    if (cell.noValue) setAside.push({ text: `${sheet}!${columnLetters(cell.column)}${row.number}`, why: "formula" });
    texts[cell.column - 1] = cell.text;
  }
  while (texts.length > 0 && texts.at(-1) === "") texts.pop();
  if (texts.length === 0) return 0;
  layout.append("\n");
  let cells = 0;
  for (const [index, text] of texts.entries()) {
    if (index > 0) layout.append("\t");
    layout.add(text, { kind: "xlsx", sheet, cell: `${columnLetters(index + 1)}${row.number}` });
    if (text !== "") cells += 1;
  }
  return cells;
}

/**
 * A workbook's text: for each sheet, a line with its name, then a line per row that has a value, its
 * cells separated by tabs (empty cells kept, so columns line up; trailing ones dropped). Each part is
 * read as it unpacks, within the limits (see `DocumentLimits`); what is not read is said: hidden sheets
 * and rows, formulas saved without their values, cells beyond the last column read.
 */
export async function readXlsx(bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentText> {
  const archive = { bytes, parts: new Map(zipEntries(bytes).map((entry) => [entry.name, entry])), budget: new ReadBudget(limits) };
  const { sheets, context } = await workbookParts(archive);
  const layout = new Layout<XlsxPlace>("xlsx");
  let cells = 0;
  // A hidden sheet or row is not what the department publishes: it is left out, and named.
  const setAside: SetAside[] = [];
  for (const sheet of sheets) {
    if (!sheet.visible) {
      setAside.push({ text: sheet.name, why: "hidden" });
      continue;
    }
    const { rows, beyond } = await readSheet(archive, sheet, context);
    if (layout.pieces > 0) layout.append("\n");
    layout.add(sheet.name, { kind: "xlsx", sheet: sheet.name });
    for (const row of rows) {
      if (row.hidden) setAside.push({ text: `${sheet.name}!${row.number}:${row.number}`, why: "hidden" });
      else cells += layRow(layout, sheet.name, row, setAside);
    }
    if (beyond) setAside.push({ text: `${sheet.name}!${areaText(beyond)}`, why: "out-of-range" });
  }
  if (cells === 0) throw new DocumentError("no-text", bilingual("Excel 文件中没有内容", "the Excel workbook has no content"));
  return setAside.length > 0 ? { ...layout.finish(), setAside } : layout.finish();
}
