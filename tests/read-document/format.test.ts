import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DocumentError, placeLabel, type Place } from "../../src/document/formats/document.js";
import { detectFormat } from "../../src/document/formats/format.js";
import { readDocument, readDocumentFile } from "../../src/document/formats/read.js";
import { zipEntries } from "../../src/document/formats/zip.js";
import { docxOf, pdfOf, xlsxOf } from "./documents.js";

const sentence = "2025年年初预算数5941.79万元，其中：一般公共预算拨款5941.79万元。";
const declaration = Buffer.from("# 铜梁区财政局\nversion: 1\ndepartment: 重庆市铜梁区财政局\n");
let docx: Buffer;
let xlsx: Buffer;
let pdf: Buffer;

beforeAll(async () => {
  docx = await docxOf([sentence]);
  xlsx = await xlsxOf([{ name: "Sheet1", rows: [[sentence]] }]);
  pdf = Buffer.from(await pdfOf([[sentence]]));
});

/** The archive with one part's stored bytes replaced: its name (same length), or its compressed data. */
function withPart(archive: Buffer, name: string, change: { rename?: string; garble?: boolean }): Buffer {
  const copy = Buffer.from(archive);
  if (change.rename) {
    let at = copy.indexOf(name);
    while (at >= 0) {
      copy.write(change.rename, at, "latin1");
      at = copy.indexOf(name, at + 1);
    }
  }
  const entry = zipEntries(copy).find((candidate) => candidate.name === name);
  if (change.garble && entry) {
    const start = entry.headerOffset + 30 + copy.readUInt16LE(entry.headerOffset + 26) + copy.readUInt16LE(entry.headerOffset + 28);
    copy.fill(0xa5, start, start + entry.compressedSize);
  }
  return copy;
}

/** Bytes that look like nothing: a fixed pseudo-random sequence. */
function noise(length: number): Buffer {
  let state = 12345;
  return Buffer.from(Array.from({ length }, () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state >> 16) && state & 0xff));
}

describe("what a file holds, by its content", () => {
  it.each([
    { what: "a Word document named .xlsx", bytes: () => docx, file: "公开表.xlsx", format: "docx" },
    { what: "a Word document with no name", bytes: () => docx, file: undefined, format: "docx" },
    { what: "a workbook named .docx", bytes: () => xlsx, file: "情况说明.docx", format: "xlsx" },
    { what: "a workbook named .txt", bytes: () => xlsx, file: "a.txt", format: "xlsx" },
    { what: "a PDF named .txt", bytes: () => pdf, file: "a.txt", format: "pdf" },
    { what: "a PDF after some bytes of junk", bytes: () => Buffer.concat([Buffer.from("\r\n\r\n"), pdf]), file: "x", format: "pdf" },
    { what: "a declaration named .txt", bytes: () => declaration, file: "decl.txt", format: "declaration" },
    { what: "a declaration with no name", bytes: () => declaration, file: undefined, format: "declaration" },
    { what: "a .yaml file without a version line", bytes: () => Buffer.from("department: 某局\n"), file: "decl.yaml", format: "declaration" },
    { what: "text that mentions a version inside a line", bytes: () => Buffer.from("本说明 version: 2\n"), file: "a.txt", format: "text" },
  ])("$what is $format", ({ bytes, file, format }) => {
    expect(detectFormat(bytes(), file)).toBe(format);
  });
});

const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(200)]);

describe("a file that cannot be read gives a typed error with a one-line message in both languages", () => {
  it.each([
    { what: "an empty file", bytes: () => Buffer.alloc(0), problem: "empty" },
    { what: "a file of blank lines", bytes: () => Buffer.from(" \r\n\t\n"), problem: "empty" },
    { what: "a truncated Word document", bytes: () => docx.subarray(0, docx.length >> 1), problem: "corrupt" },
    { what: "a Word document whose body is garbled", bytes: () => withPart(docx, "word/document.xml", { garble: true }), problem: "corrupt" },
    { what: "a Word document with no text", bytes: () => docx, problem: "no-text", build: () => docxOf(["", " "]) },
    { what: "a truncated workbook", bytes: () => xlsx.subarray(0, xlsx.length - 100), problem: "corrupt" },
    { what: "a workbook whose workbook part is garbled", bytes: () => withPart(xlsx, "xl/workbook.xml", { garble: true }), problem: "corrupt" },
    {
      what: "a zip archive that is neither Word nor Excel",
      bytes: () => withPart(docx, "word/document.xml", { rename: "word/documenx.xml" }),
      problem: "unsupported",
    },
    { what: "a truncated PDF", bytes: () => pdf.subarray(0, pdf.length >> 1), problem: "corrupt" },
    { what: "a PDF header on garbage", bytes: () => Buffer.concat([Buffer.from("%PDF-1.7\n"), noise(2000), Buffer.from("\n%%EOF\n")]), problem: "corrupt" },
    { what: "a PDF with no text layer", bytes: () => pdf, problem: "no-text", build: async () => Buffer.from(await pdfOf([[]])) },
    { what: "an old .doc or an encrypted Office file", bytes: () => ole, problem: "unsupported" },
    { what: "a picture", bytes: () => png, problem: "unsupported" },
    { what: "random bytes", bytes: () => noise(4096), problem: "unsupported" },
    { what: "text with NUL bytes", bytes: () => Buffer.from(`${sentence}\0\0\0`), problem: "unsupported" },
  ])("$what: $problem", async ({ bytes, problem, build }) => {
    const input = build ? await build() : bytes();
    const error: unknown = await readDocument(input, { file: "x" }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DocumentError);
    const documentError = error as DocumentError;
    expect(documentError.problem).toBe(problem);
    expect(documentError.message).toBe(documentError.text.en);
    for (const text of [documentError.text.zh, documentError.text.en]) expect(text).toMatch(/^[^\n]+$/);
  });

  it("refuses a Word document whose body unpacks beyond the limit, before unpacking it", async () => {
    await expect(readDocument(docx, { maxUnpackedSize: 100 })).rejects.toMatchObject({ problem: "too-large" });
    await expect(readDocument(xlsx, { maxUnpackedSize: 100 })).rejects.toMatchObject({ problem: "too-large" });
  });

  it("reads a file within a size limit, and says when it is too large or missing", async () => {
    const folder = new URL("../../test-output/read-document/", import.meta.url);
    mkdirSync(folder, { recursive: true });
    const file = fileURLToPath(new URL("情况说明.docx", folder));
    writeFileSync(file, docx);
    expect((await readDocumentFile(file)).kind).toBe("docx");
    await expect(readDocumentFile(file, { maxFileSize: 100 })).rejects.toMatchObject({ problem: "too-large" });
    await expect(readDocumentFile(fileURLToPath(new URL("missing.txt", folder)))).rejects.toMatchObject({
      problem: "unreadable",
      message: "cannot read the file: ENOENT",
    });
  });
});

describe("a place as a person reads it", () => {
  it.each<[Place, string, string]>([
    [{ kind: "text", line: 3, column: 12 }, "第 3 行第 12 列", "line 3, column 12"],
    [{ kind: "pdf", page: 3, line: 12, column: 5 }, "第 3 页第 12 行", "page 3, line 12"],
    [{ kind: "docx", paragraph: 5, column: 2 }, "第 5 段", "paragraph 5"],
    [
      { kind: "docx", paragraph: 10, column: 1, table: { table: 1, row: 2, cell: 3 } },
      "第 10 段（第 1 个表格第 2 行第 3 格）",
      "paragraph 10 (table 1, row 2, cell 3)",
    ],
    [{ kind: "xlsx", sheet: "Sheet1", cell: "B7", column: 1 }, "Sheet1!B7", "Sheet1!B7"],
    [{ kind: "xlsx", sheet: "部门收支总表", cell: "D4", column: 3 }, "部门收支总表!D4", "部门收支总表!D4"],
    [{ kind: "xlsx", sheet: "表 1 (收支)", cell: "A1", column: 1 }, "'表 1 (收支)'!A1", "'表 1 (收支)'!A1"],
    [{ kind: "xlsx", sheet: "Bob's", cell: "A1", column: 1 }, "'Bob''s'!A1", "'Bob''s'!A1"],
    [{ kind: "xlsx", sheet: "部门收支总表", column: 1 }, "工作表 部门收支总表", "sheet 部门收支总表"],
  ])("%o is %s / %s", (place, zh, en) => {
    expect(placeLabel(place, "zh")).toBe(zh);
    expect(placeLabel(place, "en")).toBe(en);
  });
});
