import type { Lang } from "../finding.js";
import { severityWords } from "../report/vocabulary.js";
import { rules, rulesById } from "../rules/index.js";

/** `budget-rules rules`: one line per rule, id, default severity and description. */
export function formatRuleList(lang: Lang): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const severityWidth = Math.max(...Object.values(severityWords[lang]).map((word) => word.length));
  return `${rules.map((rule) => `${rule.id.padEnd(width)}  ${(severityWords[lang][rule.meta.defaultSeverity] ?? "").padEnd(severityWidth)}  ${rule.meta.description[lang]}`).join("\n")}\n`;
}

/** `budget-rules explain <rule>`: description, documentation and examples; undefined for no such rule. */
export function explainRule(id: string, lang: Lang): string | undefined {
  const rule = rulesById.get(id);
  if (!rule) return undefined;
  const { example } = rule.meta;
  const heading =
    lang === "zh"
      ? { severity: "默认严重程度", failing: "不通过的例子", passing: "通过的例子" }
      : { severity: "default severity", failing: "Failing example", passing: "Passing example" };
  const indent = (text: string) => text.replace(/^/gm, "    ").replace(/ +$/gm, "");
  const parts = [
    `${rule.id} (${heading.severity}: ${severityWords[lang][rule.meta.defaultSeverity]})`,
    "",
    rule.meta.description[lang],
    "",
    rule.meta.docs[lang],
  ];
  if (example) parts.push("", `${heading.failing}:`, "", indent(example.failing).trimEnd(), "", `${heading.passing}:`, "", indent(example.passing).trimEnd());
  return `${parts.join("\n")}\n`;
}
