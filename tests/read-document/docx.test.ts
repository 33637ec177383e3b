import { beforeAll, describe, expect, it } from "vitest";
import { documentXmlText } from "../../src/document/formats/docx.js";
import { readDocument } from "../../src/document/formats/read.js";
import type { DocumentText } from "../../src/document/formats/document.js";
import { corpusText, docxOf, linesOf, squeezed, type Block } from "./documents.js";

const source = linesOf(corpusText("tongliang-czj-2025"));
const table = {
  rows: [
    ["项目", "2025年预算数", "2024年预算数"],
    ["一般公共预算拨款", "5941.79", "6785.97"],
    ["合计", "5941.79\n（万元）", "6785.97"],
  ],
};
/** The corpus text as a finance officer writes it in Word: its lines as paragraphs, a table after the fourth, an empty paragraph and a line broken inside. */
const blocks: Block[] = [...source.slice(0, 4), table, "", `${source[4]}\n${source[5]}`, ...source.slice(6)];

describe("a Word document", () => {
  let document: DocumentText;
  beforeAll(async () => {
    document = await readDocument(await docxOf(blocks), { file: "情况说明.docx" });
  });

  it("is read as docx, with every paragraph of the corpus in its text", () => {
    expect(document.kind).toBe("docx");
    for (const line of source) expect(squeezed(document.text)).toContain(squeezed(line));
  });

  it("gives a paragraph per line and a table row per line, its cells separated by tabs", () => {
    const lines = document.text.split("\n");
    expect(lines.slice(0, 4)).toEqual(source.slice(0, 4));
    expect(lines.slice(4, 7)).toEqual(["项目\t2025年预算数\t2024年预算数", "一般公共预算拨款\t5941.79\t6785.97", "合计\t5941.79\u2028（万元）\t6785.97"]);
    expect(lines[7]).toBe("");
    // A soft line break inside a paragraph is a line break in the text too.
    expect(lines.slice(8, 10)).toEqual([source[4], source[5]]);
  });

  // Paragraphs are counted as Word holds them: 4 before the table, its 3 × 3 cells and the second paragraph of one (14),
  // the empty one (15), the one with a soft break (16), then the corpus's seventh line onwards (17…).
  it.each([
    { what: "the first paragraph", find: source[0] ?? "", at: 0, place: { kind: "docx", paragraph: 1, column: 1 } },
    { what: "a word in the paragraph after them", find: "职能科室", at: 0, place: { kind: "docx", paragraph: 17 } },
    { what: "a cell of the table", find: "6785.97", at: 0, place: { kind: "docx", paragraph: 10, column: 1, table: { table: 1, row: 2, cell: 3 } } },
    {
      what: "the second paragraph of a cell",
      find: "（万元）",
      at: 0,
      place: { kind: "docx", paragraph: 13, column: 1, table: { table: 1, row: 3, cell: 2 } },
    },
    {
      what: "the line after a soft break, in the same paragraph",
      find: source[5] ?? "",
      at: 0,
      place: { kind: "docx", paragraph: 16, column: (source[4]?.length ?? 0) + 2 },
    },
    { what: "a figure in a later paragraph", find: "5941.79万元,其中", at: 4, place: { kind: "docx", paragraph: 20, column: 15 } },
  ])("maps $what to its paragraph", ({ find, at, place }) => {
    const offset = document.text.indexOf(find) + at;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(document.locate(offset)).toMatchObject(place);
  });

  it("counts a column within the paragraph", () => {
    const paragraph = source.find((line) => line.includes("11个职能科室")) ?? "";
    const offset = document.text.indexOf("11个职能科室");
    expect(document.locate(offset)).toEqual({ kind: "docx", paragraph: 17, column: paragraph.indexOf("11个职能科室") + 1 });
  });
});

const body = (content: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="w" xmlns:mc="mc" xmlns:wps="wps"><w:body>${content}</w:body></w:document>`;
const paragraph = (...runs: string[]) => `<w:p>${runs.map((run) => `<w:r>${run}</w:r>`).join("")}</w:p>`;
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;

describe("what Word's XML says, as text", () => {
  it.each([
    { what: "runs of one paragraph are joined", xml: paragraph(t("2025年年初预算数"), t("5941.79"), t("万元")), text: "2025年年初预算数5941.79万元" },
    { what: "spaces are kept and entities read", xml: paragraph(t(" 收入 &amp; 支出 &#x4E07;元 ")), text: " 收入 & 支出 万元 " },
    { what: "a tab and a line break", xml: paragraph(t("项目"), "<w:tab/>", t("金额"), "<w:br/>", t("合计")), text: "项目\t金额\n合计" },
    {
      what: "deleted text and field codes are not text",
      xml: paragraph(t("增长"), "<w:delText>8.5</w:delText><w:instrText> PAGE </w:instrText>", t("9.5%")),
      text: "增长9.5%",
    },
    {
      what: "a drawing's text box is read once (not again from its fallback), as a paragraph after its anchor",
      xml: paragraph(
        t("正文"),
        `<mc:AlternateContent><mc:Choice><w:drawing><wps:txbx><w:txbxContent>${paragraph(t("框内"))}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${paragraph(t("框内"))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>`,
      ),
      text: "正文\n框内",
    },
    {
      what: "hidden text (w:vanish) is not printed, so not read",
      xml: `<w:p><w:r>${t("增长")}</w:r><w:r><w:rPr><w:vanish/></w:rPr>${t("8.5%")}</w:r><w:r>${t("9.5%")}</w:r></w:p>`,
      text: "增长9.5%",
    },
    {
      what: "text moved (w:moveFrom … w:moveTo) is read once, where it was moved to",
      xml: `<w:p><w:moveFrom><w:r>${t("825.04万元")}</w:r></w:moveFrom><w:r>${t("收入")}</w:r><w:moveTo><w:r>${t("825.04万元")}</w:r></w:moveTo></w:p>`,
      text: "收入825.04万元",
    },
    {
      what: "a row that starts at a later column of the grid keeps its cells under their columns (w:gridBefore), and a merged cell its span (w:gridSpan)",
      xml: `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>${paragraph(t("150.00"))}</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${paragraph(t("合计"))}</w:tc><w:tc>${paragraph(t("150.00"))}</w:tc></w:tr></w:tbl>`,
      text: "\t150.00\n合计\t\t150.00",
    },
    {
      what: "a content control's rows are the table's rows",
      xml: `<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc>${paragraph(t("甲"))}</w:tc><w:tc>${paragraph(t("1.00"))}</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>`,
      text: "甲\t1.00",
    },
  ])("$what", async ({ xml, text }) => {
    expect((await documentXmlText(body(xml))).text).toBe(text);
  });
});
