import { beforeAll, describe, expect, it } from "vitest";
import type { DocumentText } from "../../src/document/formats/document.js";
import { readDocument } from "../../src/document/formats/read.js";
import { corpusText, linesOf, pdfOf, squeezed, typeset } from "./documents.js";

const text = corpusText("tongliang-czj-2025");
const header = "重庆市铜梁区财政局 2025年单位预算情况说明";
/** Lines of 38 characters, 20 to a page: the corpus's sentences and numbers break across lines and pages. */
const pages = typeset(text, 38, 20, header);

/** Where a piece of the drawn text stands: its page, line and column (1-based), from the lines as drawn. */
function drawnAt(find: string): { page: number; line: number; column: number } {
  for (const [page, lines] of pages.entries()) {
    for (const [line, drawn] of lines.entries()) {
      const column = drawn.indexOf(find);
      if (column >= 0) return { page: page + 1, line: line + 1, column: column + 1 };
    }
  }
  throw new Error(`${find} is not drawn on one line`);
}

describe("a PDF's text layer", () => {
  let document: DocumentText;
  beforeAll(async () => {
    document = await readDocument(await pdfOf(pages), { file: "情况说明.pdf" });
  });

  it("is read as pdf, with every line of the corpus in its text (between the page headers and footers)", () => {
    expect(pages.length).toBeGreaterThan(1);
    expect(document.kind).toBe("pdf");
    const body = document.text.split("\n").filter((line) => line !== header && !/^第 \d+ 页 共 \d+ 页$/.test(line));
    for (const line of linesOf(text)) expect(squeezed(body.join("\n"))).toContain(squeezed(line));
  });

  it("keeps each page's lines in reading order, header and footer too, a page break being a newline", () => {
    const lines = document.text.split("\n");
    expect(lines).toHaveLength(pages.flat().length);
    expect(lines.map(squeezed)).toEqual(pages.flat().map(squeezed));
    expect(lines.filter((line) => line === header)).toHaveLength(pages.length);
  });

  it.each(["重庆市铜梁区财政局为区政府工作部门", "11个职能科室", "5941.79万元,其中", "收入较2024年减少", `第 2 页 共 ${pages.length} 页`])(
    "maps %s to the page, line and column it is drawn at",
    (find) => {
      const offset = document.text.indexOf(find);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(document.locate(offset)).toEqual({ kind: "pdf", ...drawnAt(find) });
    },
  );

  it("maps the header of the second page after the page break", () => {
    const offset = document.text.indexOf(header, 1);
    expect(document.locate(offset)).toEqual({ kind: "pdf", page: 2, line: 1, column: 1 });
    // The newline before it belongs to the line it ends: the footer of page 1.
    expect(document.locate(offset - 1)).toEqual({ kind: "pdf", page: 1, line: pages[0]?.length, column: (pages[0]?.at(-1)?.length ?? 0) + 1 });
  });

  it("is detected by its content whatever its name", async () => {
    const bytes = await pdfOf([["2025年年初预算数5941.79万元。"]]);
    for (const file of ["scan.txt", "情况说明", "decl.yaml"]) expect((await readDocument(bytes, { file })).kind).toBe("pdf");
  });
});
