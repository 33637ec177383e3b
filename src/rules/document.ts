import type { Rule } from "./rule.js";

/** Reading a document (text, Word, PDF, Excel), described like a rule so that reports, `rules` and `explain` treat it the same. */
export const document: Rule = {
  id: "document",
  meta: {
    name: "ReadableDocument",
    description: {
      zh: "文档（.txt、.docx、.pdf、.xlsx）可以读取：不是损坏的文件，有文字层，编码可以识别。",
      en: "The document (.txt, .docx, .pdf, .xlsx) can be read: not a damaged file, with a text layer, in an encoding that can be told.",
    },
    defaultSeverity: "error",
    docs: {
      zh: "读不了的文档（损坏的 Word 或 Excel 文件、只有扫描图像的 PDF、无法识别编码的文本、超过 --max-file-size 的文件）报告为一个错误，指向文件开头，从不当作通过的检查跳过。",
      en: "A document that cannot be read (a damaged Word or Excel file, a PDF of scanned images only, text in an encoding that cannot be told, a file above --max-file-size) is one error at the start of the file, never skipped as if it passed.",
    },
    messages: {
      unreadable: { text: { zh: "无法读取该文件：{detail}", en: "The file cannot be read: {detail}" } },
      "too-large": {
        text: {
          zh: "文件有 {size}，超过了上限 {limit}，未检查；可用 --max-file-size 调整",
          en: "The file is {size}, above the limit of {limit}, and was not checked; --max-file-size changes the limit",
        },
      },
      "internal-error": {
        text: { zh: "读取原文时出错，本文件未检查完整：{detail}", en: "Reading the text failed, so this file was not fully checked: {detail}" },
      },
    },
  },
};
