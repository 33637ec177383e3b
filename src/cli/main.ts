import { Chalk, type ColorSupportLevel } from "chalk";
import { Command, CommanderError, Option } from "commander";
import { readFileSync } from "node:fs";
import { checkFiles, InputError } from "../check-files.js";
import { ConfigError } from "../config/config.js";
import { explainRule, formatRuleList } from "./rule-docs.js";
import type { Lang } from "../finding.js";
import { formatJson } from "../report/json.js";
import { formatStylish } from "../report/stylish.js";

/** Everything the CLI touches of the outside world, so that tests run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
}

export const exitCodes = { ok: 0, findings: 1, usage: 2 } as const;

const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

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

/** Runs the command line; returns the exit code: 0 no error, 1 an error-level finding, 2 the check could not run. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command()
    .name("budget-rules")
    .description("预算公开核对 — checks a department budget declaration (部门预算公开) before it is submitted or published")
    .version(version, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  program
    .command("check")
    .description("check declarations: YAML files, or folders searched for *.yaml and *.yml")
    .argument("<paths...>", "declaration files or folders")
    .addOption(new Option("-f, --format <name>", "report format").choices(["stylish", "json"]).default("stylish"))
    .addOption(new Option("--lang <lang>", "language of messages (default: zh when LC_ALL or LANG begins with zh)").choices(["zh", "en"]))
    .option("-c, --config <path>", "use this config for every file (default: each file's nearest budget-rules.config.yaml)")
    .addHelpText(
      "after",
      "\nExit codes:\n  0  no error-level finding\n  1  at least one error-level finding (YAML syntax and schema errors included)\n  2  the check could not run (bad flag, missing path, unreadable file, no YAML file)",
    )
    .action((paths: string[], options: { format: "stylish" | "json"; lang?: Lang; config?: string }) => {
      const lang = options.lang ?? defaultLang(io.env);
      const report = checkFiles(paths, { cwd: io.cwd, lang, ...(options.config !== undefined ? { configPath: options.config } : {}) });
      io.stdout(
        options.format === "json"
          ? formatJson(report)
          : formatStylish(report, { lang, chalk: new Chalk({ level: colourLevel(io.env, io.stdoutIsTTY) }) }),
      );
      exitCode = report.summary.error > 0 ? exitCodes.findings : exitCodes.ok;
    });

  const langOption = new Option("--lang <lang>", "language (default: zh when LC_ALL or LANG begins with zh)").choices(["zh", "en"]);
  program
    .command("rules")
    .description("list every rule with its id, default severity and description")
    .addOption(langOption)
    .action((options: { lang?: Lang }) => io.stdout(formatRuleList(options.lang ?? defaultLang(io.env))));
  program
    .command("explain")
    .description("what a rule checks and why, with a failing and a passing example")
    .argument("<rule>", "a rule id, as `budget-rules rules` lists them")
    .addOption(new Option("--lang <lang>", "language (default: zh when LC_ALL or LANG begins with zh)").choices(["zh", "en"]))
    .action((id: string, options: { lang?: Lang }) => {
      const explanation = explainRule(id, options.lang ?? defaultLang(io.env));
      if (explanation === undefined) throw new InputError(`no rule “${id}”; \`budget-rules rules\` lists them`);
      io.stdout(explanation);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0; commander has already printed its line.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof InputError) {
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
}
