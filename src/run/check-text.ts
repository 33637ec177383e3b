import { compareFindings, countSeverities, type Finding, type Lang } from "../finding.js";
import { instanceOf, AliasExpansionError } from "../load/instance.js";
import { locateRange, spanOf } from "../load/locate.js";
import { describe, parseSource, type ParsedSource } from "../load/parse.js";
import { buildDeclaration } from "../model/build.js";
import type { Declaration } from "../model/declaration.js";
import { viewOf, type DeclarationView } from "../model/view.js";
import type { FileReport } from "../report/report.js";
import type { Problem } from "../problem.js";
import { emptyConfig, type Config } from "../config/config.js";
import { directiveName, directivesIn, isSuppressible, suppress, type Directive } from "../config/suppression.js";
import { checkCustom } from "../rules/custom.js";
import { ruleOf, rules } from "../rules/index.js";
import type { MessageMeta } from "../rules/rule.js";
import { validateDeclaration } from "../schema/validate.js";
import { fill } from "../text.js";

export interface CheckOptions {
  /** The language of messages; default en. */
  lang?: Lang;
  /** The name reports give the file. */
  file?: string;
  /** A finance bureau's settings (budget-rules.config.yaml); default: none. */
  config?: Config;
  /** Carry the declaration's view in the report, for the HTML report. */
  view?: boolean;
  /** The declaration was read from a document: findings name its tables as printed (表5-1), not by the ids it was given. */
  printed?: boolean;
}

/** Said by the core itself when a rule fails to run, so that a bug never passes as a clean check. */
const internalError: MessageMeta = {
  severity: "error",
  text: { zh: "规则 {rule} 运行出错，本文件未检查完整：{detail}", en: "Rule {rule} failed, so this file was not fully checked: {detail}" },
};

/** Checks one declaration's text: YAML → schema → reconciliation rules → sorted findings. Never throws. */
export function checkText(written: string, options: CheckOptions = {}): FileReport {
  // YAML 1.2 breaks lines at CR LF, LF and a lone CR (old Mac editors, some exports); the parser knows only the first two.
  const text = written.replace(/\r\n?/g, "\n");
  const lang = options.lang ?? "en";
  const file = options.file ?? "<text>";
  const config = options.config ?? emptyConfig;
  const { source, problems } = parseSource(text);
  let view: DeclarationView | undefined;
  if (source && problems.length === 0) {
    const reconciled = reconcile(source, config, options.printed === true);
    problems.push(...reconciled.problems);
    if (options.view && reconciled.declaration) view = viewOf(reconciled.declaration);
  }
  const rendered = problems.map((problem) => render(problem, source, lang)).flatMap((finding) => withConfiguredSeverity(finding, config));
  const directives = directivesIn(text);
  const findings = [...suppress(rendered, directives, source), ...directiveProblems(directives).map((problem) => render(problem, source, lang))].sort(
    compareFindings,
  );
  return { file, config: config.file ?? null, findings, summary: countSeverities(findings), ...(view ? { view } : {}) };
}

/** A report of problems found without reading the file as YAML (not UTF-8, too large). */
export function unreadFileReport(file: string, problems: readonly Problem[], lang: Lang = "en", config: Config = emptyConfig): FileReport {
  const findings = problems.map((problem) => render(problem, undefined, lang)).sort(compareFindings);
  return { file, config: config.file ?? null, findings, summary: countSeverities(findings) };
}

/**
 * A rule's configured severity replaces its default; informative residuals stay info, but a rule that
 * only informs (narrative: what was not read) takes it; `off` drops it. A rule that failed to run stays
 * an error: the file was not fully checked, whatever the rule's weight.
 */
function withConfiguredSeverity(finding: Finding, config: Config): Finding[] {
  const configured = config.severities.get(finding.rule);
  if (configured === undefined || !isSuppressible(finding)) return [finding];
  if (configured === "off") return [];
  const residual = finding.severity === "info" && ruleOf(finding.rule)?.meta.defaultSeverity !== "info";
  return residual ? [finding] : [{ ...finding, severity: configured }];
}

function directiveProblems(directives: readonly Directive[]): Problem[] {
  return directives.flatMap((directive): Problem[] => {
    const range: [number, number] = [0, 0];
    const at = { rule: "suppression", path: "", line: directive.line, column: directive.column };
    if (directive.name !== directiveName) return [{ ...at, messageId: "unknown-directive", range, data: { name: directive.name } }];
    const problems: Problem[] = directive.rules.flatMap((rule): Problem[] =>
      !ruleOf(rule)
        ? [{ ...at, messageId: "unknown-rule", range, data: { rule } }]
        : isSuppressible({ rule, messageId: "" })
          ? []
          : [{ ...at, messageId: "unsuppressible", range, data: { rule } }],
    );
    if (directive.reason === "") problems.unshift({ ...at, messageId: "missing-reason", range });
    return problems.length > 0 || directive.used ? problems : [{ ...at, messageId: "unused", range }];
  });
}

function reconcile(source: ParsedSource, config: Config, printed: boolean): { problems: Problem[]; declaration?: Declaration } {
  let instance: unknown;
  try {
    instance = instanceOf(source.doc);
  } catch (error) {
    const messageId = error instanceof AliasExpansionError ? "alias-expansion" : "unreadable";
    return { problems: [{ rule: "yaml", messageId, path: "", data: { detail: describe(error) } }] };
  }
  const schemaProblems = validateDeclaration(instance);
  if (schemaProblems.length > 0) return { problems: [...schemaProblems, { rule: "schema", messageId: "not-checked", path: "" }] };

  const { declaration, problems } = buildDeclaration(source.doc, {
    ...(config.precision === undefined ? {} : { precision: config.precision }),
    ...(printed ? { printed } : {}),
  });
  for (const rule of rules) {
    if (!rule.check || config.severities.get(rule.id) === "off") continue;
    try {
      rule.check({ declaration, codeNames: config.codeNames, report: (problem) => problems.push({ ...problem, rule: rule.id }) });
    } catch (error) {
      problems.push({ rule: rule.id, messageId: "internal-error", path: "", data: { rule: rule.id, detail: describe(error) } });
    }
  }
  try {
    checkCustom(config.checks, declaration, (id, problem) => problems.push({ ...problem, rule: `custom/${id}` }));
  } catch (error) {
    problems.push({ rule: "custom", messageId: "internal-error", path: "", data: { rule: "custom", detail: describe(error) } });
  }
  return { problems, declaration };
}

function render(problem: Problem, source: ParsedSource | undefined, lang: Lang): Finding {
  const rule = ruleOf(problem.rule);
  const message = rule?.meta.messages[problem.messageId] ?? internalError;
  const severity = problem.severity ?? message.severity ?? rule?.meta.defaultSeverity ?? "error";
  const range = problem.range ?? (source ? locateRange(source.doc, problem.path, problem.atKey) : [0, 0]);
  const span =
    problem.line !== undefined
      ? { line: problem.line, column: problem.column ?? 1, endLine: problem.line, endColumn: problem.column ?? 1 }
      : source
        ? spanOf(source.lineCounter, range)
        : { line: 1, column: 1, endLine: 1, endColumn: 1 };
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
