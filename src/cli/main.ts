import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { ConfigError } from "../config/config.js";
import type { Lang } from "../finding.js";
import { outputFormats, type OutputFormat } from "../report/formats.js";
import { schemaPath, version } from "../package-root.js";
import { InputError } from "../run/files.js";
import { ignoreFileName } from "../run/ignore.js";
import { WorkerStopped } from "../run/threads.js";
import { runCheck, type CheckOptions } from "./check.js";
import type { ImportOptions } from "./import.js";
import { defaultLang, exitCodes, type CliIO } from "./io.js";
import { explainRule, formatRuleList } from "./rule-docs.js";
import { declarationTemplate } from "./template.js";

export { colourLevel, defaultLang, exitCodes, type CliIO } from "./io.js";

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

const langOption = () => new Option("--lang <lang>", "language of messages (default: zh when LC_ALL or LANG begins with zh)").choices(["zh", "en"]);

/** -f collects repeated formats, which choices() alone would not. */
function formatOption(): Option {
  return new Option("-f, --format <name>", "report format; repeat for several (default: stylish)")
    .choices(outputFormats)
    .argParser((value: string, previous: OutputFormat[] | undefined) => {
      if (!(outputFormats as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${outputFormats.join(", ")}.`);
      return [...(previous ?? []), value as OutputFormat];
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
  "Formats: stylish (terminal), json, sarif (code scanning), junit (CI test reports), github (annotations), gitlab (Code Quality), html (a page to print or attach), xlsx (an Excel workbook checked, back with its findings' cells marked; needs -o)",
  "  budget-rules check -f stylish -f sarif -o report.sarif declarations/",
  "",
  "-- ends the options: give a shell glob after it, so that a file named like an option is a path",
  "  budget-rules check --cache -- *",
  "",
  "Exit codes:",
  "  0  no finding at or above --fail-on (default: error), and no more warnings than --max-warnings",
  "  1  a finding at or above --fail-on (YAML syntax and schema errors included), or too many warnings",
  "  2  the check could not run: a bad flag, a missing path, an unreadable file or config, no YAML file, an output that cannot be written",
].join("\n");

/** `check`: its exit code is handed to onExit, since commander's action cannot return it. */
function addCheckCommand(program: Command, io: CliIO, onExit: (code: number) => void): void {
  program
    .command("check")
    .description("check declarations: YAML files, or folders searched for *.yaml and *.yml")
    .argument("[paths...]", "declaration files or folders")
    .addOption(formatOption())
    .option("-o, --output <file>", "write the report of the matching -f to a file; repeat in pairs", collect)
    .addOption(langOption())
    .option("-c, --config <path>", "use this config for every file (default: the nearest budget-rules.config.yaml above each file, up to the repository root)")
    .option("--no-config-lookup", "look for no budget-rules.config.yaml: the built-in severities, or only the --config given")
    .addOption(new Option("--fail-on <severity>", "the lowest severity that fails the check").choices(["error", "warning", "info"]).default("error"))
    .option("--max-warnings <n>", "fail when there are more warnings than this", parseMaxWarnings)
    .option("-q, --quiet", "report errors only (the exit code still counts every finding)")
    .option("--max-file-size <MB>", "report larger files instead of checking them (default: 32)", parseMaxFileSize)
    .option("--cache", "reuse the findings of files whose content is unchanged since the last run with --cache (content, config, version)")
    .option("--cache-location <path>", "where --cache keeps its results (default: .budget-rules-cache)")
    .option("--ignore-pattern <pattern>", "leave out files and folders matching it (gitignore syntax, relative to the working directory); repeatable", collect)
    .option("--no-ignore", `check what ${ignoreFileName} and --ignore-pattern would leave out`)
    .option("--stdin", "check the text on the standard input instead of files")
    .option("--stdin-filename <name>", "the file the standard input stands for: its name in reports, its config, its kind")
    .option("--print-config <file>", "print the config and severities that apply to the file, and check nothing")
    .option("--declarations-only", "check only the named files with a top-level `version: 1` line, passing over other YAML (for pre-commit)")
    .addHelpText("after", checkHelp)
    .action(async (paths: string[], options: Omit<CheckOptions, "format"> & { format?: OutputFormat[] }) => {
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
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof InputError || error instanceof WorkerStopped) {
    io.stderr(`budget-rules: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (error instanceof ConfigError) {
    io.stderr(error.lines.map((line) => `budget-rules: ${line}\n`).join(""));
    return exitCodes.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`budget-rules: internal error: ${message.split("\n")[0]}\n`);
  return exitCodes.usage;
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
