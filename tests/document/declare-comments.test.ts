import { describe, expect, it } from "vitest";
import { declareDocument } from "../../src/document/declare/declaration-text.js";
import type { DocumentText } from "../../src/document/formats/document.js";

const text = (body: string): DocumentText => ({ kind: "text", text: body, locate: () => ({ kind: "text", line: 1, column: 1 }) });
const head = (body: string, lang: "zh" | "en") => declareDocument(text(body), lang).split("\n").slice(0, 4).join("\n");

describe("import's own comments are in the report's language, and a year not printed is never passed off as read", () => {
  it.each([
    [
      "zh",
      "2025年收入预算100万元，其中财政拨款60万元，其他收入40万元。",
      ["# 由 `budget-rules import` 从公开文本读出", "year: 2025 # 不是从标题读出的：取文中出现的最晚年份，请核对"],
    ],
    [
      "en",
      "2025年收入预算100万元，其中财政拨款60万元，其他收入40万元。",
      ["# Read from the disclosure by `budget-rules import`", "year: 2025 # not read from a title: the latest year the text names"],
    ],
    ["zh", "收入预算100万元，其中财政拨款60万元，其他收入40万元。", ["year: ", "# 文中没有写年份：这是今年，请改为预算年度"]],
    ["en", "收入预算100万元，其中财政拨款60万元，其他收入40万元。", ["# the text names no year: this is the current year; correct it to the budget's"]],
  ] as const)("%s: %s", (lang, body, words) => {
    const written = head(body, lang);
    for (const word of words) expect(written).toContain(word);
    expect(written).not.toContain(lang === "zh" ? "the text" : "文中");
  });
});
