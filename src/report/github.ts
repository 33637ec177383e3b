import { countSeverities, type Finding, type Lang, type Severity, type SeverityCounts } from "../finding.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";
import { failureText, type Failure } from "./verdict.js";
import { configsApplied, configWord, counted, position, printable, severityWords, suggestion } from "./vocabulary.js";

const commands: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** The escaping GitHub's workflow commands require: of the message, and further of property values. */
export function escapeData(text: string): string {
  // Other control characters (ESC, BEL from a document's name or text) would reach the runner's terminal raw.
  return text
    .replace(/[^\r\n]+/g, (part) => printable(part))
    .replace(/%/g, "%25")
    .replace(/\r/g, "%0D")
    .replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * What GitHub shows of one step's annotations: 10 errors, 10 warnings and 10 notices (50 a job);
 * the rest are dropped without a word. So errors and warnings are annotated up to these limits, and
 * one notice says how many more findings the step summary lists; info is only in the summary.
 */
export const annotationLimits = { error: 10, warning: 10 } as const;

type Place = { file: string; finding: Finding };

function annotation({ file, finding }: Place, lang: Lang): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`budget-rules ${finding.rule}`)}`,
  ].join(",");
  const suggested = suggestion(finding, lang);
  return `::${commands[finding.severity]} ${properties}::${escapeData(`${finding.place ? `${finding.place}: ` : ""}${finding.message}${suggested ? `\n${suggested}` : ""}`)}`;
}

function moreLine(left: SeverityCounts, lang: Lang): string {
  const total = left.error + left.warning + left.info;
  const text =
    lang === "zh"
      ? `另有 ${total} 条发现（${left.error} 个错误，${left.warning} 个警告，${left.info} 条提示）未作为注释显示，见本步骤的摘要（step summary）`
      : `${total} more ${total === 1 ? "finding" : "findings"} (${counted(left.error, "error")}, ${counted(left.warning, "warning")}, ${left.info} info) are not annotated: see the step summary`;
  return `::notice title=budget-rules::${escapeData(text)}`;
}

/**
 * GitHub Actions annotations (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`):
 * first what fails the run besides its errors (too many warnings), then errors and warnings within
 * GitHub's per-step limits, then one notice counting the findings left for the step summary.
 */
export function formatGithub(report: Report, { lang, failures = [] }: FormatContext): string {
  const places = report.files.flatMap((file) => file.findings.map((finding) => ({ file: file.file, finding })));
  const failureLines = failures.map((failure) => `::error title=budget-rules::${escapeData(failureText(failure, lang))}`);
  const room = { error: Math.max(0, annotationLimits.error - failureLines.length), warning: annotationLimits.warning, info: 0 };
  const shown = (["error", "warning"] as const).flatMap((severity) => places.filter((place) => place.finding.severity === severity).slice(0, room[severity]));
  const left = countSeverities(places.map((place) => place.finding));
  for (const { finding } of shown) left[finding.severity] -= 1;
  const lines = [...failureLines, ...shown.map((place) => annotation(place, lang))];
  if (left.error + left.warning + left.info > 0) lines.push(moreLine(left, lang));
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/**
 * Text in a Markdown table cell, shown as written: HTML is escaped as entities, Markdown's marks are
 * backslash-escaped, and line breaks (a lone CR too) and other control characters become spaces, so a
 * name can neither end its row nor become a link, an image or markup.
 */
function cell(text: string): string {
  return printable(text.replace(/\r\n?|\n/g, " "))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~!]/g, "\\$&");
}

const headings: Record<Lang, { title: string; columns: string[]; none: string }> = {
  zh: { title: "budget-rules 检查结果", columns: ["文件", "位置", "严重程度", "规则", "说明"], none: "没有发现问题。" },
  en: { title: "budget-rules results", columns: ["File", "Position", "Severity", "Rule", "Message"], none: "No problems found." },
};

/** GitHub takes at most 1 MiB of summary from a step; the table stops short of it and says how much it left out. */
export const summaryBudget = 1000 * 1000;

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings as table rows, errors first, then warnings, then info; within each, by file and line. */
function summaryRows(report: Report, lang: Lang): string[] {
  const places = report.files.flatMap((file) => file.findings.map((finding) => ({ file: file.file, finding })));
  // A stable sort: within a severity the report's order (file, line, column, rule) stays.
  places.sort((a, b) => severityOrder[a.finding.severity] - severityOrder[b.finding.severity]);
  return places.map(
    ({ file, finding }) =>
      `| ${cell(file)} | ${cell(position(finding))} | ${severityWords[lang][finding.severity]} | ${cell(finding.rule)} | ${cell(finding.message)} |`,
  );
}

/** As many rows as fit in the budget, and a line saying how many did not. */
function withinBudget(rows: string[], budget: number, lang: Lang): string[] {
  let used = 0;
  const kept = rows.filter((row) => (used += Buffer.byteLength(row) + 1) <= budget);
  const left = rows.length - kept.length;
  if (left === 0) return kept;
  const note =
    lang === "zh"
      ? `另有 ${left} 条发现因摘要大小限制（1 MiB）未列出，见 JSON 或 SARIF 报告。`
      : `${left} more ${left === 1 ? "finding is" : "findings are"} not listed (a step summary is limited to 1 MiB): see the JSON or SARIF report.`;
  return [...kept, "", note];
}

/**
 * The Markdown table for GITHUB_STEP_SUMMARY, in the report's language: GitHub shows only some
 * annotations per step, the summary shows every finding, errors first, and why the run fails.
 */
export function githubSummary(report: Report, lang: Lang, failures: readonly Failure[] = []): string {
  const heading = headings[lang];
  const { error, warning, info } = report.summary;
  const counts =
    lang === "zh" ? `${error} 个错误，${warning} 个警告，${info} 条提示` : `${counted(error, "error")}, ${counted(warning, "warning")}, ${info} info`;
  const verdict = failures.map((failure) => `**${cell(failureText(failure, lang))}**\n\n`).join("");
  const configs = configsApplied(report.files, lang);
  const config = configs === undefined ? "" : `${configWord[lang]}${cell(configs)}\n\n`;
  const head = `## ${heading.title}\n\n${counts}\n\n${verdict}${config}`;
  const rows = summaryRows(report, lang);
  if (rows.length === 0) return `${head}${heading.none}\n`;
  const header = [`| ${heading.columns.join(" | ")} |`, `|${heading.columns.map(() => "---").join("|")}|`];
  return `${head}${[...header, ...withinBudget(rows, summaryBudget - Buffer.byteLength(head) - 200, lang)].join("\n")}\n`;
}
