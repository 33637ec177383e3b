import type { ChalkInstance } from "chalk";
import type { Lang, Severity } from "../finding.js";
import type { Report } from "./report.js";
import type { Failure } from "./verdict.js";

/** What a formatter may know besides the findings: all of it plain data, so formatters stay pure. */
export interface FormatContext {
  lang: Lang;
  /** Colours for terminal formats; level 0 prints plain text. */
  chalk: ChalkInstance;
  /** Each checked file's text, by the name the report gives it: for code frames and the HTML report. */
  sources: ReadonlyMap<string, string>;
  /** The lowest severity that fails the check (JUnit failures). */
  failOn: Severity;
  /** budget-rules' version, for SARIF. */
  version: string;
  /** What fails the run besides its errors (--max-warnings, --fail-on), stated in the summary. Default: none. */
  failures?: readonly Failure[];
}

/** A formatter is a pure function from a report to text. */
export type Formatter = (report: Report, context: FormatContext) => string;
