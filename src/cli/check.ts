import { Chalk } from "chalk";
import { appendFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findConfig } from "../config/config.js";
import type { Lang, Severity } from "../finding.js";
import { loadFormatter, workbookFormat, type FormatName, type OutputFormat } from "../report/formats.js";
import { version } from "../package-root.js";
import { failureText } from "../report/verdict.js";
import { declarationFiles, defaultMaxFileSize, InputError, looksLikeDeclaration } from "../run/files.js";
import { ignoredBy, ignoreFileName } from "../run/ignore.js";
import { checkFiles, checkInput, type RunOptions, type RunResult } from "../run/run.js";
import { colourLevel, defaultLang, exitCodes, type CliIO } from "./io.js";
import { printConfig } from "./print-config.js";
import { reportFiles, refuseInputs, writeReport, type ReportFile } from "./report-files.js";
import { refuseWorkbookToStdout, workbookInput, writeWorkbook, type WorkbookInput } from "./workbook-output.js";

/** Variables by which CI services say a run is theirs (CI for most; Jenkins and Azure set their own). */
const ciVariables = ["CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "JENKINS_URL", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD"];

/**
 * Progress is for a person at a terminal: never in CI (a log that keeps every `\r` rewrite is noise),
 * never when stderr is a file or pipe, never on a terminal that cannot rewrite a line (TERM=dumb).
 */
export function showsProgress(env: CliIO["env"], stderrIsTTY: boolean): boolean {
  const inCI = ciVariables.some((name) => env[name] !== undefined && env[name] !== "" && env[name] !== "false" && env[name] !== "0");
  return stderrIsTTY && !inCI && env.TERM !== "dumb";
}

/** Checking more files than this on a terminal shows progress on stderr. */
const progressAbove = 5;
const progressWidth = 100;

/** One line rewritten in place (`\r`): `12/30 file`; blanked when the last file is done. */
function progressLine(done: number, total: number, file: string): string {
  const line = `\r${`${done}/${total} ${file}`.slice(0, progressWidth - 1).padEnd(progressWidth - 1)}`;
  return done === total ? `${line}\r${" ".repeat(progressWidth - 1)}\r` : line;
}

export interface CheckOptions {
  format: OutputFormat[];
  cache?: boolean;
  cacheLocation?: string;
  output?: string[];
  lang?: Lang;
  config?: string;
  failOn: Severity;
  maxWarnings?: number;
  quiet?: boolean;
  /** In bytes. */
  maxFileSize?: number;
  declarationsOnly?: boolean;
  /** commander's --no-config-lookup: false when given. */
  configLookup?: boolean;
  /** commander's --no-ignore: false when given. */
  ignore?: boolean;
  ignorePattern?: string[];
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
}

const isFormatter = (format: OutputFormat): format is FormatName => format !== workbookFormat;

/** The check command: the run API, then each report written where it was asked for. */
export async function runCheck(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
  const lang = options.lang ?? defaultLang(io.env);
  if (options.printConfig !== undefined) return printConfig(options.printConfig, { ...options, lang }, io);
  if (options.stdin && paths.length > 0) throw new InputError("--stdin checks the standard input: give no path with it");
  if (!options.stdin && paths.length === 0) {
    io.stderr("error: missing required argument 'paths' (or --stdin, or --print-config <file>)\n");
    return exitCodes.notChecked;
  }
  const { toStdout, toFiles } = reportFiles(options.format, options.output ?? [], io.cwd);
  refuseWorkbookToStdout(toStdout, lang);
  const wantsWorkbook = toFiles.some((file) => file.format === workbookFormat);
  const formats = [...toStdout, ...toFiles.map((file) => file.format)].filter(isFormatter);
  const runOptions = runOptionsOf(options, io, lang, formats);
  let result: RunResult;
  let workbook: WorkbookInput | undefined;
  if (options.stdin) {
    if (!io.stdin) throw new InputError("no standard input to read");
    if (wantsWorkbook)
      throw new InputError(lang === "zh" ? "-f xlsx 需要工作簿文件本身，不能读标准输入" : "-f xlsx needs the workbook as a file, not on the standard input");
    const filename = options.stdinFilename ?? "<stdin>";
    // A report never replaces what it reports on: the file the text stands for, nor its config.
    if (toFiles.length > 0) refuseInputs(toFiles, [resolve(io.cwd, filename), ...configsOf([resolve(io.cwd, filename)], options, io.cwd)]);
    result = await checkInput(await io.stdin(options.maxFileSize ?? defaultMaxFileSize), filename, runOptions);
  } else {
    const declarations = listDeclarations(paths, options, io);
    // A commit that touches no declaration has nothing to check, and that is no failure.
    if (declarations.length === 0) return exitCodes.ok;
    // Listed here, so that a report file that is one of the inputs is refused before anything is checked.
    if (toFiles.length > 0) refuseInputs(toFiles, [...declarations, ...configsOf(declarations, options, io.cwd)]);
    if (wantsWorkbook) workbook = workbookInput(declarations, { ...options, cwd: io.cwd, lang });
    result = await checkFiles(declarations, runOptions);
  }
  return writeReports(result, { lang, failOn: options.failOn, toStdout: toStdout.filter(isFormatter), toFiles, formats, workbook }, io);
}

/** The files to check: folders searched, ignored paths left out (a word for each named one), other YAML with --declarations-only. */
function listDeclarations(paths: string[], options: CheckOptions, io: CliIO): string[] {
  const ignored = options.ignore === false ? undefined : ignoredBy(io.cwd, options.ignorePattern ?? []);
  const onIgnored = (given: string) => io.stderr(`budget-rules: warning: ${given} is ignored (${ignoreFileName} or --ignore-pattern); --no-ignore checks it\n`);
  const listed = declarationFiles(paths, io.cwd, ignored ? { ignored, onIgnored } : {});
  return options.declarationsOnly ? listed.filter((path) => looksLikeDeclaration(path, options.maxFileSize)) : listed;
}

/** The configs the declarations read, which no report may replace. */
function configsOf(declarations: string[], options: CheckOptions, cwd: string): string[] {
  if (options.config !== undefined) return [resolve(cwd, options.config)];
  if (options.configLookup === false) return [];
  return [...new Set(declarations.map((path) => dirname(path)))].flatMap((folder) => findConfig(folder) ?? []);
}

function runOptionsOf(options: CheckOptions, io: CliIO, lang: Lang, formats: FormatName[]): RunOptions {
  const showProgress = showsProgress(io.env, Boolean(io.stderrIsTTY));
  return {
    cwd: io.cwd,
    lang,
    // Code frames need the text of files with errors; the HTML report reads each declaration's view.
    sources: formats.includes("stylish") ? "errors" : "none",
    view: formats.includes("html"),
    failOn: options.failOn,
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.cache ? { cacheLocation: options.cacheLocation ?? ".budget-rules-cache" } : {}),
    ...(options.config !== undefined ? { configPath: options.config } : {}),
    ...(options.configLookup === false ? { configLookup: false } : {}),
    ...(options.ignore === false ? { ignore: false } : { ignorePatterns: options.ignorePattern ?? [] }),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    onProgress: (done, total, file) => {
      if (showProgress && total > progressAbove) io.stderr(progressLine(done, total, file));
    },
  };
}

interface Outputs {
  lang: Lang;
  failOn: Severity;
  toStdout: FormatName[];
  toFiles: ReportFile[];
  formats: FormatName[];
  /** The workbook checked, for `-f xlsx`. */
  workbook?: WorkbookInput | undefined;
}

/** Each report where it was asked for, the step summary, the warnings; the run's exit code. */
async function writeReports({ report, exitCode, sources, warnings, failures }: RunResult, outputs: Outputs, io: CliIO): Promise<number> {
  const { lang, toStdout, toFiles, formats } = outputs;
  const context = { lang, sources, failOn: outputs.failOn, version, failures, chalk: new Chalk({ level: colourLevel(io.env, io.stdoutIsTTY) }) };
  for (const format of toStdout) io.stdout((await loadFormatter(format))(report, context));
  for (const file of toFiles) {
    if (file.format !== workbookFormat) await writeReport(file, (await loadFormatter(file.format))(report, { ...context, chalk: new Chalk({ level: 0 }) }));
    else if (outputs.workbook) await writeWorkbook(file, outputs.workbook, report, lang);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (formats.includes("github") && summaryFile) {
    try {
      appendFileSync(summaryFile, (await import("../report/github.js")).githubSummary(report, lang, failures));
    } catch (error) {
      // The annotations are out and count; the summary only repeats them, so its loss is a warning.
      warnings.push(`cannot append the summary to GITHUB_STEP_SUMMARY (${summaryFile}): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  for (const warning of warnings) io.stderr(`budget-rules: warning: ${warning}\n`);
  // Stylish and GitHub state why the run fails in their summary; with neither on stdout, stderr says it.
  if (!toStdout.some((format) => format === "stylish" || format === "github"))
    for (const failure of failures) io.stderr(`budget-rules: ${failureText(failure, lang)}\n`);
  return exitCode;
}
