import type { ChalkInstance } from "chalk";
import type { Finding, Lang, Severity } from "../finding.js";
import type { Report } from "./report.js";

const severityWords: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

export interface StylishOptions {
  lang: Lang;
  /** chalk at level 0 prints plain text. */
  chalk: ChalkInstance;
}

/** Findings grouped by file, one per line as `line:col  severity  message  rule`, then a summary. */
export function formatStylish(report: Report, { lang, chalk }: StylishOptions): string {
  const paint: Record<Severity, (text: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    lines.push(chalk.underline(file.file));
    const positionWidth = Math.max(...file.findings.map((finding) => `${finding.line}:${finding.column}`.length));
    const severityWidth = Math.max(...file.findings.map((finding) => severityWords[lang][finding.severity].length));
    for (const finding of file.findings) lines.push(formatFinding(finding, lang, paint, chalk, positionWidth, severityWidth));
    lines.push("");
  }
  lines.push(summaryLine(report, lang, chalk));
  return `${lines.join("\n")}\n`;
}

function formatFinding(
  finding: Finding,
  lang: Lang,
  paint: Record<Severity, (text: string) => string>,
  chalk: ChalkInstance,
  positionWidth: number,
  severityWidth: number,
): string {
  const position = chalk.dim(`${finding.line}:${finding.column}`.padEnd(positionWidth));
  const severity = paint[finding.severity](severityWords[lang][finding.severity].padEnd(severityWidth));
  return `  ${position}  ${severity}  ${finding.message}  ${chalk.dim(finding.rule)}`;
}

function summaryLine(report: Report, lang: Lang, chalk: ChalkInstance): string {
  const { error, warning, info } = report.summary;
  const files = report.files.length;
  const total = error + warning + info;
  if (lang === "zh") {
    if (total === 0) return chalk.green(`✔ 检查了 ${files} 个文件，没有发现问题`);
    const text = `${error > 0 ? "✖" : "✔"} 检查了 ${files} 个文件：${error} 个错误，${warning} 个警告，${info} 条提示`;
    return error > 0 ? chalk.red.bold(text) : warning > 0 ? chalk.yellow.bold(text) : chalk.green(text);
  }
  if (total === 0) return chalk.green(`✔ ${files} ${files === 1 ? "file" : "files"} checked, no problems`);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const text = `${error > 0 ? "✖" : "✔"} ${plural(files, "file")} checked: ${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info`;
  return error > 0 ? chalk.red.bold(text) : warning > 0 ? chalk.yellow.bold(text) : chalk.green(text);
}
