import { countSeverities, type Finding, type RelatedLocation } from "../finding.js";
import type { FileReport } from "../report/report.js";

/**
 * Whether a value read from the result cache is a file's report as budget-rules writes it. The cache is
 * a file anyone may edit: an entry of the wrong shape is a miss (the file is checked again), never an
 * internal error, and a summary that does not count its findings is the wrong shape.
 */
export function isFileReport(value: unknown): value is FileReport {
  if (!isRecord(value) || typeof value.file !== "string" || !(value.config === null || typeof value.config === "string")) return false;
  if (!Array.isArray(value.findings) || !value.findings.every(isFinding) || !isRecord(value.summary)) return false;
  const counts = countSeverities(value.findings);
  const summary = value.summary;
  return Object.keys(summary).length === 3 && (["error", "warning", "info"] as const).every((severity) => summary[severity] === counts[severity]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isPosition = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isOptionalText = (value: unknown) => value === undefined || typeof value === "string";

function isFinding(value: unknown): value is Finding {
  if (!isRecord(value)) return false;
  const texts = [value.rule, value.messageId, value.message, value.path].every((text) => typeof text === "string");
  const severity = value.severity === "error" || value.severity === "warning" || value.severity === "info";
  const positions = [value.line, value.column, value.endLine, value.endColumn].every(isPosition);
  const optional = [value.expected, value.actual, value.difference, value.tolerance, value.place].every(isOptionalText);
  const related = value.related === undefined || (Array.isArray(value.related) && value.related.every(isRelated));
  return texts && severity && positions && optional && related;
}

function isRelated(value: unknown): value is RelatedLocation {
  return isRecord(value) && typeof value.path === "string" && isPosition(value.line) && isPosition(value.column) && isOptionalText(value.place);
}
