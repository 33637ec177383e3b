import type { Severity } from "../finding.js";
import type { Declaration } from "../model/declaration.js";
import type { Problem } from "../problem.js";
import type { Text } from "../text.js";

export interface MessageMeta {
  text: Text;
  /** A message that is informative whatever the rule's severity (a rounding residual). */
  severity?: Severity;
}

/** What a rule says about itself: for `budget-rules rules`, `explain`, the README and reports. */
export interface RuleMeta {
  /** A name a person reads, unlike the id (SARIF's rule name must differ from its id). */
  name: string;
  description: Text;
  defaultSeverity: Severity;
  /** What it checks and why, for `explain` and the README. */
  docs: Text;
  messages: Record<string, MessageMeta>;
}

export type Report = (problem: Omit<Problem, "rule">) => void;

export interface RuleContext {
  declaration: Declaration;
  report: Report;
  /** Official names of classification codes the bureau's config adds. */
  codeNames: ReadonlyMap<string, string>;
}

/** A rule is data plus one function. Stages that are not reconciliation rules (yaml, schema) have no check. */
export interface Rule {
  id: string;
  meta: RuleMeta;
  check?: (context: RuleContext) => void;
}
