import type { Severity } from "../finding.js";
import type { Declaration } from "../model/declaration.js";
import type { Problem } from "../problem.js";
import type { Text } from "../text.js";

export interface MessageMeta {
  text: Text;
  /** A message that is informative whatever the rule's severity (a rounding residual). */
  severity?: Severity;
}

/** A rule's messages by id: `satisfies Messages` keeps the ids as a type. */
export type Messages = Record<string, MessageMeta>;

/** For `budget-rules explain`: a failing and a passing declaration, as YAML a person reads. */
export interface RuleExample {
  failing: string;
  passing: string;
}

/** What a rule says about itself: for `budget-rules rules`, `explain`, the README and reports. */
export interface RuleMeta<M extends string = string> {
  /** A name a person reads, unlike the id (SARIF's rule name must differ from its id). */
  name: string;
  description: Text;
  defaultSeverity: Severity;
  /** What it checks and why, for `explain` and the README. */
  docs: Text;
  messages: Record<M, MessageMeta>;
  /** Rules that check have one; the stages (yaml, schema) and suppression have none. */
  example?: RuleExample;
}

/** Reports a problem with one of the rule's own messages: a misspelt id does not compile. */
export type Report<M extends string = string> = (problem: Omit<Problem, "rule" | "messageId"> & { messageId: M }) => void;

export interface RuleContext<M extends string = string> {
  declaration: Declaration;
  report: Report<M>;
  /** Official names of classification codes the bureau's config adds. */
  codeNames: ReadonlyMap<string, string>;
}

/** A rule is data plus one function. Stages that are not reconciliation rules (yaml, schema) have no check. */
export interface Rule<M extends string = string> {
  id: string;
  meta: RuleMeta<M>;
  check?: (context: RuleContext<M>) => void;
}

/** A rule, typed by its messages: its check can report only the ids its meta defines. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

const exampleHead = "version: 1\ndepartment: { name: 示例部门, year: 2025 }\nunit: 万元\n";

/** YAML written indented inside a template string, as the file a person would write. */
export function yamlExample(indented: string): string {
  const lines = indented
    .replace(/^\n/, "")
    .replace(/\n\s*$/, "")
    .split("\n");
  const margin = Math.min(...lines.filter((line) => line.trim() !== "").map((line) => line.length - line.trimStart().length));
  return `${lines.map((line) => line.slice(margin)).join("\n")}\n`;
}

/** An example declaration: the usual first lines, then the rule's tables or statements. */
export function declarationExample(indented: string): string {
  return `${exampleHead}${yamlExample(indented)}`;
}
