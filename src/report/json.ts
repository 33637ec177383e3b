import type { Report } from "./report.js";

/** The JSON report: the Report object as it is, version 1. Decimal values are exact strings. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
