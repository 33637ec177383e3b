import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { DocumentError } from "../../src/document/formats/document.js";
import type { DocumentLimits } from "../../src/document/formats/limits.js";
import { readDocument } from "../../src/document/formats/read.js";
import { workbookOf, zipOf } from "../read-document/office-zip.js";

/**
 * Hostile review, issue 21 (medium): an office file must not make a read hang, abort or take memory
 * without bound (a 17 KB workbook with cells in A and XFD took 163 s and 4.3 GB, then V8 aborted). Every
 * read of a workbook or Word file has a budget (bytes unpacked, XML elements and depth, characters, cells
 * laid out, the columns a row may reach); what passes one is refused in one line, or, for cells beyond the
 * last column read, set aside and named. The files are made here; their time and memory are figures in
 * `npm run bench`, never asserted.
 */

const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;
const number = (reference: string, value: number) => `<c r="${reference}"><v>${value}</v></c>`;
const sheetData = (count: number, row: (index: number) => string) =>
  `<sheetData>${Array.from({ length: count }, (_, index) => `<row r="${index + 1}">${row(index + 1)}</row>`).join("")}</sheetData>`;
/** A sheet's rows: a title and a unit on the first two, then `row(index)` from the third. */
const titled = (count: number, row: (index: number) => string) =>
  sheetData(count, (index) => (index === 1 ? inline("A1", "表3 部门支出总表") : index === 2 ? inline("A2", "单位：万元") : row(index)));

interface Refused {
  what: string;
  file: () => Buffer;
  limits?: Partial<DocumentLimits>;
  /** The one-line reason, in English. */
  message: RegExp;
  problem: "too-large" | "corrupt";
}

const refused: Refused[] = [
  {
    what: "a sparse grid: a cell in A and one in AMJ on each of 1,000 rows (1,024,000 cells to lay out)",
    file: () => workbookOf([{ name: "表1", data: sheetData(1000, (row) => number(`A${row}`, row) + number(`AMJ${row}`, row)) }]),
    message: /^more than 250,000 cells to read \(up to 表1!245:245\): the file was not read$/,
    problem: "too-large",
  },
  {
    what: "one shared string of 1,000 characters in 10,000 cells (10 million characters)",
    file: () =>
      workbookOf([{ name: "表1", data: sheetData(10_000, (row) => `<c r="A${row}" t="s"><v>0</v></c>`) }], { strings: [`<t>${"预".repeat(1000)}</t>`] }),
    message: /^more than 8,000,000 characters of text \(up to xl\/worksheets\/sheet1\.xml\): the file was not read$/,
    problem: "too-large",
  },
  {
    what: "XML nested 300 deep in a sheet",
    file: () => workbookOf([{ name: "表1", data: `${"<extLst>".repeat(300)}${"</extLst>".repeat(300)}<sheetData/>` }]),
    message: /^the XML of xl\/worksheets\/sheet1\.xml nests deeper than 256 levels: the file was not read$/,
    problem: "too-large",
  },
  {
    what: "3,000 merged areas over the same 1,000 rows (overlapping: no office program writes them)",
    file: () =>
      workbookOf([
        {
          name: "表1",
          data: `${sheetData(1000, (row) => number(`A${row}`, row))}<mergeCells>${'<mergeCell ref="A1:B1000"/>'.repeat(3000)}</mergeCells>`,
        },
      ]),
    message: /^merged areas overlap over too many cells \(up to 表1!\d+:\d+\): the file was not read$/,
    problem: "too-large",
  },
  {
    what: "more XML elements than the limit",
    file: () => workbookOf([{ name: "表1", data: sheetData(600, (row) => number(`A${row}`, row)) }]),
    limits: { elements: 1000 },
    message: /^more than 1,000 XML elements \(up to xl\/worksheets\/sheet1\.xml\): the file was not read$/,
    problem: "too-large",
  },
  {
    what: "parts that unpack beyond the limit, by the sizes the archive lists",
    file: () => workbookOf([{ name: "表1", data: sheetData(100, (row) => number(`A${row}`, row)) }]),
    limits: { unpackedBytes: 2000 },
    message: /^xl\/worksheets\/sheet1\.xml inside the archive is too large when unpacked$/,
    problem: "too-large",
  },
  {
    what: "a sheet that unpacks to more than the archive lists for it (a zip bomb that lies), read at once",
    file: () => workbookOf([{ name: "表1", data: sheetData(5000, (row) => number(`A${row}`, row)), listedSize: 1000 }]),
    message: /^the file is damaged: the zip archive \(a Word or Excel file\) is incomplete$/,
    problem: "corrupt",
  },
  {
    what: "a sheet that unpacks to more than the archive lists for it, read in chunks",
    file: () => workbookOf([{ name: "表1", data: sheetData(200_000, (row) => number(`A${row}`, row)), listedSize: 2 * 1024 * 1024 }]),
    message: /^the file is damaged: the zip archive \(a Word or Excel file\) is incomplete$/,
    problem: "corrupt",
  },
  {
    what: "an entity a document declares for itself (no expansion: no billion laughs)",
    file: () =>
      workbookOf([
        {
          name: "表1",
          data: Buffer.from(
            `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "${"lol".repeat(10)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
          ),
        },
      ]),
    message: /^the file is damaged: xl\/worksheets\/sheet1\.xml inside the archive is not well-formed XML$/,
    problem: "corrupt",
  },
];

describe("a workbook beyond a read's budget is refused in one line, before it costs without bound", () => {
  it.each(refused)("$what", async ({ file, limits, message, problem }) => {
    const error: unknown = await readDocument(file(), { file: "x.xlsx", ...(limits ? { limits } : {}) }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ problem, message: expect.stringMatching(message) as string });
    expect((error as DocumentError).text.zh).toMatch(/^[^\n]+$/);
  });
});

/** A Word document written by hand: its body's XML, and the size the archive lists for it when the test makes it lie. */
const wordOf = (body: string, listedSize?: number) => {
  const data = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": listedSize === undefined ? data : { data, listedSize } });
};
const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

const refusedWord: Refused[] = [
  {
    what: "a body that lists 70 MiB unpacked (a zip bomb, refused by its listing before it is unpacked)",
    file: () => wordOf(paragraph("收入"), 70 * 1024 * 1024),
    message: /^word\/document\.xml inside the archive is too large when unpacked$/,
    problem: "too-large",
  },
  {
    what: "content controls nested 300 deep",
    file: () => wordOf(`${"<w:sdt><w:sdtContent>".repeat(150)}${paragraph("收入")}${"</w:sdtContent></w:sdt>".repeat(150)}`),
    message: /^the XML of word\/document\.xml nests deeper than 256 levels: the file was not read$/,
    problem: "too-large",
  },
  {
    what: "a text of 9 million characters in one run",
    file: () => wordOf(paragraph("预".repeat(9_000_000))),
    message: /^word\/document\.xml runs more than 8,000,000 characters without an element: the file was not read$/,
    problem: "too-large",
  },
  {
    what: "more XML elements than the limit (empty paragraphs)",
    file: () => wordOf("<w:p/>".repeat(2000)),
    limits: { elements: 1000 },
    message: /^more than 1,000 XML elements \(up to word\/document\.xml\): the file was not read$/,
    problem: "too-large",
  },
  {
    what: "a body that unpacks to more than the archive lists for it",
    file: () => wordOf(paragraph("收入").repeat(10_000), 1000),
    message: /^the file is damaged: the zip archive \(a Word or Excel file\) is incomplete$/,
    problem: "corrupt",
  },
];

describe("a Word document beyond a read's budget is refused in one line", () => {
  it.each(refusedWord)("$what", async ({ file, limits, message, problem }) => {
    const error: unknown = await readDocument(file(), { file: "x.docx", ...(limits ? { limits } : {}) }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ problem, message: expect.stringMatching(message) as string });
  });

  it("within the budget, the same hand-made document is read", async () => {
    expect((await readDocument(wordOf(paragraph("收入825.04万元")), { file: "x.docx" })).text).toBe("收入825.04万元");
  });
});

describe("cells beyond the last column read, or Excel's last row, are set aside and named, one range a sheet", () => {
  it.each([
    {
      what: "cells in A and XFD on 2,000 rows",
      data: titled(2000, (row) => number(`A${row}`, row) + number(`XFD${row}`, row)),
      aside: "表1!XFD3:XFD2000",
      last: "2000",
    },
    {
      what: "a reference past Excel's last column",
      data: titled(4, (row) => number(`A${row}`, row) + number(`ZZZZ${row}`, 1)),
      aside: "表1!ZZZZ3:ZZZZ4",
      last: "4",
    },
    {
      what: "a row past Excel's last row",
      data: titled(4, (row) => number(`A${row}`, row)).replace("</sheetData>", `<row r="2000000">${number("B2000000", 1)}</row></sheetData>`),
      aside: "表1!B2000000:B2000000",
      last: "4",
    },
  ])("$what", async ({ data, aside, last }) => {
    const document = await readDocument(workbookOf([{ name: "表1", data }]), { file: "x.xlsx" });
    expect(document.setAside).toEqual([{ text: aside, why: "out-of-range" }]);
    expect(document.text.split("\n").slice(0, 4)).toEqual(["表1", "表3 部门支出总表", "单位：万元", "3"]);
    expect(document.text.split("\n").at(-1)).toBe(last);
  });
});

const folder = mkdtempSync(join(tmpdir(), "budget-rules-office-limits-"));

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd: folder, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

describe("on the command line: the reason in one line, with the exit code of a file that cannot be read", () => {
  const path = join(folder, "sparse.xlsx");
  const reason = "more than 250,000 cells to read (up to 表1!245:245): the file was not read";

  it("check reports it as an error at the file's start (exit 2: a file not checked, src/run/exit-code.ts), never a pass", async () => {
    writeFileSync(path, refused[0]?.file() ?? "");
    const { code, stdout, stderr } = await run(["check", "-f", "json", path]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: "" });
    const findings = (JSON.parse(stdout) as { files: { findings: { rule: string; messageId: string; message: string; line: number }[] }[] }).files[0]?.findings;
    expect(findings).toEqual([expect.objectContaining({ rule: "document", messageId: "unreadable", line: 1, message: `The file cannot be read: ${reason}` })]);
  });

  it("a Word document nested too deep: the same, for check and import", async () => {
    const word = join(folder, "deep.docx");
    writeFileSync(word, refusedWord[1]?.file() ?? "");
    const checked = await run(["check", "-f", "json", word]);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toContain("nests deeper than 256 levels: the file was not read");
    const imported = await run(["import", word]);
    expect(imported).toEqual({
      code: 2,
      stdout: "",
      stderr: `budget-rules: cannot read ${word}: the XML of word/document.xml nests deeper than 256 levels: the file was not read\n`,
    });
  });

  it("import stops with one line on stderr (exit 2)", async () => {
    writeFileSync(path, refused[0]?.file() ?? "");
    const { code, stdout, stderr } = await run(["import", path]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe(`budget-rules: cannot read ${path}: ${reason}\n`);
  });

  it("check names the cells set aside beyond the last column as not read (info), and reads the rest", async () => {
    const wide = titled(40, (row) => inline(`A${row}`, "甲") + number(`B${row}`, row)).replace(
      "</sheetData>",
      `<row r="41">${number("XFD41", 9)}</row></sheetData>`,
    );
    writeFileSync(path, workbookOf([{ name: "表1", data: wide }]));
    const { code, stdout } = await run(["check", "-f", "json", path]);
    // Its cells hold no table the reader knows nor any sentence: nothing was checked (exit 2), and it says so.
    expect(code).toBe(2);
    const findings = (JSON.parse(stdout) as { files: { findings: { rule: string; message: string }[] }[] }).files[0]?.findings ?? [];
    expect(findings.filter((finding) => finding.message.includes("XFD41"))).toEqual([
      expect.objectContaining({ rule: "narrative", message: expect.stringContaining("表1!XFD41:XFD41") as string }),
    ]);
  });
});
