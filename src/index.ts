/**
 * budget-rules as a library: check declarations, then format the findings. The CLI is a thin layer
 * over exactly this.
 */
import { formatGithub, githubSummary } from "./report/github.js";
import { formatHtml } from "./report/html.js";
import { formatJson } from "./report/json.js";
import { formatJunit } from "./report/junit.js";
import { formatSarif } from "./report/sarif.js";
import { formatStylish } from "./report/stylish.js";

export { checkText, type CheckOptions, type FileReport } from "./check.js";
export { checkFiles, InputError, type CheckFilesOptions } from "./check-files.js";
export { ConfigError, emptyConfig, parseConfig, readConfig, findConfig, type Config } from "./config/config.js";
export type { Finding, Lang, RelatedLocation, Severity, SeverityCounts } from "./finding.js";
export type { Report } from "./report/report.js";
export { reportOf } from "./report/report.js";
export type { FormatContext, Formatter } from "./report/formatter.js";
export type { FormatName } from "./report/formats.js";
export type { Rule, RuleMeta } from "./rules/rule.js";
export { rules } from "./rules/index.js";
export { githubSummary };

/** Every formatter, each a pure function from a report (and its context) to text. */
export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  html: formatHtml,
} as const;
