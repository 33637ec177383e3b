import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/finding.js";
import { codeFrame, displayWidth } from "../src/report/code-frame.js";

function at(line: number, column: number, endColumn: number): Finding {
  return { rule: "sum", messageId: "x", severity: "error", message: "", path: "", line, column, endLine: line, endColumn };
}

/** The text the caret stands under, read off the frame as a terminal shows it (display columns). */
function underCaret(frame: string): string {
  const rows = frame.split("\n");
  const caretRow = rows.findIndex((row) => /\|\s*\^+$/.test(row));
  const caret = rows[caretRow] ?? "";
  const source = rows[caretRow - 1] ?? "";
  const left = stringWidth(caret.slice(0, caret.indexOf("^")));
  const length = caret.length - caret.indexOf("^");
  // Walk the source line by display width to the caret's columns.
  let width = 0;
  let text = "";
  for (const character of source) {
    if (width >= left && width < left + length) text += character;
    width += stringWidth(character);
  }
  return text;
}

describe("display width", () => {
  // string-width (a dev dependency only) is the oracle for the texts a disclosure prints.
  it.each([
    ["ASCII", "amount: 10"],
    ["Chinese", "一般公共预算拨款收入"],
    ["full-width punctuation and digits", "（１２３．４５）：，。％"],
    ["mixed", "基本支出 1085203.63 万元，占 45.6%"],
    ["a combining mark", "e\u0301"],
    ["a zero-width joiner and a byte-order mark", "a\u200db\ufeff"],
    ["a Hangul syllable", "한국"],
    ["an ellipsis", "…"],
    ["empty", ""],
  ])("%s", (_, text) => {
    expect(displayWidth(text)).toBe(stringWidth(text));
  });
});

describe("code frames", () => {
  it.each([
    ["in ASCII", "amount: 10", "10"],
    ["after Chinese text (two columns a character)", "- { name: 招聘活动场次, values: { 2024: 10 } }", "10"],
    ["after full-width punctuation", "name: （一）合计，amount: 825.04", "825.04"],
    ["after a character outside the BMP", "name: 𠀀𠀀, amount: 7", "7"],
    ["after a tab", "\tamount: 3", "3"],
  ])("put the caret under the figure %s", (_name, line, figure) => {
    // Columns count UTF-16 units, as the YAML positions do.
    const column = line.lastIndexOf(figure) + 1;
    expect(underCaret(codeFrame([line], at(1, column, column + figure.length)))).toBe(figure);
  });

  it.each([
    ["an escape sequence", "name: \u001b[2J\u001b]8;;http://x\u0007a, amount: 1"],
    ["a carriage return", "name: a\rb, amount: 1"],
    ["a right-to-left override", "name: \u202eabc, amount: 1"],
    ["a C1 control", "name: \u009b31m, amount: 1"],
  ])("show %s as a visible mark, never as itself", (_name, line) => {
    const frame = codeFrame([line], at(1, line.length, line.length + 1));
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(frame).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(frame).toContain("\ufffd");
    expect(underCaret(frame)).toBe("1");
  });

  it.each([
    ["at the start", 3],
    ["in the middle", 20_000],
    ["at the end", 39_990],
  ])("show a window of a long line with the figure %s", (_name, offset) => {
    const line = "x".repeat(offset) + "99" + "y".repeat(40_000 - offset);
    const frame = codeFrame([line, line, line], at(2, offset + 1, offset + 3));
    expect(underCaret(frame)).toBe("99");
    for (const row of frame.split("\n")) expect(stringWidth(row)).toBeLessThan(200);
  });
});
