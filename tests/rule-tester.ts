import { expect, it } from "vitest";
import { checkText } from "../src/run/check-text.js";
import { ruleOf } from "../src/rules/index.js";
import type { Finding, Severity } from "../src/finding.js";

/** The lines every case starts with; a case's own text begins on line 5. */
export const header = ["version: 1", "department: { name: 测试部门, year: 2025 }", "unit: 万元", "precision: 2"].join("\n");

/** A whole declaration from a case's text (tables:, statements: …), which starts on line 5. */
export function declaration(body: string): string {
  return `${header}\n${dedent(body)}`;
}

export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/, "")
    .replace(/\n\s*$/, "")
    .split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim() !== "").map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return `${lines.map((line) => line.slice(indent)).join("\n")}\n`;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  severity?: Severity;
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  /** Words the English message must contain (its wording, where a case is about it). */
  message?: string;
}

export interface RuleCases {
  valid: { name: string; body: string }[];
  invalid: { name: string; body: string; findings: ExpectedFinding[] }[];
}

function ruleFindings(body: string, rule: string, lang: "zh" | "en"): Finding[] {
  const report = checkText(declaration(body), { lang });
  const foreign = report.findings.filter((finding) => finding.rule === "yaml" || finding.rule === "schema");
  expect(foreign, "the case itself must be a well-formed declaration").toEqual([]);
  return report.findings.filter((finding) => finding.rule === rule);
}

const casesByRule = new Map<string, RuleCases["invalid"]>();

/** Runs a rule's table of cases: valid ones give no finding of the rule, invalid ones exactly those listed. */
export function testRule(rule: string, cases: RuleCases): void {
  for (const testCase of cases.valid) {
    it(`valid: ${testCase.name}`, () => {
      expect(ruleFindings(testCase.body, rule, "en")).toEqual([]);
    });
  }
  const known = casesByRule.get(rule);
  if (known) known.push(...cases.invalid);
  else {
    const all = [...cases.invalid];
    casesByRule.set(rule, all);
    // Runs after every table of the file is collected: the union of all the rule's failing cases.
    it("every message of the rule is reported by some case", () => {
      const reported = new Set(all.flatMap((testCase) => ruleFindings(testCase.body, rule, "en").map((finding) => finding.messageId)));
      expect(Object.keys(ruleOf(rule)?.meta.messages ?? {}).filter((messageId) => !reported.has(messageId))).toEqual([]);
    });
  }
  for (const testCase of cases.invalid) {
    it(`invalid: ${testCase.name}`, () => {
      const findings = ruleFindings(testCase.body, rule, "en");
      expect(findings.map((finding, index) => pick(finding, testCase.findings[index] ?? { messageId: "", line: 0 }))).toEqual(
        testCase.findings.map((expected) => ({ severity: "error", ...expected })),
      );
      for (const lang of ["zh", "en"] as const) {
        for (const finding of ruleFindings(testCase.body, rule, lang)) {
          expect(finding.message, "every placeholder is filled").not.toMatch(/\{\w+\}/);
          expect(finding.message.length).toBeGreaterThan(10);
        }
      }
    });
  }
}

function pick(finding: Finding, like: ExpectedFinding): Record<string, unknown> {
  const picked: Record<string, unknown> = { messageId: finding.messageId, line: finding.line, severity: finding.severity };
  for (const key of ["expected", "actual", "difference", "tolerance"] as const) {
    if (key in like) picked[key] = finding[key];
  }
  if (like.message !== undefined) picked.message = finding.message.includes(like.message) ? like.message : finding.message;
  return picked;
}
