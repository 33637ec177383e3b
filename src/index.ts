/**
 * budget-rules as a library: check declarations, then format the findings. The CLI is a thin layer
 * over exactly this.
 */
import { Chalk } from "chalk";
import { version } from "./package-root.js";
import type { FormatContext, Formatter } from "./report/formatter.js";
import type { Report } from "./report/report.js";
import { formatGithub, githubSummary } from "./report/github.js";
import { formatGitlab } from "./report/gitlab.js";
import { formatHtml } from "./report/html.js";
import { formatJson } from "./report/json.js";
import { formatJunit } from "./report/junit.js";
import { formatSarif } from "./report/sarif.js";
import { formatStylish } from "./report/stylish.js";

export { checkText, type CheckOptions } from "./run/check-text.js";
export { checkFiles, checkInput, type RunOptions, type RunResult } from "./run/run.js";
export { InputError } from "./run/files.js";
export { WorkerStopped } from "./run/threads.js";
export { ConfigError, emptyConfig, parseConfig, readConfig, findConfig, type Config } from "./config/config.js";
export type { Finding, Lang, RelatedLocation, Severity, SeverityCounts } from "./finding.js";
export {
  DocumentError,
  placeLabel,
  type DocumentKind,
  type DocumentProblem,
  type DocumentText,
  type DocxPlace,
  type Place,
  type PdfPlace,
  type TableCell,
  type TextPlace,
  type XlsxPlace,
} from "./document/formats/document.js";
export { detectFormat, type Format } from "./document/formats/format.js";
export { defaultLimits, type DocumentLimits } from "./document/formats/limits.js";
export { readDocument, readDocumentFile, type ReadDocumentFileOptions, type ReadDocumentOptions } from "./document/formats/read.js";
export type { FileReport, Report } from "./report/report.js";
export { reportOf } from "./report/report.js";
export type { FormatContext, Formatter } from "./report/formatter.js";
export type { FormatName } from "./report/formats.js";
export type { Rule, RuleMeta } from "./rules/rule.js";
export { rules } from "./rules/index.js";
export { githubSummary };

/** A formatter as the library offers it: the context may be left out, in part or whole. */
export type LibraryFormatter = (report: Report, context?: Partial<FormatContext>) => string;

/** Plain text (no colour), English, no code frames, failing on errors, this version. */
function withDefaults(format: Formatter): LibraryFormatter {
  return (report, context = {}) => format(report, { lang: "en", chalk: new Chalk({ level: 0 }), sources: new Map(), failOn: "error", version, ...context });
}

/** Every formatter, each a pure function from a report (and its context) to text. */
export const formatters = {
  stylish: withDefaults(formatStylish),
  json: withDefaults(formatJson),
  sarif: withDefaults(formatSarif),
  junit: withDefaults(formatJunit),
  github: withDefaults(formatGithub),
  gitlab: withDefaults(formatGitlab),
  html: withDefaults(formatHtml),
} as const;
