import { beforeAll, describe, expect, it } from "vitest";
import { readDocument } from "../../src/read/document/read.js";
import type { DocumentText } from "../../src/read/document/document.js";
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
    expect(lines.slice(4, 7)).toEqual(["项目\t2025年预算数\t2024年预算数", "一般公共预算拨款\t5941.79\t6785.97", "合计\t5941.79 （万元）\t6785.97"]);
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
