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
      zh: "读不了的文档（损坏的 Word 或 Excel 文件、只有扫描图像的 PDF、无法识别编码的文本、超过 --max-file-size 的文件）报告为一个错误，指向文件开头，从不当作通过的检查跳过；读得了但一个数字（句子或表格）也没有读出的文件同样报告为错误，说明什么也没有核对。这些情况的退出码都是 2（检查没有完成），不是 1。",
      en: "A document that cannot be read (a damaged Word or Excel file, a PDF of scanned images only, text in an encoding that cannot be told, a file above --max-file-size) is one error at the start of the file, never skipped as if it passed; so is a file that can be read but from which no figure (sentence or table) was read: nothing was checked. Each of these makes the exit code 2 (the check did not run for the file), not 1.",
    },
    messages: {
      unreadable: { text: { zh: "无法读取该文件：{detail}", en: "The file cannot be read: {detail}" } },
      "too-large": {
        text: {
          zh: "文件有 {size}，超过了上限 {limit}，未检查；可用 --max-file-size 调整",
          en: "The file is {size}, above the limit of {limit}, and was not checked; --max-file-size changes the limit",
        },
      },
      "nothing-read": {
        text: {
          zh: "没有从该文件读出任何数字（句子或表格），因此什么也没有核对：请确认它是预算公开的情况说明或公开表，文字可以复制",
          en: "No figure was read from this file (no sentence, no table), so nothing was checked: make sure it is a budget disclosure whose text can be copied",
        },
      },
      "internal-error": {
        text: { zh: "读取原文时出错，本文件未检查完整：{detail}", en: "Reading the text failed, so this file was not fully checked: {detail}" },
      },
    },
  },
};
