import type { Finding } from "../finding.js";

/** `# budget-rules-disable-next-line <rule>[, <rule>…] -- <reason>` on a line of its own. */
export interface Directive {
  line: number;
  column: number;
  rules: string[];
  reason: string;
  used: boolean;
}

const directivePattern = /^(\s*)#\s*budget-rules-disable-next-line\b(.*)$/;

export function directivesIn(text: string): Directive[] {
  const directives: Directive[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    const match = directivePattern.exec(content);
    if (!match) return;
    const [rulesPart = "", ...reasonParts] = (match[2] ?? "").split(/\s--\s?/);
    directives.push({
      line: index + 1,
      column: (match[1]?.length ?? 0) + 1,
      rules: rulesPart
        .split(/[\s,]+/)
        .map((rule) => rule.trim())
        .filter((rule) => rule !== ""),
      reason: reasonParts.join(" -- ").trim(),
      used: false,
    });
  });
  return directives;
}

/** Drops the findings a valid directive on the line above names, and marks the directives used. */
export function suppress(findings: readonly Finding[], directives: readonly Directive[]): Finding[] {
  return findings.filter((finding) => {
    const directive = directives.find((candidate) => candidate.line + 1 === finding.line && candidate.reason !== "" && candidate.rules.includes(finding.rule));
    if (!directive) return true;
    directive.used = true;
    return false;
  });
}
