import type { Finding, Lang, Severity } from "../finding.js";
import { codeFrame } from "./code-frame.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";

/** Severities as a person reads them, in each language. */
export const severityWords: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** “应为 35.06，实为 35.07，差 0.01，容差 0.015”: the figures of an arithmetic finding. */
export function suggestion(finding: Finding, lang: Lang): string | undefined {
  if (finding.expected === undefined || finding.actual === undefined) return undefined;
  const parts =
    lang === "zh"
      ? [
          `应为 ${finding.expected}`,
          `实为 ${finding.actual}`,
          finding.difference && `差 ${finding.difference}`,
          finding.tolerance && `容差 ${finding.tolerance}`,
        ]
      : [
          `expected ${finding.expected}`,
          `found ${finding.actual}`,
          finding.difference && `off by ${finding.difference}`,
          finding.tolerance && `tolerance ${finding.tolerance}`,
        ];
  return parts.filter(Boolean).join(lang === "zh" ? "，" : ", ");
}

/**
 * Findings grouped by file, one per line as `line:col  severity  message  rule`; under each error the
 * YAML around it with a caret under the figure, and the suggested value; then a summary.
 */
export function formatStylish(report: Report, { lang, chalk, sources }: FormatContext): string {
  const paint: Record<Severity, (text: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    lines.push(chalk.underline(file.file));
    const positionWidth = Math.max(...file.findings.map((finding) => `${finding.line}:${finding.column}`.length));
    const severityWidth = Math.max(...file.findings.map((finding) => severityWords[lang][finding.severity].length));
    const source = sources.get(file.file)?.split(/\r?\n/);
    for (const finding of file.findings) {
      const position = chalk.dim(`${finding.line}:${finding.column}`.padEnd(positionWidth));
      const severity = paint[finding.severity](severityWords[lang][finding.severity].padEnd(severityWidth));
      lines.push(`  ${position}  ${severity}  ${finding.message}  ${chalk.dim(finding.rule)}`);
      if (finding.severity !== "error" || source === undefined) continue;
      const indent = " ".repeat(positionWidth + 4);
      lines.push(codeFrame(source, finding, chalk.red).replace(/^/gm, indent));
      const suggested = suggestion(finding, lang);
      if (suggested) lines.push(`${indent}${chalk.bold(suggested)}`);
      lines.push("");
    }
    lines.push("");
  }
  lines.push(summaryLine(report, lang, chalk));
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

function summaryLine(report: Report, lang: Lang, chalk: FormatContext["chalk"]): string {
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
