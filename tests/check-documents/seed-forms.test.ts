import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { declareDocument } from "../../src/document/declare/declaration-text.js";
import { placeLabel } from "../../src/document/formats/document.js";
import { readDocument } from "../../src/document/formats/read.js";
import { checkDisclosureText } from "../../src/run/check-disclosure.js";
import { checkFiles } from "../../src/run/run.js";

/**
 * The reference disclosure made into real office files by LibreOffice (fixtures/documents/wuchang-2025/README.md):
 * its 公开表 as Word tables, the PDF printed from them, a workbook of one sheet per table.
 */
const folder = new URL("../../fixtures/documents/wuchang-2025/", import.meta.url);
const forms = ["docx", "xlsx", "pdf"] as const;
const bytesOf = (form: string) => readFileSync(new URL(`wuchang-2025.${form}`, folder));
const work = mkdtempSync(join(tmpdir(), "budget-rules-seed-forms-"));

async function check(name: string, bytes: Uint8Array) {
  const path = join(work, name);
  writeFileSync(path, bytes);
  const { report } = await checkFiles([path], { cwd: work, lang: "en", threads: 1 });
  return report.files[0]?.findings ?? [];
}

/** The tables each form gives with their figures (the others are listed as not read, with why). */
const tablesRead: Record<(typeof forms)[number], string[]> = {
  docx: ["t1", "t2", "t3", "t4", "t5-1", "t5-2", "t6", "t7", "t8", "t9", "t10"],
  xlsx: ["t1", "t2", "t3", "t4", "t5-1", "t5-2", "t6", "t7", "t8", "t9", "t10"],
  // The PDF's two-sided tables and the “三公” table's three-row header are not read yet.
  pdf: ["t2", "t3", "t5-1", "t5-2", "t6", "t8", "t9", "t10"],
};

describe("the seed as published in Word, PDF and Excel: its tables read, linked to the narrative, checked", () => {
  it.each(forms)("%s: the tables read, no error, the two code names that drift from the official ones", async (form) => {
    const yaml = declareDocument(await readDocument(bytesOf(form), { file: `wuchang-2025.${form}` }));
    const declaration = parse(yaml) as { tables?: { id: string }[] };
    expect(declaration.tables?.map((table) => table.id)).toEqual(tablesRead[form]);
    const findings = await check(`wuchang-2025.${form}`, bytesOf(form));
    expect(findings.filter((finding) => finding.severity === "error").map((finding) => finding.message)).toEqual([]);
    const warnings = findings.filter((finding) => finding.severity === "warning");
    expect(warnings.map((finding) => [finding.rule, finding.message.match(/“(\d+)”/)?.[1]])).toEqual([
      ["code", "20103"],
      ["code", "2010399"],
    ]);
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

  it("each amount cell of 表1–表10 changed by 1 万元, in turn", async () => {
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
