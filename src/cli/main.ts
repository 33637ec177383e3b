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
import { checkAfterWords, checkWords, commandWords, helpConfiguration, helpLang, programWords } from "./help-text.js";
import type { Text } from "../text.js";

export { colourLevel, defaultLang, exitCodes, type CliIO } from "./io.js";

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The words of the help in the run's language: `say(text)` picks it. */
type Say = (text: Text) => string;

const langOption = (say: Say) => new Option("--lang <lang>", say(programWords.lang)).choices(["zh", "en"]);

/** -f collects repeated formats, which choices() alone would not. */
function formatOption(say: Say): Option {
  return new Option("-f, --format <name>", say(checkWords.format)).choices(outputFormats).argParser((value: string, previous: OutputFormat[] | undefined) => {
    if (!(outputFormats as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${outputFormats.join(", ")}.`);
    return [...(previous ?? []), value as OutputFormat];
  });
}

function parseMaxWarnings(say: Say): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(say(checkWords.wholeNumber));
    return Number.parseInt(value, 10);
  };
}

/** --max-file-size is given in megabytes and kept in bytes. */
function parseMaxFileSize(say: Say): (value: string) => number {
  return (value) => {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError(say(checkWords.megabytes));
    const bytes = Math.floor(Number(value) * 1024 * 1024);
    // A limit below one byte would refuse every file, and print as "0 MB".
    if (bytes < 1) throw new InvalidArgumentError(say(checkWords.oneByte));
    return bytes;
  };
}

/** `check`: its exit code is handed to onExit, since commander's action cannot return it. */
function addCheckCommand(program: Command, io: CliIO, say: Say, onExit: (code: number) => void): void {
  const w = checkWords;
  program
    .command("check")
    .description(say(w.description))
    .argument("[paths...]", say(w.paths))
    .addOption(formatOption(say))
    .option("-o, --output <file>", say(w.output), collect)
    .addOption(langOption(say))
    .option("-c, --config <path>", say(w.config))
    .option("--no-config-lookup", say(w.noConfigLookup))
    .addOption(new Option("--fail-on <severity>", say(w.failOn)).choices(["error", "warning", "info"]).default("error"))
    .option("--max-warnings <n>", say(w.maxWarnings), parseMaxWarnings(say))
    .option("-q, --quiet", say(w.quiet))
    .option("--max-file-size <MB>", say(w.maxFileSize), parseMaxFileSize(say))
    .option("--cache", say(w.cache))
    .option("--cache-location <path>", say(w.cacheLocation))
    .option("--ignore-pattern <pattern>", say(w.ignorePattern), collect)
    .option("--no-ignore", say(w.noIgnore(ignoreFileName)))
    .option("--stdin", say(w.stdin))
    .option("--stdin-filename <name>", say(w.stdinFilename))
    .option("--print-config <file>", say(w.printConfig))
    .option("--declarations-only", say(w.declarationsOnly))
    .addHelpText("after", say(checkAfterWords))
    .action(async (paths: string[], options: Omit<CheckOptions, "format"> & { format?: OutputFormat[] }) => {
      onExit(await runCheck(paths, { ...options, format: options.format ?? [] }, io));
    });
}

function addRulesCommand(program: Command, io: CliIO, say: Say): void {
  program
    .command("rules")
    .description(say(commandWords.rules))
    .addOption(langOption(say))
    .action((options: { lang?: Lang }) => io.stdout(formatRuleList(options.lang ?? defaultLang(io.env))));
}

function addExplainCommand(program: Command, io: CliIO, say: Say): void {
  program
    .command("explain")
    .description(say(commandWords.explain))
    .argument("<rule>", say(commandWords.explainRule))
    .addOption(langOption(say))
    .action((id: string, options: { lang?: Lang }) => {
      const explanation = explainRule(id, options.lang ?? defaultLang(io.env));
      if (explanation === undefined) throw new InputError(`no rule “${id}”; \`budget-rules rules\` lists them`);
      io.stdout(explanation);
    });
}

function addInitCommand(program: Command, io: CliIO, say: Say): void {
  program
    .command("init")
    .description(say(commandWords.init))
    .argument("[file]", say(commandWords.initFile), "budget.yaml")
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

function addSchemaCommand(program: Command, io: CliIO, say: Say): void {
  const w = commandWords;
  program
    .command("import")
    .description(say(w.import))
    .argument("<file>", say(w.importFile))
    .option("-o, --output <file>", say(w.importOutput))
    .option("--force", say(w.importForce))
    .addOption(langOption(say))
    // Loaded when used: a check of declarations does not pay for the document readers. Its comments
    // speak the run's language: --lang, else the locale's.
    .action(async (file: string, options: ImportOptions) =>
      (await import("./import.js")).runImport(file, { ...options, lang: options.lang ?? defaultLang(io.env) }, io),
    );

  program
    .command("schema")
    .description(say(w.schema))
    .option("--print", say(w.schemaPrint))
    .action((options: { print?: boolean }) => {
      io.stdout(options.print ? readFileSync(schemaPath, "utf8") : `${schemaPath}\n`);
    });
}

/** What a run that threw exits with, after saying why on stderr. */
function thrownExitCode(error: unknown, io: CliIO): number {
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
  // The help speaks the run's language, which must be known before the commands are made.
  const lang = helpLang(argv, defaultLang(io.env));
  const say: Say = (text) => text[lang];
  const program = new Command()
    .name("budget-rules")
    .description(say(programWords.description))
    .version(version, "-v, --version", say(programWords.version))
    .helpOption("-h, --help", say(programWords.help))
    .helpCommand("help [command]", say(programWords.helpCommand))
    .configureHelp(helpConfiguration(lang))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);
  addCheckCommand(program, io, say, (code) => (exitCode = code));
  addRulesCommand(program, io, say);
  addExplainCommand(program, io, say);
  addInitCommand(program, io, say);
  addSchemaCommand(program, io, say);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return thrownExitCode(error, io);
  }
}
