import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Finding } from "../../src/finding.js";
import { checkDisclosureText } from "../../src/read/text/index.js";
import { corpus, folders, source } from "./corpus-source.js";

interface Relation {
  kind: string;
  text: string;
  verdict: "exact" | "rounding" | "discrepancy";
}

/** The kinds of relation the reader checks. */
const covered = new Set(["growth", "share", "sum", "count"]);

/**
 * Discrepancies the corpus notes that the reader does not find, each with the reason: a documented
 * table, not a skip. The test fails if one of them is found after all (then move it out of here).
 */
const knownGaps: { folder: string; text: string; reason: string }[] = [
  {
    folder: "xizang-hulu-2025",
    text: "纳入西藏自治区党委政法委铁路护路联防办公室2024年度部门预算范围",
    reason: "a year label (2024 年度 in a 2025 budget), not an amount: years are not figures, and a wrong year is not a relation between figures",
  },
];

function relationsOf(folder: string): Relation[] {
  return (parse(readFileSync(new URL(`${folder}/expected.yaml`, corpus), "utf8")) as { relations?: Relation[] }).relations ?? [];
}

/** Offsets in the original text of every occurrence of a snippet. */
function spans(text: string, snippet: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = text.indexOf(snippet); at >= 0; at = text.indexOf(snippet, at + 1)) found.push([at, at + snippet.length]);
  return found;
}

function offsetOf(text: string, finding: Finding): number {
  const lines = text.split("\n");
  return lines.slice(0, finding.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + finding.column - 1;
}

describe("the reader on the corpus of real disclosures", () => {
  it.each(folders)("%s: finds every covered discrepancy and reports no error elsewhere", (folder) => {
    const text = source(folder);
    const report = checkDisclosureText(text, { file: `${folder}/source.txt` });
    const errors = report.findings.filter((finding) => finding.severity === "error").map((finding) => offsetOf(text, finding));
    const relations = relationsOf(folder);
    const discrepancies = relations.filter((relation) => relation.verdict === "discrepancy");
    const inside = (offset: number, relation: Relation) => spans(text, relation.text).some(([start, end]) => offset >= start && offset < end);
    for (const relation of discrepancies) {
      const gap = knownGaps.find((known) => known.folder === folder && known.text === relation.text);
      const found = errors.some((offset) => inside(offset, relation));
      if (gap) expect(found, `a known gap was found after all: ${relation.text}`).toBe(false);
      else {
        expect(covered.has(relation.kind), `${relation.kind} is neither covered nor a known gap`).toBe(true);
        expect(found, `discrepancy not found: ${relation.text}`).toBe(true);
      }
    }
    // No false error: every error lies within a relation the corpus marks as a discrepancy.
    for (const offset of errors) {
      expect(
        discrepancies.some((relation) => inside(offset, relation)),
        `an error outside every noted discrepancy, at ${text.slice(offset, offset + 30)}`,
      ).toBe(true);
    }
  });

  it("lists each known gap against a discrepancy the corpus notes", () => {
    for (const gap of knownGaps) {
      expect(relationsOf(gap.folder).some((relation) => relation.text === gap.text && relation.verdict === "discrepancy")).toBe(true);
      expect(gap.reason).not.toBe("");
    }
  });

  it("never throws and reads something of every document", () => {
    for (const folder of folders) {
      const report = checkDisclosureText(source(folder), { lang: "zh" });
      expect(report.findings.every((finding) => finding.line >= 1 && finding.column >= 1)).toBe(true);
      expect(report.findings.some((finding) => finding.messageId === "internal-error")).toBe(false);
    }
  });
});
