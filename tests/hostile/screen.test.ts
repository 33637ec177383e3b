import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/run/check-text.js";
import { githubSummary } from "../../src/report/github.js";
import { reportOf } from "../../src/report/report.js";
import { formatStylish } from "../../src/report/stylish.js";
import { declaration } from "../rule-tester.js";

/** A line whose name is `name` and whose amount disagrees with its total, so that the name is printed. */
const withName = (name: string) =>
  declaration(`
    tables:
      - id: t
        title: 表
        total: { amount: 5 }
        lines: [{ name: ${JSON.stringify(name)}, amount: 4 }]
  `);

const hostileNames: [string, string][] = [
  ["an ANSI escape that clears the screen", "甲\u001b[2J\u001b[H"],
  ["an OSC 8 hyperlink", "\u001b]8;;https://example.invalid\u0007甲\u001b]8;;\u0007"],
  ["a carriage return that overwrites the line", "甲\r✔ no problems"],
  ["a right-to-left override", "甲\u202e txt.exe"],
  ["a C1 control sequence introducer", "甲\u009b2J"],
  ["a bell and a backspace", "甲\u0007\u0008"],
];

describe("what is printed cannot take over the reader's screen or page", () => {
  it.each(hostileNames)("stylish shows %s as text, not as a terminal command", (_name, name) => {
    const file = `odd${name}.yaml`;
    const report = reportOf([checkText(withName(name), { file, lang: "en" })]);
    expect(report.summary.error).toBe(1);
    const text = formatStylish(report, {
      lang: "en",
      chalk: new Chalk({ level: 0 }),
      sources: new Map([[file, withName(name)]]),
      failOn: "error",
      version: "x",
    });
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain("\ufffd");
  });

  it.each<[string, string]>([
    ...hostileNames,
    ["HTML", '<img src=x onerror="alert(1)"><script>alert(1)</script>'],
    ["a Markdown link and image", "[点这里](https://example.invalid) ![x](https://example.invalid/x.png)"],
    ["a table cell separator and a line break", "甲 | 乙\n| --- |"],
    ["a lone CR and a CR LF", "甲\r| x |\r\n乙"],
    ["emphasis, code and strikethrough", "**粗** `码` ~~删~~ _斜_"],
  ])("the GitHub step summary shows %s in its cell, as text", (_name, name) => {
    const report = reportOf([checkText(withName(name), { file: `a${name}.yaml`, lang: "en" })]);
    const summary = githubSummary(report, "en");
    const rows = summary.split("\n").filter((line) => line.startsWith("| "));
    // The heading row and one row per finding: nothing in a name starts a row of its own.
    expect(rows).toHaveLength(1 + report.summary.error + report.summary.warning + report.summary.info);
    for (const row of rows.slice(1)) expect(row.split(/(?<!\\)\|/).length).toBe(7);
    expect(summary).not.toMatch(/<(img|script)|(?<!\\)\](?=\()|\r/);
  });
});
