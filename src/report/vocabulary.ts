import type { Finding, Lang, Severity } from "../finding.js";

/** The words every report shares, so that stylish, GitHub, HTML and `rules` speak alike. */

/** Severities as a person reads them, in each language. */
export const severityWords: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** “应为 35.06，实为 35.07，差 0.01，容差 0.015”: the figures of an arithmetic finding. */
export function suggestion(finding: Finding, lang: Lang): string | undefined {
  if (finding.expected === undefined || finding.actual === undefined) return undefined;
  const parts =
    lang === "zh"
      ? [
          `应为 ${finding.expected}`,
          `实为 ${finding.actual}`,
          finding.difference && `差 ${finding.difference}`,
          finding.tolerance && `容差 ${finding.tolerance}`,
        ]
      : [
          `expected ${finding.expected}`,
          `found ${finding.actual}`,
          finding.difference && `off by ${finding.difference}`,
          finding.tolerance && `tolerance ${finding.tolerance}`,
        ];
  return parts.filter(Boolean).join(lang === "zh" ? "，" : ", ");
}

/** “1 file”, “2 files”: English counts; Chinese needs no plural. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a declaration as a terminal may show it: control, bidi-override and isolate characters
 * (ESC sequences, OSC links, CR, RTL overrides) would move, hide or restyle what follows, so each becomes
 * one visible mark (keeping columns); a tab becomes a space.
 */
export function printable(text: string): string {
  return text.replace(/\t/g, " ").replace(unsafe, "\ufffd");
}

/** “config: ” as each report labels the config that applied. */
export const configWord: Record<Lang, string> = { zh: "配置：", en: "config: " };

/**
 * The configs that applied, for a report's summary: their names, each with its count of files when
 * there are several, and “none” for files no config applied to. Undefined when none applied anywhere.
 */
export function configsApplied(files: readonly { config: string | null }[], lang: Lang): string | undefined {
  const counts = new Map<string | null, number>();
  for (const { config } of files) counts.set(config, (counts.get(config) ?? 0) + 1);
  if (!files.some(({ config }) => config !== null)) return undefined;
  const none = lang === "zh" ? "无" : "none";
  const entries = [...counts].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 1) return entries[0]?.[0] ?? none;
  return entries
    .map(([config, count]) => (lang === "zh" ? `${config ?? none}（${count} 个文件）` : `${config ?? none} (${counted(count, "file")})`))
    .join(lang === "zh" ? "，" : ", ");
}

/** Where a finding stands, as a person looks for it: line:column, or its place in a Word, PDF or Excel document. */
export function position(finding: Finding): string {
  return finding.place ?? `${finding.line}:${finding.column}`;
}
