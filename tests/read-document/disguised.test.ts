import { describe, expect, it } from "vitest";
import { DocumentError } from "../../src/document/formats/document.js";
import { detectFormat } from "../../src/document/formats/format.js";
import { checkDocument } from "../../src/run/check-document.js";
import { pdfOf } from "./documents.js";

const sentence = "机关运行经费财政拨款预算为46.8万元,较2022年预算增加15.60万元,增长33.33%。";
const mht = [
  "MIME-Version: 1.0",
  'Content-Type: multipart/related; boundary="----=_NextPart_01DA"',
  "",
  "------=_NextPart_01DA",
  'Content-Type: text/html; charset="utf-8"',
  "",
  `<html xmlns:w="urn:schemas-microsoft-com:office:word"><body><p>${sentence}</p></body></html>`,
].join("\r\n");
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">\n<body><p>${sentence}</p></body></html>`;

/** What reading the file says: its format, or the problem and the first words of its English message. */
function told(bytes: Uint8Array, file: string): string {
  try {
    return detectFormat(bytes, file);
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    expect(error.text.zh).toMatch(/^[^\n]+$/);
    expect(error.text.en).toMatch(/^[^\n]+$/);
    return `${error.problem}: ${error.text.en.split(":")[0]}`;
  }
}

describe("a file that is not what its name says is refused in one line, never passed (issue 21)", () => {
  it.each([
    {
      what: "an MHT page saved as .doc",
      bytes: Buffer.from(mht),
      file: "情况说明.doc",
      told: "unsupported: the file is a web page (HTML or MHT, as Word's “save as web page” writes it), not a Word document",
    },
    {
      what: "Word's HTML saved as .doc",
      bytes: Buffer.from(wordHtml),
      file: "情况说明.doc",
      told: "unsupported: the file is a web page (HTML or MHT, as Word's “save as web page” writes it), not a Word document",
    },
    {
      what: "an HTML page with a doctype, named .txt",
      bytes: Buffer.from(`<!DOCTYPE html>\n${wordHtml}`),
      file: "a.txt",
      told: "unsupported: the file is a web page (HTML or MHT, as Word's “save as web page” writes it), not a Word document",
    },
    { what: "plain text named .docx", bytes: Buffer.from(sentence), file: "情况说明.docx", told: "unsupported: the file is named .docx but holds plain text" },
    { what: "plain text named .xls", bytes: Buffer.from(sentence), file: "表.xls", told: "unsupported: the file is named .xls but holds plain text" },
    { what: "plain text named .pdf", bytes: Buffer.from(sentence), file: "情况说明.pdf", told: "unsupported: the file is named .pdf but holds plain text" },
    // what its content says, whatever the name
    { what: "plain text named .txt", bytes: Buffer.from(sentence), file: "情况说明.txt", told: "text" },
    { what: "plain text with no name", bytes: Buffer.from(sentence), file: undefined, told: "text" },
    { what: "a narrative that mentions <html> inside a line", bytes: Buffer.from(`网页中的<html>标签。${sentence}`), file: "a.txt", told: "text" },
  ])("$what: $told", ({ bytes, file, told: expected }) => {
    expect(told(bytes, file as string)).toBe(expected);
  });

  it("checking an MHT .doc is a one-line finding and exit 2, never “no problems”", async () => {
    const { report } = await checkDocument(Buffer.from(mht), { file: "情况说明.doc", lang: "en" });
    expect(report.findings.map((finding) => `${finding.rule}/${finding.messageId}`)).toEqual(["document/unreadable"]);
  });
});

describe("a narrative is not taken for a PDF or a declaration by a word it quotes (issue 21)", () => {
  it.each([
    { what: "a narrative quoting %PDF- in its first KB", bytes: () => Buffer.from(`附件格式为%PDF-1.7文件。\n${sentence}`), file: "a.txt", told: "text" },
    { what: "a narrative with a version: line that is no number", bytes: () => Buffer.from(`version: 2025年修订版\n${sentence}`), file: "a.txt", told: "text" },
    { what: "a narrative with a version: line in words", bytes: () => Buffer.from(`${sentence}\nversion: 第二版\n`), file: "说明", told: "text" },
    // what is a PDF or a declaration stays one
    {
      what: "a PDF after some bytes of junk",
      bytes: async () => Buffer.concat([Buffer.from("\r\n\r\n"), Buffer.from(await pdfOf([[sentence]]))]),
      file: "x",
      told: "pdf",
    },
    { what: "a PDF header first, the rest cut off", bytes: () => Buffer.from("%PDF-1.4\n%âãÏÓ\n"), file: "x.pdf", told: "pdf" },
    { what: "a declaration named .txt", bytes: () => Buffer.from("# 某局\nversion: 1\ndepartment: 某局\n"), file: "decl.txt", told: "declaration" },
    { what: "a declaration with a comment on its version line", bytes: () => Buffer.from("version: 1 # format\n"), file: undefined, told: "declaration" },
  ])("$what: $told", async ({ bytes, file, told: expected }) => {
    expect(told(await bytes(), file as string)).toBe(expected);
  });
});
