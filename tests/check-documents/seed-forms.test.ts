import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { declareDocument } from "../../src/document/declare/declaration-text.js";
import { placeLabel } from "../../src/document/formats/document.js";
import { readDocument } from "../../src/document/formats/read.js";
import { checkDisclosureText } from "../../src/run/check-disclosure.js";
import { checkFiles } from "../../src/run/run.js";
import { formatters } from "../../src/index.js";

/**
 * The reference disclosure made into real office files by LibreOffice (fixtures/documents/wuchang-2025/README.md):
 * its 公开表 as Word tables, the PDF printed from them, a workbook of one sheet per table.
 */
const folder = new URL("../../fixtures/documents/wuchang-2025/", import.meta.url);
const forms = ["docx", "xlsx", "pdf", "txt"] as const;
/** The text is the published page itself (fixtures/seed), its 表1–表10 printed as titles only. */
const bytesOf = (form: string) =>
  readFileSync(form === "txt" ? new URL("../../fixtures/seed/wuchang-2025.txt", import.meta.url) : new URL(`wuchang-2025.${form}`, folder));
const work = mkdtempSync(join(tmpdir(), "budget-rules-seed-forms-"));

async function check(name: string, bytes: Uint8Array) {
  const path = join(work, name);
  writeFileSync(path, bytes);
  const { report } = await checkFiles([path], { cwd: work, lang: "en", threads: 1 });
  return report.files[0]?.findings ?? [];
}

describe("a document read only in part is never reported like one checked in full", () => {
  it.each([
    ["en", /^✖ 1 file checked \(1 of them only in part: \d+ not read, see the "Not read" notes\): 1 error, 3 warnings, \d+ info$/],
    ["zh", /^✖ 检查了 1 个文件（其中 1 个只核对了一部分：\d+ 处未读，见“未读”提示）：1 个错误，3 个警告，\d+ 条提示$/],
  ] as const)("the PDF, whose “三公” table is not read: %s", async (lang, summary) => {
    const path = join(work, "partly.pdf");
    writeFileSync(path, bytesOf("pdf"));
    const { report } = await checkFiles([path], { cwd: work, lang, threads: 1 });
    const text = formatters.stylish(report, { lang });
    expect(text.trimEnd().split("\n").at(-1)).toMatch(summary);
  });
});

/** The tables each form gives with their figures (the others are listed as not read, with why). */
const money = ["t1", "t2", "t3", "t4", "t5-1", "t5-2", "t6", "t7", "t8", "t9", "t10"];
const tablesRead: Record<(typeof forms)[number], string[]> = {
  docx: [...money, "t11", "t12-1", "t12-2"],
  xlsx: [...money, "t11", "t12-1", "t12-2"],
  // In the PDF the “三公” table's three-row header (公务用车购置及运行维护费 over 小计 and its two parts, each word
  // centred over a column whose figures stand at its right edge) is not read yet, and is said so.
  pdf: ["t1", "t2", "t3", "t4", "t5-1", "t5-2", "t6", "t8", "t9", "t10", "t11", "t12-1", "t12-2"],
  // The published text prints 表1–表10 as titles only (their pages were images); its performance tables are lines
  // of words, the second project's without its number.
  txt: ["t11", "t12-1", "performance-project"],
};

/**
 * What the hand transcription (fixtures/wuchang-2025.yaml) gives, beside its rounding notes: 表11 and 表12-1
 * print last year's 招聘活动场次 as 9 and 10; two code names drift from the official ones; the two projects'
 * 2023 budgets (950 + 750) exceed the department's 2023 total of 1435.1.
 */
const transcribed = {
  errors: [["indicator", "10", "9"]],
  warnings: [
    ["code", "20103"],
    ["code", "2010399"],
    ["bound", "2023"],
  ],
};

describe("the seed as published in Word, PDF and Excel: its tables read, linked to the narrative, checked", () => {
  it.each(forms)("%s: the tables read, and the errors and warnings of the hand transcription", async (form) => {
    const yaml = declareDocument(await readDocument(bytesOf(form), { file: `wuchang-2025.${form}` }));
    const declaration = parse(yaml) as { tables?: { id: string }[] };
    expect(declaration.tables?.map((table) => table.id)).toEqual(tablesRead[form]);
    const findings = await check(`wuchang-2025.${form}`, bytesOf(form));
    const errors = findings.filter((finding) => finding.severity === "error");
    expect(errors.map((finding) => [finding.rule, finding.actual, finding.expected])).toEqual(transcribed.errors);
    const warnings = findings.filter((finding) => finding.severity === "warning");
    const named = warnings.map((finding) => [
      finding.rule,
      finding.message
        .match(/“(\d+)”|for (\d{4})/)
        ?.slice(1)
        .find(Boolean),
    ]);
    expect(named).toEqual(expect.arrayContaining(transcribed.warnings));
    expect(named).toHaveLength(transcribed.warnings.length);
  });

  it("docx: the narrative's figures restate the tables' (基本支出, 人员经费, each 项 by its path)", async () => {
    const yaml = declareDocument(await readDocument(bytesOf("docx"), { file: "wuchang-2025.docx" }));
    for (const reference of ["t3:basic", "t6:personnel", "t6:public", "t5-1/2010350", "t5-1/2210203", "t7:reception", "t6/301"])
      expect(yaml, reference).toContain(`restates: ${reference} #`);
  });
});

describe("an error put into the workbook is found, at its cell or at the total it breaks", () => {
  /** Every amount cell of the money tables (表1–表10), as `'sheet'!A1`, with the workbook to change. */
  async function amountCells() {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf("xlsx") as unknown as ArrayBuffer);
    const cells: { sheet: string; address: string }[] = [];
    for (const sheet of workbook.worksheets.filter((each) => /^表(?:[1-9]|10)\D/.test(each.name)))
      sheet.eachRow((row) => row.eachCell((cell) => typeof cell.value === "number" && cells.push({ sheet: sheet.name, address: cell.address })));
    return { workbook, cells };
  }

  // 166 workbooks written and read: minutes on a loaded 2-core machine, so a generous bound (no timing is asserted).
  it("each amount cell of 表1–表10 changed by 1 万元, in turn", { timeout: 300_000 }, async () => {
    const { workbook, cells } = await amountCells();
    expect(cells.length).toBeGreaterThan(150);
    const missed: string[] = [];
    for (const { sheet, address } of cells) {
      const cell = workbook.getWorksheet(sheet)?.getCell(address);
      if (!cell) continue;
      const printed = cell.value as number;
      cell.value = printed + 1;
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      cell.value = printed;
      const document = await readDocument(bytes, { file: "changed.xlsx" });
      const placeOf = (offset: number) => placeLabel(document.locate(offset), "en");
      const findings = checkDisclosureText(document.text, { lang: "en", document, placeOf }).findings;
      const here = `${/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet}'`}!${address}`;
      const found = findings.some((finding) => finding.severity !== "info" && [finding, ...(finding.related ?? [])].some((at) => at.place === here));
      if (!found) missed.push(here);
    }
    expect(missed).toEqual([]);
  });
});

describe("import of each form writes the transcription's tables, cell by cell", () => {
  type Line = { id?: string; name?: string; amount?: unknown; share?: string; history?: Record<string, unknown>; lines?: Line[] };
  type Project = { name: string; amount?: unknown; budget?: unknown; history?: Record<string, unknown> };
  type Table = {
    id: string;
    total?: Line;
    lines?: Line[];
    projects?: Project[];
    indicators?: { group?: string; name: string; values?: Record<string, unknown> }[];
  };

  /** A row's name as both print it: no numbering (一、, 1.), brackets, quotes, or 财政 (一般公共预算财政拨款收入 is 一般公共预算拨款收入). */
  const rowName = (name = "") =>
    name
      .normalize("NFKC")
      .replace(/\s/g, "")
      .replace(/^(?:[一二三四五六七八九十]+、|\d+\.)/, "")
      .replace(/[()“”"]|财政/g, "");
  /** The transcription writes 表7's items and 表2's one income as lines; the office files print them as the total row's columns. */
  const columnOf: Record<string, Record<string, string>> = {
    t7: { 因公出国境费: "abroad", 公务用车购置及运行维护费: "vehicles", 公务接待费: "reception" },
    t2: { 一般公共预算拨款收入: "general" },
  };

  /** Every figure a table prints, as `table|row|column` → value: amounts by column, shares, earlier years, projects' budgets, indicators' values. */
  function cellsOf(tables: readonly Table[]): Map<string, string> {
    const cells = new Map<string, string>();
    // YAML gives a figure as a number or a string; both are printed as the transcription wrote them.
    const put = (key: string, value: unknown) => (typeof value === "number" || typeof value === "string") && cells.set(key, String(value));
    const visit = (table: string, line: Line, top: boolean) => {
      const row = top && ["income", "expenditure", "total"].includes(line.id ?? "") ? (line.id as string) : rowName(line.name);
      const column = columnOf[table]?.[row];
      if (column) return put(`${table}|total|${column}`, line.amount);
      if (line.amount !== null && typeof line.amount === "object") for (const [id, value] of Object.entries(line.amount)) put(`${table}|${row}|${id}`, value);
      else put(`${table}|${row}|total`, line.amount);
      put(`${table}|${row}|share`, line.share);
      for (const [year, value] of Object.entries(line.history ?? {})) put(`${table}|${row}|${year}`, value);
      for (const child of line.lines ?? []) visit(table, child, false);
    };
    for (const table of tables) {
      if (table.total) visit(table.id, { ...table.total, id: "total" }, true);
      for (const line of table.lines ?? []) visit(table.id, line, true);
      for (const project of table.projects ?? []) {
        const row = `${table.id}|${rowName(project.name)}`;
        // 表10 lists its projects as lines of a table with a 合计.
        if (table.id === "t10") put(`${row}|total`, project.amount);
        else for (const [key, value] of Object.entries({ budget: project.budget, amount: project.amount, ...project.history })) put(`${row}|${key}`, value);
      }
      for (const indicator of table.indicators ?? [])
        for (const [year, value] of Object.entries(indicator.values ?? {})) put(`${table.id}|${rowName(indicator.group ?? indicator.name)}|${year}`, value);
    }
    return cells;
  }

  const printed = (value: string) => value.normalize("NFKC").replace(/\s/g, "");
  /** Figures compare by exact decimal value (388.50 is 388.5), a share keeping its %; words as printed. */
  const same = (a: string, b: string) => {
    const [x, y] = [printed(a), printed(b)];
    const figure = /^-?\d+(?:\.\d+)?%?$/;
    if (!figure.test(x) || !figure.test(y)) return x === y;
    return x.endsWith("%") === y.endsWith("%") && new Decimal(x.replace("%", "")).equals(y.replace("%", ""));
  };
  // The narrative's 政府采购 and 政府购买服务 figures are tables of the transcription only: no form prints them as tables.
  const transcription = cellsOf(
    (parse(readFileSync(new URL("../../fixtures/wuchang-2025.yaml", import.meta.url), "utf8")) as { tables: Table[] }).tables.filter((table) =>
      /^t\d/.test(table.id),
    ),
  );

  /** The cells each form does not give as the transcription has them (fixtures/documents/wuchang-2025/README.md lists them). */
  const disagreements: Record<(typeof forms)[number], { count: number; listed: string[] }> = {
    // 表4 prints 一般公共预算拨款 under 一、本年收入, where the transcription names the line 一般公共预算财政拨款本年收入.
    docx: { count: 1, listed: ["t4|一般公共预算拨款本年收入|total"] },
    xlsx: { count: 1, listed: ["t4|一般公共预算拨款本年收入|total"] },
    // The PDF's 表7 and the text's 表1–表10 are not read (each said so): their cells are missing, none is wrong.
    pdf: { count: 35, listed: ["t4|一般公共预算拨款本年收入|total", "t7|total|total"] },
    txt: { count: 82, listed: [] },
  };

  it.each(forms)("%s: every cell read agrees with the transcription's, and as many are read as the fixture's README says", async (form) => {
    const read = cellsOf((parse(declareDocument(await readDocument(bytesOf(form), { file: `wuchang-2025.${form}` }))) as { tables?: Table[] }).tables ?? []);
    const wrong = [...transcription].filter(([key, value]) => read.has(key) && !same(read.get(key) ?? "", value)).map(([key]) => key);
    const missing = [...transcription].filter(([key]) => !read.has(key)).map(([key]) => key);
    expect(wrong).toEqual([]);
    expect(missing).toHaveLength(disagreements[form].count);
    expect(missing).toEqual(expect.arrayContaining(disagreements[form].listed));
    if (form === "docx" || form === "xlsx") expect((transcription.size - missing.length) / transcription.size).toBeGreaterThanOrEqual(0.99);
  });
});
