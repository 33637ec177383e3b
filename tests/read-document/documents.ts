/**
 * Writes the documents the tests read, from real published text: Word with the `docx` package, PDF with
 * pdf-lib and a CJK font from a registry package, Excel with exceljs, GB18030 by inverting the decoder.
 */
import { readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";

export const corpusText = (folder: string) => readFileSync(new URL(`../../fixtures/corpus/${folder}/source.txt`, import.meta.url), "utf8");

/** The text's lines that say something (the corpus keeps the page's blank lines). */
export const linesOf = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== "");

/** Text compared as a reader sees it: without any white space (PDF lines break inside sentences). */
export const squeezed = (text: string) => text.replace(/\s+/g, "");

/** A Word block: a paragraph (its lines joined by soft line breaks), or a table's rows of cells. */
export type Block = string | { rows: string[][] };

export async function docxOf(blocks: readonly Block[]): Promise<Buffer> {
  const children = blocks.map((block) => {
    if (typeof block !== "string") {
      return new Table({
        rows: block.rows.map(
          (row) => new TableRow({ children: row.map((cell) => new TableCell({ children: cell.split("\n").map((text) => new Paragraph(text)) })) }),
        ),
      });
    }
    const runs = block.split("\n").map((text, index) => new TextRun({ text, break: index > 0 ? 1 : 0 }));
    return new Paragraph({ children: runs });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const cjkFont = new URL("../../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf", import.meta.url);

/** Each page's lines, top to bottom, drawn as a single-column page would print them. */
export async function pdfOf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // A font subset of no characters cannot be written: a page without text draws a line only.
  const font = pages.some((lines) => lines.length > 0) ? await pdf.embedFont(readFileSync(cjkFont), { subset: true }) : undefined;
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    page.drawLine({ start: { x: 56, y: 800 }, end: { x: 539, y: 800 } });
    if (font) lines.forEach((line, index) => page.drawText(line, { x: 56, y: 790 - index * 18, size: 11, font }));
  }
  return pdf.save();
}

/** Text as a PDF prints it: lines of `width` characters (breaking numbers and sentences), `height` lines a page, with a header and a page footer. */
export function typeset(text: string, width: number, height: number, header: string): string[][] {
  const body = linesOf(text).flatMap((line) =>
    Array.from({ length: Math.ceil(line.length / width) }, (_, index) => line.slice(index * width, (index + 1) * width)),
  );
  const pages: string[][] = [];
  for (let start = 0; start < body.length; start += height) pages.push([header, ...body.slice(start, start + height)]);
  return pages.map((lines, index) => [...lines, `第 ${index + 1} 页 共 ${pages.length} 页`]);
}

export type Sheet = { name: string; rows: (string | number | null)[][]; numFmt?: string; merge?: string[] };

export async function xlsxOf(sheets: readonly Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
    if (sheet.numFmt) worksheet.eachRow((row) => row.eachCell((cell) => typeof cell.value === "number" && (cell.numFmt = sheet.numFmt ?? "")));
    for (const range of sheet.merge ?? []) worksheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The character two bytes are in a legacy encoding; "" when they are none. */
function decodedOrEmpty(decoder: { decode(bytes: Uint8Array): string }, lead: number, trail: number): string {
  try {
    return decoder.decode(new Uint8Array([lead, trail]));
  } catch {
    return "";
  }
}

const legacyTables = new Map<string, Map<string, number[]>>();

/**
 * Text in GB18030 (its two-byte part, GBK, which holds every character of the corpus) or Big5, made without
 * an encoder package: Node decodes both (full ICU), so each two-byte code is decoded once and the map read
 * backwards. ASCII is itself in both; a character the encoding lacks is an error, never dropped.
 */
export function encodeLegacy(text: string, encoding: "gb18030" | "big5"): Buffer {
  let table = legacyTables.get(encoding);
  if (!table) {
    const codes = new Map<string, number[]>();
    const decoder = new TextDecoder(encoding, { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead += 1)
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        const character = decodedOrEmpty(decoder, lead, trail);
        if (character.length === 1 && !codes.has(character)) codes.set(character, [lead, trail]);
      }
    legacyTables.set(encoding, codes);
    table = codes;
  }
  const known = table;
  return Buffer.from(
    [...text].flatMap((character) => {
      if (character.charCodeAt(0) < 0x80) return [character.charCodeAt(0)];
      const bytes = known.get(character);
      if (!bytes) throw new Error(`no ${encoding} code for ${character}`);
      return bytes;
    }),
  );
}

/** Text in GB18030 (see `encodeLegacy`). */
export const encodeGb18030 = (text: string): Buffer => encodeLegacy(text, "gb18030");
