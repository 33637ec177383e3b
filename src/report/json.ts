import type { Report } from "./report.js";

/** The JSON report: the Report object as it is, version 1. Decimal values are exact strings. */
export function formatJson(report: Report): string {
  // A file's view is for the HTML report; the JSON report is the findings, as its schema says.
  return `${JSON.stringify(report, (key, value: unknown) => (key === "view" ? undefined : value), 2)}\n`;
}
