import { readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, degrees } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/document/formats/read.js";

const cjkFont = new URL("../../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf", import.meta.url);
const left = Array.from({ length: 8 }, (_, index) => `左栏第${index + 1}行：本部门收入预算${100 + index}万元。`);
const right = Array.from({ length: 8 }, (_, index) => `右栏第${index + 1}行：本部门支出预算${200 + index}万元。`);

/** A page drawn as `draw` says, with the CJK font; an ordinary single-column page after it. */
async function pdfWith(draw: (page: import("pdf-lib").PDFPage, font: import("pdf-lib").PDFFont) => void): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(cjkFont), { subset: true });
  draw(pdf.addPage([595, 842]), font);
  const plain = pdf.addPage([595, 842]);
  plain.drawText("第二页：基本支出60万元。", { x: 56, y: 790, size: 11, font });
  return pdf.save();
}

const pages = {
  "two columns of prose": (page: import("pdf-lib").PDFPage, font: import("pdf-lib").PDFFont) => {
    left.forEach((line, index) => page.drawText(line, { x: 40, y: 790 - index * 18, size: 10, font }));
    right.forEach((line, index) => page.drawText(line, { x: 320, y: 790 - index * 18, size: 10, font }));
  },
  "a table turned a quarter (a landscape table on a portrait page)": (page: import("pdf-lib").PDFPage, font: import("pdf-lib").PDFFont) => {
    left.forEach((line, index) => page.drawText(line, { x: 100 + index * 18, y: 100, size: 10, font, rotate: degrees(90) }));
  },
  "one column": (page: import("pdf-lib").PDFPage, font: import("pdf-lib").PDFFont) => {
    left.forEach((line, index) => page.drawText(line, { x: 56, y: 790 - index * 18, size: 10, font }));
  },
  "a table: labels and figures with wide gaps": (page: import("pdf-lib").PDFPage, font: import("pdf-lib").PDFFont) => {
    left.forEach((line, index) => {
      page.drawText(line.slice(0, 12), { x: 56, y: 790 - index * 18, size: 10, font });
      page.drawText(`${100 + index}.00`, { x: 400, y: 790 - index * 18, size: 10, font });
    });
  },
};

describe("a PDF page whose lines cannot be read in order is set aside, never read out of order (issue 21)", () => {
  it.each([
    { what: "two columns of prose", setAside: ["第 1 页 (two-columns)"], firstLine: "第二页：基本支出60万元。" },
    { what: "a table turned a quarter (a landscape table on a portrait page)", setAside: ["第 1 页 (rotated-text)"], firstLine: "第二页：基本支出60万元。" },
    { what: "one column", setAside: [], firstLine: left[0] },
    { what: "a table: labels and figures with wide gaps", setAside: [], firstLine: `${left[0]?.slice(0, 12)} 100.00` },
  ] as const)("$what", async ({ what, setAside, firstLine }) => {
    const document = await readDocument(await pdfWith(pages[what]));
    expect((document.setAside ?? []).map((aside) => `${aside.text} (${aside.why})`)).toEqual(setAside);
    expect(document.text.split("\n")[0]).toBe(firstLine);
    // never a line that joins the two columns
    expect(document.text).not.toMatch(/左栏[^\n]*右栏/);
  });
});
