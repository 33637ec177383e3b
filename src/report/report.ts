import { countSeverities, type SeverityCounts } from "../finding.js";
import type { FileReport } from "../check.js";

/** The result of checking one or more files: the JSON report's shape, version 1. */
export interface Report {
  version: 1;
  files: FileReport[];
  summary: SeverityCounts;
}

export function reportOf(files: FileReport[]): Report {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { version: 1, files: sorted, summary: countSeverities(sorted.flatMap((file) => file.findings)) };
}
