import { Decimal } from "decimal.js";
import type { Cell, CellFormulaValue, CellSharedFormulaValue, CellValue, Workbook } from "exceljs";
import { bilingual } from "../../text.js";
import { DocumentError, type DocumentText, type SetAside, type XlsxPlace } from "./document.js";
import { Layout } from "./layout.js";
import { tooLargeInside, zipEntries } from "./zip.js";

/**
 * A number as a number format shows it, for the formats budget tables use: fixed decimals (`0.00`),
 * thousands separators (`#,##0.00`) and percentages (`0.00%`). Other formats show the number in full.
 * The digits are the number's to 15 significant digits, as Excel keeps them, rounded half up.
 */
export function formattedNumber(value: number, numFmt: string | undefined): string {
  const section = (numFmt ?? "General").split(";")[0] ?? "";
  const pattern = section.replace(/"[^"]*"|\[[^\]]*\]|_.|\\./g, "");
  const exact = new Decimal(value.toPrecision(15));
  if (!/[0#]/.test(pattern)) return exact.toFixed();
  const percent = pattern.includes("%");
  const decimals = /\.([0#]+)/.exec(pattern)?.[1]?.length ?? 0;
  let digits = exact.times(percent ? 100 : 1).toFixed(decimals, Decimal.ROUND_HALF_UP);
  if (/[0#],[0#]/.test(pattern)) digits = digits.replace(/^(-?\d+)/, (whole: string) => whole.replace(/\B(?=(\d{3})+$)/g, ","));
  return percent ? `${digits}%` : digits;
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formattedNumber(value, numFmt);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return valueText(value.result ?? null, numFmt);
  if ("text" in value) return typeof value.text === "string" ? value.text : valueText(value.text, numFmt);
  return "";
}

/** A cell's value that is a formula (its result, if saved, beside it). */
function isFormula(value: CellValue): value is CellFormulaValue | CellSharedFormulaValue {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

/**
 * A cell's text as the sheet shows it. A merged area's text is in its first cell only (the other cells
 * would repeat it), and a line break or tab inside a cell is a space, so that a row stays one line.
 */
function cellText(cell: Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  return valueText(cell.value, cell.numFmt).replace(/[\t\r\n]/g, " ");
}

/** The unpacked size of the whole archive, which exceljs reads at once: bounded before it starts. */
function checkUnpackedSize(bytes: Uint8Array, limit: number): void {
  let total = 0;
  for (const entry of zipEntries(bytes)) {
    total += entry.size;
    if (total > limit) throw tooLargeInside(entry.name);
  }
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  // exceljs is CommonJS: Node gives its exports as the default export, which its types do not say.
  const exceljs = (await import("exceljs")) as unknown as { default: typeof import("exceljs") };
  const workbook = new exceljs.default.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new DocumentError("corrupt", bilingual("Excel 文件已损坏，无法读取", "the Excel workbook is damaged and cannot be read"), { cause: error });
  }
  return workbook;
}

/**
 * A workbook's text: for each sheet, a line with its name, then a line per row that has a value, its
 * cells separated by tabs (empty cells kept, so columns line up; trailing ones dropped).
 */
export async function readXlsx(bytes: Uint8Array, limit: number): Promise<DocumentText> {
  checkUnpackedSize(bytes, limit);
  const workbook = await loadWorkbook(bytes);
  const layout = new Layout<XlsxPlace>("xlsx");
  let cells = 0;
  // A hidden sheet or row is not what the department publishes: it is left out, and named.
  const setAside: SetAside[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible") {
      setAside.push({ text: sheet.name, why: "hidden" });
      continue;
    }
    if (layout.pieces > 0) layout.append("\n");
    layout.add(sheet.name, { kind: "xlsx", sheet: sheet.name });
    sheet.eachRow((row) => {
      if (row.hidden) {
        setAside.push({ text: `${sheet.name}!${row.number}:${row.number}`, why: "hidden" });
        return;
      }
      const texts: { address: string; text: string }[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        // A formula saved without its value (a workbook written by a program, never opened) shows nothing: said so.
        if (isFormula(cell.value) && (cell.value.result === undefined || cell.value.result === null))
          setAside.push({ text: `${sheet.name}!${cell.address}`, why: "formula" });
        texts.push({ address: cell.address, text: cellText(cell) });
      });
      while (texts.length > 0 && texts.at(-1)?.text === "") texts.pop();
      if (texts.length === 0) return;
      layout.append("\n");
      for (const [index, { address, text }] of texts.entries()) {
        if (index > 0) layout.append("\t");
        layout.add(text, { kind: "xlsx", sheet: sheet.name, cell: address });
        if (text !== "") cells += 1;
      }
    });
  }
  if (cells === 0) throw new DocumentError("no-text", bilingual("Excel 文件中没有内容", "the Excel workbook has no content"));
  return setAside.length > 0 ? { ...layout.finish(), setAside } : layout.finish();
}
