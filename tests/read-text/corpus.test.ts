import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkDisclosureText } from "../../src/run/check-disclosure.js";
import { readingOf, readingTable } from "./corpus-reading.js";
import { corpus, folders, source } from "./corpus-source.js";

const readings = folders.map(readingOf);

describe("the reader on the corpus of real disclosures, raw and unedited", () => {
  it.each(readings.map((reading) => [reading.folder, reading] as const))("%s: finds every hand-checked discrepancy and gives no false error", (_, reading) => {
    expect(reading.discrepancies.found, "discrepancies found").toEqual(reading.discrepancies.expected);
    expect(reading.falseErrors, "errors that are not a hand-checked discrepancy").toEqual([]);
  });

  it("reads most hand-checked relations, and reports what it does not read", () => {
    const total = (pick: (reading: (typeof readings)[number]) => number) => readings.reduce((sum, reading) => sum + pick(reading), 0);
    expect(total((reading) => reading.handRead)).toBeGreaterThan(total((reading) => reading.handChecked) / 2);
  });

  it("its table in fixtures/corpus/reading.md is current (UPDATE_GENERATED=1 writes it)", () => {
    const url = new URL("reading.md", corpus);
    const generated = readingTable(readings);
    if (process.env.UPDATE_GENERATED) writeFileSync(url, generated);
    expect(readFileSync(url, "utf8")).toBe(generated);
  });

  it("its table in the README is current (UPDATE_GENERATED=1 writes it)", () => {
    const url = new URL("../../README.md", import.meta.url);
    const readme = readFileSync(url, "utf8");
    const table = readingTable(readings)
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .join("\n");
    const section = /<!-- corpus-reading:start -->\n[^]*?<!-- corpus-reading:end -->/;
    const current = `<!-- corpus-reading:start -->\n${table}\n<!-- corpus-reading:end -->`;
    if (process.env.UPDATE_GENERATED) writeFileSync(url, readme.replace(section, current));
    expect(section.exec(readFileSync(url, "utf8"))?.[0]).toBe(current);
  });

  it("never throws and points every finding into the text", () => {
    for (const folder of folders) {
      const report = checkDisclosureText(source(folder), { lang: "zh" });
      expect(report.findings.every((finding) => finding.line >= 1 && finding.column >= 1)).toBe(true);
      expect(report.findings.some((finding) => finding.messageId === "internal-error")).toBe(false);
    }
  });
});
