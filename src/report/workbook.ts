import ExcelJS from "exceljs";
import type { Finding, Lang, Severity } from "../finding.js";
import { atLeast } from "../finding.js";
import type { FileReport } from "./report.js";
import { severityWords } from "./vocabulary.js";

/**
 * The workbook back, annotated: a copy of the checked workbook with each finding's cell filled by its
 * severity and a comment giving the finding, and a first sheet listing every finding with a link to its
 * cell. Not a formatter (those are text): it needs the workbook's bytes, and gives bytes. The input is
 * only read; what is written is a new workbook.
 */

/** Fills by severity: the light red, yellow and blue office software uses for bad, neutral and note. */
const fills: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

const findingsSheetNames: Record<Lang, string> = { zh: "核对结果", en: "Findings" };

const headings: Record<Lang, readonly string[]> = {
  zh: ["严重程度", "规则", "说明", "位置"],
  en: ["Severity", "Rule", "Message", "Place"],
};

const figureWords: Record<Lang, Record<"expected" | "actual" | "difference" | "tolerance", string>> = {
  zh: { expected: "应为", actual: "实为", difference: "差", tolerance: "容差" },
  en: { expected: "Expected", actual: "Stated", difference: "Difference", tolerance: "Tolerance" },
};

/** Where a finding's `place` points in a workbook: `'表2 部门收入总表'!B7`, or a sheet without a cell. */
export interface CellPlace {
  sheet: string;
  cell?: string;
}

/** Reads a place as findings on a workbook name it (src/document/formats placeLabel), in either language. */
export function cellPlace(place: string | undefined): CellPlace | undefined {
  if (place === undefined) return undefined;
  const cell = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+)$/.exec(place);
  if (cell) return { sheet: cell[1]?.replaceAll("''", "'") ?? cell[2] ?? "", cell: (cell[3] ?? "").replaceAll("$", "") };
  const sheet = /^(?:工作表|sheet) (.+)$/.exec(place);
  return sheet ? { sheet: sheet[1] ?? "" } : undefined;
}

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold would make the file unreadable
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlSafe = (text: string) => text.replace(notXml, "\ufffd");

/** A finding as its cell's comment: severity and rule, the message, then each figure on its own line. */
export function findingComment(finding: Finding, lang: Lang): string {
  const words = figureWords[lang];
  const separator = lang === "zh" ? "：" : ": ";
  const figures = (["expected", "actual", "difference", "tolerance"] as const).flatMap((key) => {
    const value = finding[key];
    return value === undefined ? [] : [`${words[key]}${separator}${value}`];
  });
  const heading = lang === "zh" ? `【${severityWords.zh[finding.severity]}】${finding.rule}` : `[${finding.severity}] ${finding.rule}`;
  return xmlSafe([heading, finding.message, ...figures].join("\n"));
}

/** The text of a note already on a cell, so that ours is added to it rather than put in its place. */
function noteText(note: ExcelJS.Cell["note"]): string {
  if (note === undefined || note === null) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((part) => part.text).join("");
}

const fillOf = (severity: Severity): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: fills[severity] } });

/** Fills and comments each cell findings stand on: its most serious finding's fill, all their comments. */
function annotateCells(workbook: ExcelJS.Workbook, findings: readonly Finding[], lang: Lang): void {
  const byCell = new Map<string, { sheet: ExcelJS.Worksheet; cell: string; findings: Finding[] }>();
  for (const finding of findings) {
    const place = cellPlace(finding.place);
    const sheet = place?.cell === undefined ? undefined : workbook.getWorksheet(place.sheet);
    if (!sheet || place?.cell === undefined) continue;
    const key = `${sheet.id}!${place.cell}`;
    const entry = byCell.get(key) ?? { sheet, cell: place.cell, findings: [] };
    entry.findings.push(finding);
    byCell.set(key, entry);
  }
  for (const { sheet, cell: address, findings: here } of byCell.values()) {
    const cell = sheet.getCell(address);
    const worst = here.map((finding) => finding.severity).reduce((a, b) => (atLeast(a, b) ? a : b));
    // A cell's style may be shared with other cells that have the same look: it is copied, not changed.
    cell.style = { ...cell.style, fill: fillOf(worst) };
    const before = noteText(cell.note);
    cell.note = [before, ...here.map((finding) => findingComment(finding, lang))].filter(Boolean).join("\n\n");
  }
}

/** A name no sheet of the workbook has yet: 核对结果, else 核对结果 (2), … */
function freeSheetName(workbook: ExcelJS.Workbook, name: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  let candidate = name;
  for (let count = 2; taken.has(candidate.toLowerCase()); count += 1) candidate = `${name} (${count})`;
  return candidate;
}

/** `'表2 部门收入总表'!B7` as a reference a formula may hold. */
function reference(place: CellPlace): string {
  return `'${place.sheet.replaceAll("'", "''")}'!${place.cell ?? "A1"}`;
}

/** A place as a link to its cell (a HYPERLINK formula, which Excel, WPS and LibreOffice all follow), or as text. */
function placeValue(workbook: ExcelJS.Workbook, place: string | undefined, finding: Finding): ExcelJS.CellValue {
  const text = xmlSafe(place ?? `${finding.line}:${finding.column}`);
  const target = cellPlace(place);
  if (!target || !workbook.getWorksheet(target.sheet)) return text;
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return { formula: `HYPERLINK(${quoted(`#${reference(target)}`)},${quoted(text)})`, result: text };
}

/** The first sheet: every finding, the most serious first (else in the report's order), with a link to its cell. */
function addFindingsSheet(workbook: ExcelJS.Workbook, findings: readonly Finding[], lang: Lang): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(freeSheetName(workbook, findingsSheetNames[lang]), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 10 }, { width: 14 }, { width: 80 }, { width: 44 }];
  sheet.addRow([...headings[lang]]).font = { bold: true };
  const rank = (finding: Finding) => ["error", "warning", "info"].indexOf(finding.severity);
  for (const finding of [...findings].sort((a, b) => rank(a) - rank(b))) {
    const row = sheet.addRow([severityWords[lang][finding.severity], finding.rule, xmlSafe(finding.message), placeValue(workbook, finding.place, finding)]);
    row.getCell(1).fill = fillOf(finding.severity);
    row.getCell(3).alignment = { wrapText: true, vertical: "top" };
    row.getCell(4).font = { color: { argb: "FF0563C1" }, underline: true };
  }
  // First in the workbook's order, and the sheet it opens on.
  const others = workbook.worksheets.filter((other) => other !== sheet);
  // exceljs orders sheets by orderNo, which its types leave out.
  const order = (worksheet: ExcelJS.Worksheet, orderNo: number) => Object.assign(worksheet, { orderNo });
  order(sheet, 0);
  others.forEach((other, index) => order(other, index + 1));
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return sheet;
}

/** The checked workbook's bytes → an annotated copy's bytes, for the findings of its file report. */
export async function annotatedWorkbook(input: Uint8Array, file: Pick<FileReport, "findings">, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // exceljs is given a copy, so that nothing it does can reach the caller's bytes.
  await workbook.xlsx.load(input.slice().buffer);
  for (const sheet of workbook.worksheets) sheet.views = (sheet.views ?? []).map((view) => ({ ...view, tabSelected: false }));
  annotateCells(workbook, file.findings, lang);
  addFindingsSheet(workbook, file.findings, lang);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
