import type { Lang, Severity } from "../finding.js";
import { codeFrame } from "./code-frame.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";
import { failureText } from "./verdict.js";
import { configsApplied, configWord, counted, position, printable, severityWords, suggestion } from "./vocabulary.js";

/**
 * Findings grouped by file, one per line as `line:col  severity  message  rule`; under each error the
 * YAML around it with a caret under the figure, and the suggested value; the config that applied under
 * each file's name; then a summary.
 */
export function formatStylish(report: Report, { lang, chalk, sources, failures = [] }: FormatContext): string {
  const paint: Record<Severity, (text: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    lines.push(chalk.underline(printable(file.file)));
    if (file.config !== null) lines.push(chalk.dim(`  ${configWord[lang]}${printable(file.config)}`));
    const positionWidth = Math.max(...file.findings.map((finding) => position(finding).length));
    const severityWidth = Math.max(...file.findings.map((finding) => severityWords[lang][finding.severity].length));
    const source = sources.get(file.file)?.split(/\r\n?|\n/);
    for (const finding of file.findings) {
      const shownAt = chalk.dim(position(finding).padEnd(positionWidth));
      const severity = paint[finding.severity](severityWords[lang][finding.severity].padEnd(severityWidth));
      lines.push(`  ${shownAt}  ${severity}  ${printable(finding.message)}  ${chalk.dim(printable(finding.rule))}`);
      if (finding.severity !== "error" || source === undefined) continue;
      const indent = " ".repeat(positionWidth + 4);
      lines.push(codeFrame(source, finding, chalk.red).replace(/^/gm, indent));
      const suggested = suggestion(finding, lang);
      if (suggested) lines.push(`${indent}${chalk.bold(printable(suggested))}`);
      lines.push("");
    }
    lines.push("");
  }
  // A file with findings names its config under its name; the files without findings are named nowhere else.
  const configs = report.files.some((file) => file.findings.length === 0) ? configsApplied(report.files, lang) : undefined;
  if (configs !== undefined) lines.push(chalk.dim(`${configWord[lang]}${configs}`));
  lines.push(summaryLine(report, lang, chalk, failures.length > 0));
  // Why a run without errors fails, under the counts that show it.
  for (const failure of failures) lines.push(chalk.red.bold(`✖ ${failureText(failure, lang)}`));
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

/** What was left unread: each file with a `not read` note (a document read only in part), and how many notes. */
function unread(report: Report): { files: number; notes: number } {
  const notes = report.files.map((file) => file.findings.filter((finding) => finding.rule === "narrative" && finding.messageId === "not-read").length);
  return { files: notes.filter((count) => count > 0).length, notes: notes.reduce((sum, count) => sum + count, 0) };
}

/**
 * The closing line. A document read only in part never gets the green ✔ of one checked in full: the line
 * says how many files were checked only in part, and how much of them was not read.
 */
function summaryLine(report: Report, lang: Lang, chalk: FormatContext["chalk"], failed: boolean): string {
  const { error, warning, info } = report.summary;
  const files = report.files.length;
  const total = error + warning + info;
  const partly = unread(report);
  // A run that fails (too many warnings, --fail-on warning) never shows the ✔ of one that passes.
  const mark = error > 0 || failed ? "✖" : partly.files > 0 ? "◐" : "✔";
  const colour = (text: string) => (error > 0 || failed ? chalk.red.bold(text) : warning > 0 || partly.files > 0 ? chalk.yellow.bold(text) : chalk.green(text));
  if (lang === "zh") {
    if (total === 0 && !failed) return chalk.green(`✔ 检查了 ${files} 个文件，没有发现问题`);
    const part = partly.files > 0 ? `（其中 ${partly.files} 个只核对了一部分：${partly.notes} 处未读，见“未读”提示）` : "";
    return colour(`${mark} 检查了 ${files} 个文件${part}：${error} 个错误，${warning} 个警告，${info} 条提示`);
  }
  if (total === 0 && !failed) return chalk.green(`✔ ${counted(files, "file")} checked, no problems`);
  const part = partly.files > 0 ? ` (${partly.files} of them only in part: ${partly.notes} not read, see the "Not read" notes)` : "";
  return colour(`${mark} ${counted(files, "file")} checked${part}: ${counted(error, "error")}, ${counted(warning, "warning")}, ${info} info`);
}
