import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Finding } from "../../src/finding.js";
import { cellPlace } from "../../src/report/workbook.js";

/**
 * Issue 23, the workbook back: `check -f xlsx -o checked.xlsx book.xlsx` writes a copy of the workbook
 * with each finding's cell filled and commented, and a first sheet listing the findings with links;
 * the workbook checked is never written.
 */

const seed = new URL("../../fixtures/documents/wuchang-2025/wuchang-2025.xlsx", import.meta.url);

async function run(argv: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), env: {}, cwd, stdoutIsTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A folder holding the seed workbook as book.xlsx, a hard link to it, and a declaration. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "budget-rules-workbook-"));
  copyFileSync(seed, join(dir, "book.xlsx"));
  mkdirSync(join(dir, "sub"));
  linkSync(join(dir, "book.xlsx"), join(dir, "sub", "hard.xlsx"));
  writeFileSync(join(dir, "a.yaml"), "version: 1\n");
  return dir;
}

async function workbookOf(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path).buffer);
  return workbook;
}

const noteOf = (cell: ExcelJS.Cell) => (typeof cell.note === "string" ? cell.note : (cell.note?.texts ?? []).map((part) => part.text).join(""));
const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined);
const cellAt = (workbook: ExcelJS.Workbook, place: string) => {
  const { sheet, cell } = cellPlace(place) ?? { sheet: "" };
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet || cell === undefined) throw new Error(`no cell ${place}`);
  return worksheet.getCell(cell);
};

const languages = [
  {
    lang: "zh",
    sheet: "核对结果",
    headings: ["严重程度", "规则", "说明", "位置"],
    severity: { error: "错误", warning: "警告", info: "提示" },
    figures: ["【错误】indicator", "应为：9", "实为：10", "差：1"],
  },
  {
    lang: "en",
    sheet: "Findings",
    headings: ["Severity", "Rule", "Message", "Place"],
    severity: { error: "error", warning: "warning", info: "info" },
    figures: ["[error] indicator", "Expected: 9", "Stated: 10", "Difference: 1"],
  },
] as const;

describe("check -f xlsx -o: the workbook back, annotated", () => {
  it.each(languages)("$lang: a commented copy, a first sheet of findings with links, the input unchanged", async (example) => {
    const dir = folder();
    const before = readFileSync(join(dir, "book.xlsx"));
    const json = await run(["check", "--lang", example.lang, "-f", "json", "book.xlsx"], dir);
    const findings = (JSON.parse(json.stdout) as { files: { findings: Finding[] }[] }).files[0]?.findings ?? [];
    expect(findings.filter((finding) => finding.severity !== "info").map((finding) => finding.severity)).toEqual(["warning", "warning", "error", "warning"]);

    const result = await run(["check", "--lang", example.lang, "-f", "xlsx", "-o", "checked.xlsx", "book.xlsx"], dir);
    expect(result).toMatchObject({ code: 1, stdout: "", stderr: "" });
    expect(readFileSync(join(dir, "book.xlsx")).equals(before)).toBe(true);

    const copy = await workbookOf(join(dir, "checked.xlsx"));
    const original = await workbookOf(join(dir, "book.xlsx"));
    expect(copy.worksheets.map((sheet) => sheet.name)).toEqual([example.sheet, ...original.worksheets.map((sheet) => sheet.name)]);

    const error = cellAt(copy, "'表12-1 项目支出绩效目标表'!D46");
    expect(fillOf(error)).toBe("FFFFC7CE");
    for (const words of example.figures) expect(noteOf(error)).toContain(words);
    for (const finding of findings) {
      const cell = cellAt(copy, finding.place ?? "");
      expect(noteOf(cell)).toContain(finding.message);
      expect(fillOf(cell)).toMatch(/^FF/);
    }
    // A cell beside a finding keeps its look, though it may have shared its style with the finding's cell.
    expect(fillOf(cellAt(copy, "'表2 部门收入总表'!B8"))).toBe(fillOf(cellAt(original, "'表2 部门收入总表'!B8")));
    expect(fillOf(cellAt(copy, "'表2 部门收入总表'!B7"))).toBe("FFFFEB9C");

    const sheet = copy.worksheets[0];
    const rows = (sheet?.getSheetValues() ?? []).slice(1) as ExcelJS.CellValue[][];
    expect(rows[0]?.slice(1)).toEqual(example.headings);
    const rank = { error: 0, warning: 1, info: 2 };
    const ordered = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
    expect(rows.slice(1).map((row) => row.slice(1))).toEqual(
      ordered.map((finding) => {
        const { sheet: name, cell } = cellPlace(finding.place) ?? { sheet: "" };
        const link = `"#'${name}'!${cell ?? ""}"`;
        return [
          example.severity[finding.severity],
          finding.rule,
          finding.message,
          { formula: `HYPERLINK(${link},"${finding.place ?? ""}")`, result: finding.place },
        ];
      }),
    );
  });
});

const refusals = [
  { name: "-f xlsx to stdout", argv: ["-f", "xlsx", "book.xlsx"], stderr: /^budget-rules: -f xlsx writes a workbook: name its file with -o/ },
  { name: "-f xlsx to stdout (zh)", argv: ["--lang", "zh", "-f", "xlsx", "book.xlsx"], stderr: /^budget-rules: -f xlsx 写出一个工作簿：请用 -o 指定文件/ },
  {
    name: "a declaration",
    argv: ["-f", "xlsx", "-o", "out.xlsx", "a.yaml"],
    stderr: /^budget-rules: -f xlsx annotates an Excel workbook \(\.xlsx\), and a\.yaml is not one\n$/,
  },
  {
    name: "two files",
    argv: ["-f", "xlsx", "-o", "out.xlsx", "book.xlsx", "a.yaml"],
    stderr: /^budget-rules: -f xlsx writes back one Excel workbook .*give one file \(here 2\)\n$/,
  },
  { name: "-o the input", argv: ["-f", "xlsx", "-o", "book.xlsx", "book.xlsx"], stderr: /^budget-rules: -o book\.xlsx is an input of this check/ },
  {
    name: "-o a hard link to the input",
    argv: ["-f", "xlsx", "-o", "sub/hard.xlsx", "book.xlsx"],
    stderr: /^budget-rules: -o sub\/hard\.xlsx is an input of this check/,
  },
  {
    name: "-o .xlsx of the input, by its extension",
    argv: ["-o", "sub/hard.xlsx", "book.xlsx"],
    stderr: /^budget-rules: -o sub\/hard\.xlsx is an input of this check/,
  },
];

describe("what -f xlsx refuses: one line, exit 2, nothing written", () => {
  it.each(refusals)("$name", async ({ argv, stderr }) => {
    const dir = folder();
    const before = readFileSync(join(dir, "book.xlsx"));
    const result = await run(["check", ...argv], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(readFileSync(join(dir, "book.xlsx")).equals(before)).toBe(true);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  });
});

describe("places on a workbook, as findings name them", () => {
  it.each([
    ["'表2 部门收入总表'!B7", { sheet: "表2 部门收入总表", cell: "B7" }],
    ["Sheet1!C12", { sheet: "Sheet1", cell: "C12" }],
    ["'It''s'!AA3", { sheet: "It's", cell: "AA3" }],
    ["工作表 表1 收支总表", { sheet: "表1 收支总表" }],
    ["sheet Summary", { sheet: "Summary" }],
    ["第 3 页第 12 行", undefined],
    [undefined, undefined],
  ] as const)("%s", (place, expected) => {
    expect(cellPlace(place)).toEqual(expected);
  });
});
