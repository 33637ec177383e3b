import { describe, expect, it } from "vitest";
import type { SetAside } from "../../src/document/formats/document.js";
import { readDocument } from "../../src/document/formats/read.js";
import { workbookOf, type SheetXml } from "./office-zip.js";

const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;
const rows = (...cells: string[][]) => `<sheetData>${cells.map((row, index) => `<row r="${index + 1}">${row.join("")}</row>`).join("")}</sheetData>`;
const prefixed = (body: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</x:worksheet>`);

/** A title merged over three columns, with a value a program wrote under it, and the unit beside it. */
const merged = `${rows([inline("A1", "标题"), inline("B1", "重复"), inline("D1", "单位：万元")], [inline("A2", "收入")])}<mergeCells><mergeCell ref="A1:C1"/></mergeCells>`;

interface Case {
  what: string;
  sheets: SheetXml[];
  options?: Parameters<typeof workbookOf>[1];
  /** The text after the first sheet's name line. */
  lines: string[];
  setAside?: SetAside[];
}

/** Workbooks written part by part, as office programs and exporters write them: what each cell shows, and what is set aside. */
const cases: Case[] = [
  {
    what: "shared strings: runs of rich text joined, a phonetic guide (rPh) not printed",
    sheets: [{ name: "表1", data: rows(['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>']) }],
    options: { strings: ["<t>表1</t>", '<r><t>部门</t></r><r><rPr><b/></rPr><t>收支总表</t></r><rPh sb="0" eb="2"><t>ぶもん</t></rPh>'] },
    lines: ["表1\t部门收支总表"],
  },
  { what: "inline strings", sheets: [{ name: "表1", data: rows([inline("A1", "收入"), inline("B1", "支出")]) }], lines: ["收入\t支出"] },
  {
    what: "numbers from the workbook's own text, to 15 significant digits, at the decimals their format shows",
    sheets: [
      {
        name: "表1",
        data: rows([
          '<c r="A1" s="1"><v>844.17999999999995</v></c>',
          '<c r="B1" s="2"><v>1234567.5</v></c>',
          '<c r="C1"><v>0.30000000000000004</v></c>',
          '<c r="D1" s="3"><v>0.3507</v></c>',
          '<c r="E1" s="4"><v>1.005</v></c>',
        ]),
      },
    ],
    options: { formats: ["#,##0.00", 4, 10, '0.00_ ;"-"'] },
    lines: ["844.18\t1,234,567.50\t0.3\t35.07%\t1.01"],
  },
  {
    what: "dates by their format (built-in and written), in the 1900 and 1904 systems",
    sheets: [{ name: "表1", data: rows(['<c r="A1" s="1"><v>45658</v></c>', '<c r="B1" s="2"><v>45658.5</v></c>']) }],
    options: { formats: [14, 'yyyy"年"m"月"d"日"'] },
    lines: ["2025-01-01\t2025-01-01"],
  },
  {
    what: "the 1904 date system",
    sheets: [{ name: "表1", data: rows(['<c r="A1" s="1"><v>0</v></c>']) }],
    options: { formats: [14], date1904: true },
    lines: ["1904-01-01"],
  },
  {
    what: "booleans, errors, a formula's saved string, ISO dates",
    sheets: [
      {
        name: "表1",
        data: rows([
          '<c r="A1" t="b"><v>1</v></c>',
          '<c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
          '<c r="C1" t="str"><f>A2&amp;"元"</f><v>5元</v></c>',
          '<c r="D1" t="d"><v>2025-03-01T00:00:00</v></c>',
        ]),
      },
    ],
    lines: ["TRUE\t#DIV/0!\t5元\t2025-03-01"],
  },
  {
    what: "a formula saved without its value (also a shared one) shows nothing: set aside, never read as blank",
    sheets: [
      {
        name: "表7",
        data: rows([inline("A1", "合计"), '<c r="B1"><f>SUM(B2:B3)</f></c>', '<c r="C1"><f t="shared" si="0"/></c>', '<c r="D1"><f>1+1</f><v>2</v></c>']),
      },
    ],
    lines: ["合计\t\t\t2"],
    setAside: [
      { text: "表7!B1", why: "formula" },
      { text: "表7!C1", why: "formula" },
    ],
  },
  {
    what: "a merged area shows its first cell only, even when a program wrote values under it",
    sheets: [{ name: "表1", data: merged }],
    lines: ["标题\t\t\t单位：万元", "收入"],
  },
  {
    what: "elements with a namespace prefix (x:row), as some exporters write them",
    sheets: [
      {
        name: "表1",
        data: prefixed(
          '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>收入</x:t></x:is></x:c><x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData>',
        ),
      },
    ],
    lines: ["收入\t5"],
  },
  {
    what: "rows and cells without their numbers follow the one before; rows out of order are put in order",
    sheets: [
      {
        name: "表1",
        data: `<sheetData><row r="3"><c><v>3</v></c></row><row r="1"><c t="inlineStr"><is><t>甲</t></is></c><c><v>1</v></c></row><row><c r="C2"><v>2</v></c></row></sheetData>`,
      },
    ],
    lines: ["甲\t1", "\t\t2", "3"],
  },
  {
    what: "a line break in a cell is U+2028 as in a Word cell (never a space, which would join 120 and 500), a tab a space; _x000D_ escapes, CDATA and entities are read",
    sheets: [
      {
        name: "表1",
        data: rows([inline("A1", "第一行\n第二行"), inline("B1", "甲_x000D_乙"), inline("C1", "<![CDATA[a<b]]>"), inline("D1", "R&amp;D&#x4E00;")]),
      },
    ],
    lines: ["第一行\u2028第二行\t甲\u2028乙\ta<b\tR&D一"],
  },
  {
    what: "hidden rows and sheets (very hidden too) are not what is published: left out, and named",
    sheets: [
      {
        name: "表3",
        data: `<sheetData><row r="1">${inline("A1", "合计")}</row><row r="2" hidden="1">${inline("A2", "旧的一行")}</row><row r="3" hidden="true"/></sheetData>`,
      },
      { name: "表3 旧版", data: rows([inline("A1", "旧")]), state: "hidden" },
      { name: "底稿", data: rows([inline("A1", "底")]), state: "veryHidden" },
    ],
    lines: ["合计"],
    setAside: [
      { text: "表3!2:2", why: "hidden" },
      { text: "表3 旧版", why: "hidden" },
      { text: "底稿", why: "hidden" },
    ],
  },
];

describe("a workbook's cells, read from its XML as it unpacks", () => {
  it.each(cases)("$what", async ({ sheets, options, lines, setAside }) => {
    const document = await readDocument(workbookOf(sheets, options), { file: "x.xlsx" });
    expect(document.text.split("\n")).toEqual([sheets[0]?.name, ...lines]);
    expect(document.setAside).toEqual(setAside);
  });

  it.each([
    { find: "标题", cell: "A1" },
    { find: "单位：万元", cell: "D1" },
    { find: "收入", cell: "A2" },
  ])("places $find at its cell", async ({ find, cell }) => {
    const document = await readDocument(workbookOf([{ name: "表1", data: merged }]), { file: "x.xlsx" });
    expect(document.locate(document.text.indexOf(find))).toEqual({ kind: "xlsx", sheet: "表1", cell, column: 1 });
  });
});
