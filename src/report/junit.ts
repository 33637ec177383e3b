import { rules } from "../rules/index.js";
import { atLeast, type Finding } from "../finding.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";

/** XML text and attribute escaping; characters XML 1.0 cannot carry at all are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * JUnit XML for GitLab, Jenkins and the like: a testsuite per file, a testcase per rule that ran, and a
 * failure for each finding at or above the fail-on severity (errors by default).
 */
export function formatJunit(report: Report, { failOn }: FormatContext): string {
  const checking = rules.filter((rule) => rule.check || rule.id === "yaml" || rule.id === "schema").map((rule) => rule.id);
  const failing = (finding: Finding) => atLeast(finding.severity, failOn);
  let tests = 0;
  let failedTests = 0;
  const suites = report.files.map((file) => {
    const ruleIds = [...new Set([...checking, ...file.findings.map((finding) => finding.rule)])];
    let failedCases = 0;
    const cases = ruleIds.map((rule) => {
      const failures = file.findings.filter((finding) => finding.rule === rule && failing(finding));
      const open = `    <testcase name="${escapeXml(rule)}" classname="${escapeXml(file.file)}" file="${escapeXml(file.file)}"`;
      if (failures.length === 0) return `${open}/>`;
      failedCases += 1;
      return `${open}>\n${failures.map((finding) => failure(file.file, finding)).join("\n")}\n    </testcase>`;
    });
    tests += ruleIds.length;
    failedTests += failedCases;
    const properties = file.config === null ? "" : `    <properties><property name="config" value="${escapeXml(file.config)}"/></properties>\n`;
    return `  <testsuite name="${escapeXml(file.file)}" tests="${ruleIds.length}" failures="${failedCases}" errors="0" skipped="0">\n${properties}${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="budget-rules" tests="${tests}" failures="${failedTests}" errors="0">\n${suites.join("\n")}\n</testsuites>\n`;
}

function failure(file: string, finding: Finding): string {
  const figures = (["expected", "actual", "difference", "tolerance"] as const).flatMap((key) =>
    finding[key] === undefined ? [] : [`${key}: ${finding[key]}`],
  );
  const details = [finding.place ? `${file}: ${finding.place}` : `${file}:${finding.line}:${finding.column}`, finding.message, finding.path, ...figures].join(
    "\n",
  );
  return `      <failure message="${escapeXml(finding.message)}" type="${escapeXml(`${finding.rule}/${finding.messageId}`)}">${escapeXml(details)}</failure>`;
}
