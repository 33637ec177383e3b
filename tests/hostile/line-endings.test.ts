import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/run/check-text.js";

const seed = readFileSync(new URL("../../fixtures/wuchang-2025.yaml", import.meta.url), "utf8");
const findingsOf = (text: string) =>
  checkText(text, { lang: "en" }).findings.map(({ rule, messageId, line, column, message }) => ({ rule, messageId, line, column, message }));

describe("line endings", () => {
  const expected = findingsOf(seed);
  it.each([
    ["CR LF", seed.replace(/\n/g, "\r\n")],
    ["CR LF, the last line ending in a bare CR", seed.replace(/\n/g, "\r\n").slice(0, -1)],
    ["CR LF, no final line break", seed.replace(/\n/g, "\r\n").slice(0, -2)],
    ["CR alone (classic Mac OS)", seed.replace(/\n/g, "\r")],
    // (A CR before an empty line that ends in LF would be one CR LF break, so those keep LF.)
    [
      "a mix of all three",
      seed
        .split("\n")
        .map((line, index, lines) => line + (index % 3 === 1 ? "\r\n" : index % 3 === 2 && lines[index + 1] !== "" ? "\r" : "\n"))
        .join(""),
    ],
  ])("%s read like LF: the same findings at the same places", (_name, text) => {
    expect(expected.length).toBeGreaterThan(0);
    expect(findingsOf(text)).toEqual(expected);
  });
});
