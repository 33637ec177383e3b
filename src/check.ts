import { compareFindings, countSeverities, type Finding, type Lang, type SeverityCounts } from "./finding.js";
import { instanceOf, AliasExpansionError } from "./load/instance.js";
import { locateRange, spanOf } from "./load/locate.js";
import { describe, parseSource, type ParsedSource } from "./load/parse.js";
import { buildDeclaration } from "./model/build.js";
import type { Problem } from "./problem.js";
import { rules, rulesById } from "./rules/index.js";
import type { MessageMeta } from "./rules/rule.js";
import { validateDeclaration } from "./schema/validate.js";
import { fill } from "./text.js";

export interface FileReport {
  file: string;
  findings: Finding[];
  summary: SeverityCounts;
}

export interface CheckOptions {
  /** The language of messages; default en. */
  lang?: Lang;
  /** The name reports give the file. */
  file?: string;
}

/** Said by the core itself when a rule fails to run, so that a bug never passes as a clean check. */
const internalError: MessageMeta = {
  severity: "error",
  text: { zh: "规则 {rule} 运行出错，本文件未检查完整：{detail}", en: "Rule {rule} failed, so this file was not fully checked: {detail}" },
};

/** Checks one declaration's text: YAML → schema → reconciliation rules → sorted findings. Never throws. */
export function checkText(text: string, options: CheckOptions = {}): FileReport {
  const lang = options.lang ?? "en";
  const file = options.file ?? "<text>";
  const { source, problems } = parseSource(text);
  if (source && !problems.some((problem) => problem.messageId === "syntax")) problems.push(...reconcile(source));
  const findings = problems.map((problem) => render(problem, source, lang)).sort(compareFindings);
  return { file, findings, summary: countSeverities(findings) };
}

function reconcile(source: ParsedSource): Problem[] {
  let instance: unknown;
  try {
    instance = instanceOf(source.doc);
  } catch (error) {
    const messageId = error instanceof AliasExpansionError ? "alias-expansion" : "unreadable";
    return [{ rule: "yaml", messageId, path: "", data: { detail: describe(error) } }];
  }
  const schemaProblems = validateDeclaration(instance);
  if (schemaProblems.length > 0) return [...schemaProblems, { rule: "schema", messageId: "not-checked", path: "" }];

  const { declaration, problems } = buildDeclaration(source.doc);
  for (const rule of rules) {
    if (!rule.check) continue;
    try {
      rule.check({ declaration, codeNames: new Map(), report: (problem) => problems.push({ ...problem, rule: rule.id }) });
    } catch (error) {
      problems.push({ rule: rule.id, messageId: "internal-error", path: "", data: { rule: rule.id, detail: describe(error) } });
    }
  }
  return problems;
}

function render(problem: Problem, source: ParsedSource | undefined, lang: Lang): Finding {
  const rule = rulesById.get(problem.rule);
  const message = rule?.meta.messages[problem.messageId] ?? internalError;
  const severity = problem.severity ?? message.severity ?? rule?.meta.defaultSeverity ?? "error";
  const range = problem.range ?? (source ? locateRange(source.doc, problem.path, problem.atKey) : [0, 0]);
  const span = source ? spanOf(source.lineCounter, range) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const finding: Finding = {
    rule: problem.rule,
    messageId: problem.messageId,
    severity,
    message: sentence(fill(message.text[lang], problem.data ?? {}, lang)),
    path: problem.path,
    ...span,
  };
  if (problem.expected !== undefined) finding.expected = problem.expected;
  if (problem.actual !== undefined) finding.actual = problem.actual;
  if (problem.difference !== undefined) finding.difference = problem.difference;
  if (problem.tolerance !== undefined) finding.tolerance = problem.tolerance;
  if (problem.related && source) {
    finding.related = problem.related.map((path) => {
      const related = spanOf(source.lineCounter, locateRange(source.doc, path));
      return { path, line: related.line, column: related.column };
    });
  }
  return finding;
}

/** English messages often begin with a figure's description (“the amount of …”): start the sentence. */
function sentence(message: string): string {
  return message.startsWith("the ") ? `The ${message.slice(4)}` : message;
}
