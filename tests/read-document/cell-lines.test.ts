import { describe, expect, it } from "vitest";
import { documentXmlText } from "../../src/document/formats/docx.js";
import { amountOf } from "../../src/document/tables/amount.js";
import { readDisclosure } from "../../src/document/sentences/read.js";

const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraph = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const cell = (...paragraphs: string[]) => `<w:tc>${paragraphs.join("")}</w:tc>`;
const body = (xml: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`;
const row = (...cells: string[]) => `<w:tbl><w:tr>${cells.join("")}</w:tr></w:tbl>`;

/** The amounts the sentence reader reads from a Word document's text. */
async function amounts(xml: string): Promise<string[]> {
  const { text } = await documentXmlText(body(xml));
  return readDisclosure(text)
    .sentences.flatMap((sentence) => sentence.figures)
    .filter((figure) => !figure.unknown)
    .map((figure) => `${figure.value.toString()}${figure.unit}`);
}

describe("a line break inside a Word cell is a line break, never a space that joins what it separates (issue 21)", () => {
  it.each([
    // w:br, w:cr and a second paragraph in one cell: each a line break within the cell (U+2028), as Word shows it
    { what: "w:br", xml: row(cell(paragraph(t("表3"), "<w:br/>", t("125.04万元")))), text: "表3\u2028125.04万元" },
    { what: "w:cr", xml: row(cell(paragraph(t("120"), "<w:cr/>", t("500")))), text: "120\u2028500" },
    { what: "two paragraphs", xml: row(cell(paragraph(t("120")), paragraph(t("500")))), text: "120\u2028500" },
    { what: "a tab in a cell", xml: row(cell(paragraph(t("甲"), "<w:tab/>", t("乙")))), text: "甲 乙" },
  ])("$what: $text", async ({ xml, text }) => {
    expect((await documentXmlText(body(xml))).text).toBe(text);
  });

  it.each([
    // a number over a number is never one number (3125.04, 120500: a space between groups of three is a separator);
    // digits over digits and a unit may be half a number: not read (split-digits), never 0 or 125.04 guessed
    { what: "a table's number over an amount", xml: row(cell(paragraph(t("表3"), "<w:br/>", t("125.04万元")))), read: [] },
    { what: "two amounts on two lines", xml: row(cell(paragraph(t("120万元")), paragraph(t("500万元")))), read: ["120万元", "500万元"] },
    { what: "digits over digits", xml: row(cell(paragraph(t("2")), paragraph(t("000万元")))), read: [] },
    // a label wrapped in its cell is one label, its figure after it
    { what: "a wrapped label", xml: row(cell(paragraph(t("一般公共"), "<w:br/>", t("服务支出120万元")))), read: ["120万元"] },
  ])("the sentence reader: $what", async ({ xml, read }) => {
    expect(await amounts(xml)).toEqual(read);
  });

  it.each([
    ["120\u2028500", undefined],
    ["120\n500", undefined],
    ["120 500", "120500"],
    ["1,234.50", "1234.50"],
  ])("a table cell %j is the amount %s", (text, value) => {
    expect(amountOf(text)?.value).toBe(value);
  });
});
