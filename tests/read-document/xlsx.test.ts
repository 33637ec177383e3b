import { beforeAll, describe, expect, it } from "vitest";
import type { DocumentText } from "../../src/document/formats/document.js";
import { readDocument } from "../../src/document/formats/read.js";
import { formattedNumber } from "../../src/document/formats/xlsx.js";
import { corpusText, linesOf, squeezed, xlsxOf, type Sheet } from "./documents.js";

const source = linesOf(corpusText("tongliang-czj-2025"));
/** A 公开表 as budget systems export it: a merged title, a unit line, a header and figures with two decimals. */
const table: Sheet = {
  name: "部门收支总表",
  rows: [
    ["重庆市铜梁区财政局2025年部门收支总表"],
    [null, null, "单位：万元"],
    ["收入", "预算数", "支出", "预算数"],
    ["一般公共预算拨款", 5941.79, "一般公共服务支出", 4829.6],
    ["政府性基金预算拨款", 0, "社会保障和就业支出", 1112.19],
    ["收入总计", 5941.79, "支出总计", 5941.79],
  ],
  numFmt: "#,##0.00",
  merge: ["A1:D1"],
};
const narrative: Sheet = { name: "情况说明", rows: source.map((line) => [line]) };

describe("an Excel workbook", () => {
  let document: DocumentText;
  beforeAll(async () => {
    document = await readDocument(await xlsxOf([table, narrative]), { file: "公开表.xlsx" });
  });

  it("is read as xlsx: each sheet's name on a line, then its rows, cells separated by tabs, numbers as the sheet shows them", () => {
    expect(document.kind).toBe("xlsx");
    expect(document.text.split("\n").slice(0, 7)).toEqual([
      "部门收支总表",
      "重庆市铜梁区财政局2025年部门收支总表",
      "\t\t单位：万元",
      "收入\t预算数\t支出\t预算数",
      "一般公共预算拨款\t5,941.79\t一般公共服务支出\t4,829.60",
      "政府性基金预算拨款\t0.00\t社会保障和就业支出\t1,112.19",
      "收入总计\t5,941.79\t支出总计\t5,941.79",
    ]);
    expect(document.text.split("\n")[7]).toBe("情况说明");
    for (const line of source) expect(squeezed(document.text)).toContain(squeezed(line));
  });

  it.each([
    { find: "部门收支总表\n", place: { kind: "xlsx", sheet: "部门收支总表", column: 1 } },
    { find: "单位：万元", place: { kind: "xlsx", sheet: "部门收支总表", cell: "C2", column: 1 } },
    { find: "4,829.60", place: { kind: "xlsx", sheet: "部门收支总表", cell: "D4", column: 1 } },
    { find: "1,112.19", place: { kind: "xlsx", sheet: "部门收支总表", cell: "D5", column: 1 } },
    { find: "11个职能科室", place: { kind: "xlsx", sheet: "情况说明", cell: `A${source.findIndex((line) => line.includes("11个职能科室")) + 1}` } },
  ])("maps $find to its sheet and cell", ({ find, place }) => {
    const offset = document.text.indexOf(find);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(document.locate(offset)).toMatchObject(place);
  });

  it("counts a column within a cell's text", () => {
    const row = source.findIndex((line) => line.includes("收入较2024年减少"));
    const offset = document.text.indexOf("收入较2024年减少");
    expect(document.locate(offset)).toEqual({
      kind: "xlsx",
      sheet: "情况说明",
      cell: `A${row + 1}`,
      column: (source[row] ?? "").indexOf("收入较2024年减少") + 1,
    });
  });
});

describe("a number as its format shows it", () => {
  it.each([
    [5941.79, undefined, "5941.79"],
    [5941.8, "0.00", "5941.80"],
    [1234567.5, "#,##0.00", "1,234,567.50"],
    [-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"],
    [1.005, "0.00", "1.01"],
    [0.3507, "0.00%", "35.07%"],
    [12, "0", "12"],
    [0.1 + 0.2, "General", "0.3"],
    [1e21, undefined, "1000000000000000000000"],
    [844.18, '0.00_ ;"-"', "844.18"],
    // As the workbook writes it: read from its text, never through a JS float.
    ["844.17999999999995", "0.00", "844.18"],
    ["825.6", "#,##0.00", "825.60"],
    ["-1234.5", "#,##0.00;[Red]-#,##0.00", "-1,234.50"],
    ["2.5", "0", "3"],
    ["-0", "0.00", "0.00"],
    ["007", "0", "7"],
    ["0.1", "0.00%", "10.00%"],
    ["1234567890123456", undefined, "1234567890123460"],
    ["1.0000000000000002", "General", "1"],
  ])("%s in %s is %s", (value, numFmt, expected) => {
    expect(formattedNumber(value, numFmt)).toBe(expected);
  });
});
