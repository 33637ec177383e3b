import { atLeast, type Finding, type Severity } from "../finding.js";
import type { Report } from "../report/report.js";

/**
 * The exit code policy, the one rule the CLI and the library follow:
 *
 * - 2, the check could not run, or could not run for some file: a bad flag, a missing path, an output that
 *   cannot be written, a config that cannot be read (the CLI's errors, before anything is checked), and a
 *   file that was named but not checked: it cannot be read (a damaged or disguised document, an encoding
 *   that cannot be told), it is above the size limit, reading it failed, or nothing in it could be read;
 * - 1, findings: one at or above `failOn`, or more warnings than `maxWarnings`;
 * - 0, neither.
 *
 * 2 goes before 1: a run that did not check every file named is not a verdict on them.
 */
export const exitCodes = { ok: 0, findings: 1, notChecked: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The findings that say a file was not checked (rule/message), whatever their severity. */
export const notCheckedFindings: readonly string[] = [
  "document/unreadable",
  "document/too-large",
  "document/internal-error",
  "document/nothing-read",
  "yaml/too-large",
  "yaml/encoding",
];

/** Whether a finding says that its file was not checked. */
export function saysNotChecked(finding: Pick<Finding, "rule" | "messageId">): boolean {
  return notCheckedFindings.includes(`${finding.rule}/${finding.messageId}`);
}

export interface ExitPolicy {
  /** The lowest severity that fails the run. Default: error. */
  failOn?: Severity;
  /** More warnings than this fail the run. */
  maxWarnings?: number;
}

/** The exit code of a run's report (see `exitCodes`). */
export function exitCodeOf(report: Report, policy: ExitPolicy = {}): ExitCode {
  const findings = report.files.flatMap((file) => file.findings);
  const failing = findings.some((finding) => atLeast(finding.severity, policy.failOn ?? "error"));
  const tooManyWarnings = policy.maxWarnings !== undefined && report.summary.warning > policy.maxWarnings;
  return findings.some(saysNotChecked) ? exitCodes.notChecked : failing || tooManyWarnings ? exitCodes.findings : exitCodes.ok;
}
