import { describe, expect, it } from "vitest";
import { declareDocument } from "../../src/document/declare/declaration-text.js";
import { readDocument } from "../../src/document/formats/read.js";
import { corpusText, docxOf, linesOf, pdfOf, typeset, xlsxOf } from "../read-document/documents.js";

/** The declaration without its comments: what it states, wherever the figures stood. */
const stated = (yaml: string) =>
  yaml
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, ""))
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))
    .join("\n");

describe("import declares the same figures from a document in any form", () => {
  it.each(["daying-jinyuan-2023", "tongliang-anju-2021-sangong", "yilong-qunzhongbu-2015"])("%s", async (document) => {
    const text = corpusText(document);
    const lines = linesOf(text);
    const fromText = declareDocument(await readDocument(Buffer.from(text)));
    for (const bytes of [await docxOf(lines), await xlsxOf([{ name: "情况说明", rows: lines.map((line) => [line]) }])]) {
      const read = await readDocument(bytes);
      const yaml = declareDocument(read);
      expect(stated(yaml)).toBe(stated(fromText));
      // Each figure's place is the document's own: a paragraph of the Word file, a cell of the workbook.
      expect(yaml).toMatch(read.kind === "docx" ? /# paragraph \d+/ : /# 情况说明!A\d+/);
    }
  });

  // A PDF breaks lines inside sentences and adds a header and page footers: its statements' text is the
  // page's, as printed, but every figure declared is the same.
  it.each(["daying-jinyuan-2023", "tongliang-anju-2021-sangong", "yilong-qunzhongbu-2015"])("%s, typeset as a PDF", async (document) => {
    const text = corpusText(document);
    const figures = (yaml: string) =>
      stated(yaml)
        .split("\n")
        .filter((line) => !/^\s*(?:- )?(?:text|section): /.test(line))
        .join("\n");
    const fromText = declareDocument(await readDocument(Buffer.from(text)));
    const yaml = declareDocument(await readDocument(await pdfOf(typeset(text, 38, 40, `${document} 部门预算`))));
    expect(figures(yaml)).toBe(figures(fromText));
    expect(yaml).toMatch(/# page \d+, line \d+/);
  });
});
