import { createHash } from "node:crypto";
import type { Finding, Severity } from "../finding.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";

/** GitLab's scale is info, minor, major, critical, blocker; an error is major, ranked above warnings in a merge request. */
const severities: Record<Severity, "info" | "minor" | "major"> = { error: "major", warning: "minor", info: "info" };

/** One issue of GitLab's Code Quality report (a subset of Code Climate's), as a merge request reads it. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * What names a finding across runs, so a merge request shows which are new and which were fixed: the
 * file, the rule and message, and the figure (its JSON pointer, or its place in a document), not its
 * line, which moves when lines are added above it.
 */
function identity(file: string, finding: Finding): string {
  return [file, finding.rule, finding.messageId, finding.path || finding.place || `${finding.line}:${finding.column}`].join("\0");
}

/**
 * GitLab's Code Quality report (`artifacts: reports: codequality`): a JSON array of issues, each with a
 * fingerprint of its own (GitLab shows one issue per fingerprint, so a second finding of the same figure
 * gets its count in it).
 */
export function formatGitlab(report: Report, { lang }: FormatContext): string {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = report.files.flatMap((file) =>
    file.findings.map((finding) => {
      const key = identity(file.file, finding);
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      const place = finding.place ? `${finding.place}${lang === "zh" ? "：" : ": "}` : "";
      return {
        description: `${place}${finding.message}`,
        check_name: `budget-rules/${finding.rule}`,
        fingerprint: createHash("sha256").update(`${key}\0${count}`).digest("hex").slice(0, 32),
        severity: severities[finding.severity],
        location: { path: file.file, lines: { begin: finding.line, end: Math.max(finding.line, finding.endLine) } },
      };
    }),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
}
