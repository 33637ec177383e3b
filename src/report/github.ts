import type { Finding, Lang, Severity } from "../finding.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";
import { configsApplied, configWord, counted, position, printable, suggestion } from "./vocabulary.js";

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

/** GitHub Actions annotations: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function formatGithub(report: Report, { lang }: FormatContext): string {
  const lines = report.files.flatMap((file) =>
    file.findings.map((finding) => {
      const properties = [
        `file=${escapeProperty(file.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(`budget-rules ${finding.rule}`)}`,
      ].join(",");
      const suggested = suggestion(finding, lang);
      return `::${commands[finding.severity]} ${properties}::${escapeData(`${finding.place ? `${finding.place}: ` : ""}${finding.message}${suggested ? `\n${suggested}` : ""}`)}`;
    }),
  );
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

/**
 * The Markdown table for GITHUB_STEP_SUMMARY: GitHub shows only some annotations per step, the summary
 * shows every finding.
 */
export function githubSummary(report: Report, lang: Lang): string {
  const heading = headings[lang];
  const { error, warning, info } = report.summary;
  const counts =
    lang === "zh" ? `${error} 个错误，${warning} 个警告，${info} 条提示` : `${counted(error, "error")}, ${counted(warning, "warning")}, ${info} info`;
  const rows = report.files.flatMap((file) =>
    file.findings.map(
      (finding: Finding) => `| ${cell(file.file)} | ${cell(position(finding))} | ${finding.severity} | ${cell(finding.rule)} | ${cell(finding.message)} |`,
    ),
  );
  const table =
    rows.length === 0 ? heading.none : [`| ${heading.columns.join(" | ")} |`, `|${heading.columns.map(() => "---").join("|")}|`, ...rows].join("\n");
  const configs = configsApplied(report.files, lang);
  const config = configs === undefined ? "" : `${configWord[lang]}${cell(configs)}\n\n`;
  return `## ${heading.title}\n\n${counts}\n\n${config}${table}\n`;
}
