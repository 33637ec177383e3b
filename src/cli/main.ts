import { Chalk, type ColorSupportLevel } from "chalk";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { ConfigError, findConfig } from "../config/config.js";
import type { Lang, Severity } from "../finding.js";
import { formatNames, loadFormatter, type FormatName } from "../report/formats.js";
import { schemaPath, version } from "../package-root.js";
import { declarationFiles, InputError } from "../run/files.js";
import { exitCodes } from "../run/exit-code.js";
import { checkFiles } from "../run/run.js";
import { WorkerStopped } from "../run/threads.js";
import type { ImportOptions } from "./import.js";
import { explainRule, formatRuleList } from "./rule-docs.js";
import { reportFiles, refuseInputs, writeReport } from "./report-files.js";
import { declarationTemplate } from "./template.js";

/** Everything the CLI touches of the outside world but the files it is told to read and write. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY?: boolean;
}

/** zh when the locale (LC_ALL, else LANG) is Chinese. */
export function defaultLang(env: CliIO["env"]): Lang {
  const locale = env.LC_ALL || env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** FORCE_COLOR wins; then NO_COLOR; then colour only on a terminal. */
export function colourLevel(env: CliIO["env"], isTTY: boolean): ColorSupportLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "0" || force === "false") return 0;
    if (force === "2" || force === "3") return Number(force) as ColorSupportLevel;
    return 1;
  }
  if (env.NO_COLOR) return 0;
  return isTTY ? 1 : 0;
}

/** Checking more files than this on a terminal shows progress on stderr. */
const progressAbove = 5;
const progressWidth = 100;

/** One line rewritten in place (`\r`): `12/30 file`; blanked when the last file is done. */
function progressLine(done: number, total: number, file: string): string {
  const line = `\r${`${done}/${total} ${file}`.slice(0, progressWidth - 1).padEnd(progressWidth - 1)}`;
  return done === total ? `${line}\r${" ".repeat(progressWidth - 1)}\r` : line;
}

interface CheckOptions {
  format: FormatName[];
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
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The check command: the run API, then each report written where it was asked for. */
async function runCheck(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
  const lang = options.lang ?? defaultLang(io.env);
  const { toStdout, toFiles } = reportFiles(options.format, options.output ?? [], io.cwd);
  const formats = [...toStdout, ...toFiles.map((file) => file.format)];
  // Listed once here, so that a report file that is one of the inputs is refused before anything is checked.
  const declarations = declarationFiles(paths, io.cwd);
  if (toFiles.length > 0) {
    const folders = new Set(declarations.map((path) => dirname(path)));
    const configs = options.config !== undefined ? [resolve(io.cwd, options.config)] : [...folders].flatMap((folder) => findConfig(folder) ?? []);
    refuseInputs(toFiles, [...declarations, ...configs]);
  }
  const showProgress = Boolean(io.stderrIsTTY) && !io.env.CI;
  const { report, exitCode, sources, warnings } = await checkFiles(declarations, {
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
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    onProgress: (done, total, file) => {
      if (showProgress && total > progressAbove) io.stderr(progressLine(done, total, file));
    },
  });
  const context = { lang, sources, failOn: options.failOn, version, chalk: new Chalk({ level: colourLevel(io.env, io.stdoutIsTTY) }) };
  for (const format of toStdout) io.stdout((await loadFormatter(format))(report, context));
  for (const file of toFiles) await writeReport(file, (await loadFormatter(file.format))(report, { ...context, chalk: new Chalk({ level: 0 }) }));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (formats.includes("github") && summaryFile) {
    try {
      appendFileSync(summaryFile, (await import("../report/github.js")).githubSummary(report, lang));
    } catch (error) {
      // The annotations are out and count; the summary only repeats them, so its loss is a warning.
      warnings.push(`cannot append the summary to GITHUB_STEP_SUMMARY (${summaryFile}): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  for (const warning of warnings) io.stderr(`budget-rules: warning: ${warning}\n`);
  return exitCode;
}

const langOption = () => new Option("--lang <lang>", "language of messages (default: zh when LC_ALL or LANG begins with zh)").choices(["zh", "en"]);

/** -f collects repeated formats, which choices() alone would not. */
function formatOption(): Option {
  return new Option("-f, --format <name>", "report format; repeat for several (default: stylish)")
    .choices(formatNames)
    .argParser((value: string, previous: FormatName[] | undefined) => {
      if (!(formatNames as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${formatNames.join(", ")}.`);
      return [...(previous ?? []), value as FormatName];
    });
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("a whole number is needed");
  return Number.parseInt(value, 10);
}

/** --max-file-size is given in megabytes and kept in bytes. */
function parseMaxFileSize(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError("a number of megabytes is needed");
  const bytes = Math.floor(Number(value) * 1024 * 1024);
  // A limit below one byte would refuse every file, and print as "0 MB".
  if (bytes < 1) throw new InvalidArgumentError("a limit of at least one byte (0.000001 MB) is needed");
  return bytes;
}

const checkHelp = [
  "",
  "Formats: stylish (terminal), json, sarif (code scanning), junit (CI test reports), github (annotations), html (a page to print or attach)",
  "  budget-rules check -f stylish -f sarif -o report.sarif declarations/",
  "",
  "-- ends the options: give a shell glob after it, so that a file named like an option is a path",
  "  budget-rules check --cache -- *",
  "",
  "Exit codes:",
  "  0  no finding at or above --fail-on (default: error), and no more warnings than --max-warnings",
  "  1  a finding at or above --fail-on (YAML syntax and schema errors included), or too many warnings",
  "  2  the check did not run, or not for every file: a bad flag, a missing path, a config that cannot be read, no YAML file, an output that",
  "     cannot be written; a file that cannot be read (damaged, disguised, an unknown encoding), above --max-file-size, or from which no",
  "     figure was read. 2 goes before 1",
].join("\n");

/** `check`: its exit code is handed to onExit, since commander's action cannot return it. */
function addCheckCommand(program: Command, io: CliIO, onExit: (code: number) => void): void {
  program
    .command("check")
    .description("check declarations: YAML files, or folders searched for *.yaml and *.yml")
    .argument("<paths...>", "declaration files or folders")
    .addOption(formatOption())
    .option("-o, --output <file>", "write the report of the matching -f to a file; repeat in pairs", collect)
    .addOption(langOption())
    .option("-c, --config <path>", "use this config for every file (default: the nearest budget-rules.config.yaml above each file, up to the repository root)")
    .addOption(new Option("--fail-on <severity>", "the lowest severity that fails the check").choices(["error", "warning", "info"]).default("error"))
    .option("--max-warnings <n>", "fail when there are more warnings than this", parseMaxWarnings)
    .option("-q, --quiet", "report errors only (the exit code still counts every finding)")
    .option("--max-file-size <MB>", "report larger files instead of checking them (default: 32)", parseMaxFileSize)
    .option("--cache", "reuse the findings of files unchanged since the last run with --cache (size, time, config, version)")
    .option("--cache-location <path>", "where --cache keeps its results (default: .budget-rules-cache)")
    .addHelpText("after", checkHelp)
    .action(async (paths: string[], options: Omit<CheckOptions, "format"> & { format?: FormatName[] }) => {
      onExit(await runCheck(paths, { ...options, format: options.format ?? [] }, io));
    });
}

function addRulesCommand(program: Command, io: CliIO): void {
  program
    .command("rules")
    .description("list every rule with its id, default severity and description")
    .addOption(langOption())
    .action((options: { lang?: Lang }) => io.stdout(formatRuleList(options.lang ?? defaultLang(io.env))));
}

function addExplainCommand(program: Command, io: CliIO): void {
  program
    .command("explain")
    .description("what a rule checks and why, with a failing and a passing example")
    .argument("<rule>", "a rule id, as `budget-rules rules` lists them")
    .addOption(langOption())
    .action((id: string, options: { lang?: Lang }) => {
      const explanation = explainRule(id, options.lang ?? defaultLang(io.env));
      if (explanation === undefined) throw new InputError(`no rule “${id}”; \`budget-rules rules\` lists them`);
      io.stdout(explanation);
    });
}

function addInitCommand(program: Command, io: CliIO): void {
  program
    .command("init")
    .description("write a commented template declaration (never over an existing file)")
    .argument("[file]", "where to write it", "budget.yaml")
    .action((file: string) => {
      const path = resolve(io.cwd, file);
      if (existsSync(path)) throw new InputError(`${file} exists; init never overwrites a file`);
      const modeline = relative(dirname(path), schemaPath).split("\\").join("/");
      try {
        writeFileSync(path, declarationTemplate(modeline), { flag: "wx" });
      } catch (error) {
        throw new InputError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      io.stdout(`${file}\n`);
    });
}

function addSchemaCommand(program: Command, io: CliIO): void {
  program
    .command("import")
    .description("write the declaration read from a disclosure (text, Word, PDF, Excel), to review, correct and commit")
    .argument("<file>", "the disclosure")
    .option("-o, --output <file>", "write it to this file (default: stdout)")
    .option("--force", "overwrite the -o file if it exists")
    .addOption(langOption())
    // Loaded when used: a check of declarations does not pay for the document readers.
    .action(async (file: string, options: ImportOptions) => (await import("./import.js")).runImport(file, options, io));

  program
    .command("schema")
    .description("print the path of the bundled JSON Schema of declarations")
    .option("--print", "print the schema itself")
    .action((options: { print?: boolean }) => {
      io.stdout(options.print ? readFileSync(schemaPath, "utf8") : `${schemaPath}\n`);
    });
}

/** What a run that threw exits with, after saying why on stderr. */
function exitCodeOf(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with code 0; commander has already printed its line.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.notChecked;
  }
  if (error instanceof InputError || error instanceof WorkerStopped) {
    io.stderr(`budget-rules: ${error.message}\n`);
    return exitCodes.notChecked;
  }
  if (error instanceof ConfigError) {
    io.stderr(error.lines.map((line) => `budget-rules: ${line}\n`).join(""));
    return exitCodes.notChecked;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`budget-rules: internal error: ${message.split("\n")[0]}\n`);
  return exitCodes.notChecked;
}

/** Runs the command line; returns the exit code: 0 no failing finding, 1 a failing finding, 2 the check could not run. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command()
    .name("budget-rules")
    .description("预算公开核对 — checks a department budget declaration (部门预算公开) before it is submitted or published")
    .version(version, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);
  addCheckCommand(program, io, (code) => (exitCode = code));
  addRulesCommand(program, io);
  addExplainCommand(program, io);
  addInitCommand(program, io);
  addSchemaCommand(program, io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}
