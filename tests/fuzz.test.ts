import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkText } from "../src/run/check-text.js";
import { ruleOf } from "../src/rules/index.js";

/**
 * Fuzzing, bounded in count and time: whatever the input, checkText returns a report, and every
 * finding has a known rule, a severity, a filled message and a position inside the file.
 */
const seed = readFileSync(new URL("../fixtures/wuchang-2025.yaml", import.meta.url), "utf8");

function wellFormed(text: string): void {
  const report = checkText(text, { lang: "zh" });
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const finding of report.findings) {
    expect(ruleOf(finding.rule), finding.rule).toBeDefined();
    expect(["error", "warning", "info"]).toContain(finding.severity);
    // (Placeholders are checked by the rule tables: here a message may quote a key such as "{0}".)
    expect(finding.message.trim()).not.toBe("");
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines + 1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
  }
  expect(report.summary.error + report.summary.warning + report.summary.info).toBe(report.findings.length);
}

const yamlish = fc.constantFrom(
  ..."abc01.9 :-[]{},&*!|>#'\"\n\t%@`?\\万元（）％８".split(""),
  "\r\n",
  "  ",
  "- ",
  ": ",
  "amount: ",
  "tables:\n",
  "<<: *a\n",
  "&a ",
  "*a",
  "!!binary ",
  "---\n",
  "...\n",
);
const limits = { numRuns: 200 };

describe("fuzzing checkText", () => {
  it("arbitrary bytes, decoded as text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => wellFormed(new TextDecoder().decode(bytes))),
      limits,
    );
  });

  it("arbitrary YAML-ish text", () => {
    fc.assert(
      fc.property(
        fc.array(yamlish, { maxLength: 120 }).map((parts) => parts.join("")),
        wellFormed,
      ),
      limits,
    );
  });

  it("arbitrary YAML values", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withBigInt: false, withMap: false, withSet: false, withTypedArray: false }), (value) =>
        wellFormed(stringify(value ?? null)),
      ),
      limits,
    );
  });

  it("random edits of the seed", () => {
    const edit = fc.record({
      at: fc.nat({ max: seed.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.array(yamlish, { maxLength: 4 }).map((parts) => parts.join("")),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = seed;
        for (const { at, remove, insert } of edits) text = text.slice(0, Math.min(at, text.length)) + insert + text.slice(Math.min(at, text.length) + remove);
        wellFormed(text);
      }),
      { numRuns: 100 },
    );
  });
});
