import { countSeverities, type Finding, type SeverityCounts } from "../finding.js";
import type { DeclarationView } from "../model/view.js";

export interface FileReport {
  file: string;
  /** The config that applied (budget-rules.config.yaml found above the file, or --config), or null. */
  config: string | null;
  findings: Finding[];
  summary: SeverityCounts;
  /** The declaration as reports show it (HTML), when asked for and the file could be modelled. */
  view?: DeclarationView;
}

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
