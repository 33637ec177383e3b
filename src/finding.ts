/** How much a finding matters; `error` fails the check. */
export type Severity = "error" | "warning" | "info";

export const severities: readonly Severity[] = ["error", "warning", "info"];

export type Lang = "zh" | "en";

/** Another place that takes part in the same relation (a part of a sum, the base of a share). */
export interface RelatedLocation {
  /** The JSON pointer in a declaration; "" in a document. */
  path: string;
  line: number;
  column: number;
  /** In a Word, PDF or Excel document, the place the reader names (as a finding's `place`). */
  place?: string;
}

/**
 * The one finding type that every stage produces and every formatter reads.
 * Positions are 1-based. Decimal values are exact decimal strings; percentages end in "%".
 */
export interface Finding {
  rule: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** JSON pointer into the declaration ("" in a document). */
  path: string;
  /** Line and column in the file; in a Word, PDF or Excel document, in its text as read, which `place` names. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The value the relation requires (computed from the other figures). */
  expected?: string;
  /** The value the declaration states. */
  actual?: string;
  /** actual − expected. */
  difference?: string;
  /** The largest difference that rounding of the printed figures can explain. */
  tolerance?: string;
  related?: RelatedLocation[];
  /** Where in a Word, PDF or Excel document: 第 3 段 / paragraph 3, 第 2 页第 5 行 / page 2, line 5, 部门收支总表!D4. */
  place?: string;
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Findings in the order every report shows them: line, column, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Severities from the most to the least serious; a threshold includes everything above it. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return rank[severity] <= rank[threshold];
}
