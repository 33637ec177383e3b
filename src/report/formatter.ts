import type { ChalkInstance } from "chalk";
import type { Lang, Severity } from "../finding.js";
import type { Report } from "./report.js";

/** What a formatter may know besides the findings: all of it plain data, so formatters stay pure. */
export interface FormatContext {
  lang: Lang;
  /** Colours for terminal formats; level 0 prints plain text. */
  chalk: ChalkInstance;
  /** Each checked file's text, by the name the report gives it: for code frames and the HTML report. */
  sources: ReadonlyMap<string, string>;
  /** The lowest severity that fails the check (JUnit failures). */
  failOn: Severity;
  /** budget-rules' version, for SARIF. */
  version: string;
}

/** A formatter is a pure function from a report to text. */
export type Formatter = (report: Report, context: FormatContext) => string;

export const formatNames = ["stylish", "json", "sarif", "junit", "github", "html"] as const;
export type FormatName = (typeof formatNames)[number];

/** Loads only the formatter chosen, so a check does not pay for the others at start-up. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "stylish":
      return (await import("./stylish.js")).formatStylish;
    case "json":
      return (await import("./json.js")).formatJson;
    case "sarif":
      return (await import("./sarif.js")).formatSarif;
    case "junit":
      return (await import("./junit.js")).formatJunit;
    case "github":
      return (await import("./github.js")).formatGithub;
    case "html":
      return (await import("./html.js")).formatHtml;
  }
}

/** Severities from the most to the least serious; a threshold includes everything above it. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return rank[severity] <= rank[threshold];
}
