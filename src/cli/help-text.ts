import { Help, type Argument, type Option } from "commander";
import type { Lang } from "../finding.js";
import { bilingual } from "../text.js";

/** Every word of the command line's help, in both languages: `main` picks the one the run speaks. */

const b = bilingual;

export const programWords = {
  description: b(
    "预算公开核对 — 在部门预算公开报送或发布之前，核对其申报文件或公开文件本身（文本、Word、PDF、Excel）",
    "预算公开核对 — checks a department budget disclosure (部门预算公开), as a declaration or as the published document (text, Word, PDF, Excel), before it is submitted or published",
  ),
  version: b("显示版本号", "output the version number"),
  help: b("显示帮助", "display help for command"),
  helpCommand: b("显示某个命令的帮助", "display help for command"),
  lang: b("信息的语言（默认：LC_ALL 或 LANG 以 zh 开头时为 zh）", "language of messages (default: zh when LC_ALL or LANG begins with zh)"),
};

export const checkWords = {
  description: b(
    "核对申报文件（YAML）或公开文件（文本、Word、PDF、Excel）；给出文件夹时查找其中的 *.yaml 和 *.yml",
    "check declarations (YAML) or published disclosures (text, Word, PDF, Excel); folders are searched for *.yaml and *.yml",
  ),
  paths: b("要核对的文件或文件夹", "files or folders to check"),
  format: b("报告格式；可重复给出多个（默认：stylish）", "report format; repeat for several (default: stylish)"),
  output: b("把对应 -f 的报告写入文件；与 -f 成对重复", "write the report of the matching -f to a file; repeat in pairs"),
  config: b(
    "所有文件都用这个配置（默认：每个文件向上直到仓库根目录最近的 budget-rules.config.yaml）",
    "use this config for every file (default: the nearest budget-rules.config.yaml above each file, up to the repository root)",
  ),
  noConfigLookup: b(
    "不查找 budget-rules.config.yaml：只用内置的严重程度，或只用 --config 给出的配置",
    "look for no budget-rules.config.yaml: the built-in severities, or only the --config given",
  ),
  failOn: b("达到这个严重程度即判为不通过", "the lowest severity that fails the check"),
  maxWarnings: b("警告多于这个数即判为不通过", "fail when there are more warnings than this"),
  quiet: b("只报告错误（退出码仍计入所有问题）", "report errors only (the exit code still counts every finding)"),
  maxFileSize: b("大于此大小（MB）的文件只报告、不核对（默认：32）", "report larger files instead of checking them (default: 32)"),
  cache: b(
    "内容自上次 --cache 运行以来未变的文件，沿用上次的结果（按内容、配置、版本）",
    "reuse the findings of files whose content is unchanged since the last run with --cache (content, config, version)",
  ),
  cacheLocation: b("--cache 保存结果的位置（默认：.budget-rules-cache）", "where --cache keeps its results (default: .budget-rules-cache)"),
  ignorePattern: b(
    "略过与之匹配的文件和文件夹（gitignore 写法，相对于当前目录）；可重复",
    "leave out files and folders matching it (gitignore syntax, relative to the working directory); repeatable",
  ),
  noIgnore: (file: string) => b(`也核对 ${file} 和 --ignore-pattern 会略过的文件`, `check what ${file} and --ignore-pattern would leave out`),
  stdin: b("核对标准输入的文本，而不是文件", "check the text on the standard input instead of files"),
  stdinFilename: b(
    "标准输入所代表的文件：报告中的名称、所用配置、文件类型",
    "the file the standard input stands for: its name in reports, its config, its kind",
  ),
  printConfig: b("显示适用于该文件的配置和严重程度，不做核对", "print the config and severities that apply to the file, and check nothing"),
  declarationsOnly: b(
    "只核对顶层有 `version: 1` 一行的文件，略过其他 YAML（供 pre-commit 使用）",
    "check only the named files with a top-level `version: 1` line, passing over other YAML (for pre-commit)",
  ),
  wholeNumber: b("需要一个整数", "a whole number is needed"),
  megabytes: b("需要一个以 MB 计的数", "a number of megabytes is needed"),
  oneByte: b("上限至少为一个字节（0.000001 MB）", "a limit of at least one byte (0.000001 MB) is needed"),
};

export const checkAfterWords = b(
  [
    "",
    "格式：stylish（终端）、json、sarif（代码扫描）、junit（CI 测试报告）、github（注释）、gitlab（代码质量）、html（可打印或附送的网页）、xlsx（核对过的 Excel 工作簿，标出问题所在单元格后写回一份副本；需要 -o）",
    "  budget-rules check -f stylish -f sarif -o report.sarif declarations/",
    "  budget-rules check -f xlsx -o 已核对.xlsx 公开表.xlsx",
    "",
    "-- 表示选项到此为止：在它后面给出 shell 通配符，名字像选项的文件也按路径处理",
    "  budget-rules check --cache -- *",
    "",
    "退出码：",
    "  0  没有达到 --fail-on（默认：error）的问题，警告也不多于 --max-warnings",
    "  1  有达到 --fail-on 的问题（包括 YAML 语法和结构错误），或警告过多",
    "  2  没有核对，或没有全部核对：参数有误、路径不存在、配置无法读取、没有可核对的文件、输出无法写入；",
    "     有文件无法读取（损坏、伪装、编码不明）、超过 --max-file-size，或其中没有读出任何数字。2 优先于 1",
  ].join("\n"),
  [
    "",
    "Formats: stylish (terminal), json, sarif (code scanning), junit (CI test reports), github (annotations), gitlab (Code Quality), html (a page to print or attach), xlsx (an Excel workbook checked, written back as a copy with its findings' cells marked; needs -o)",
    "  budget-rules check -f stylish -f sarif -o report.sarif declarations/",
    "  budget-rules check -f xlsx -o checked.xlsx tables.xlsx",
    "",
    "-- ends the options: give a shell glob after it, so that a file named like an option is a path",
    "  budget-rules check --cache -- *",
    "",
    "Exit codes:",
    "  0  no finding at or above --fail-on (default: error), and no more warnings than --max-warnings",
    "  1  a finding at or above --fail-on (YAML syntax and schema errors included), or too many warnings",
    "  2  the check did not run, or not for every file: a bad flag, a missing path, a config that cannot be read, no file to check,",
    "     an output that cannot be written; a file that cannot be read (damaged, disguised, an unknown encoding), above --max-file-size,",
    "     or from which no figure was read. 2 goes before 1",
  ].join("\n"),
);

export const commandWords = {
  rules: b("列出所有规则：编号、默认严重程度和说明", "list every rule with its id, default severity and description"),
  explain: b("说明一条规则核对什么、为什么，附不通过和通过的例子", "what a rule checks and why, with a failing and a passing example"),
  explainRule: b("规则编号，即 `budget-rules rules` 列出的编号", "a rule id, as `budget-rules rules` lists them"),
  init: b("写出一份带注释的申报文件模板（不覆盖已有文件）", "write a commented template declaration (never over an existing file)"),
  initFile: b("写到哪里", "where to write it"),
  import: b(
    "从公开文件（文本、Word、PDF、Excel）读出申报文件，供复核、改正后提交",
    "write the declaration read from a disclosure (text, Word, PDF, Excel), to review, correct and commit",
  ),
  importFile: b("公开文件", "the disclosure"),
  importOutput: b("写入这个文件（默认：标准输出）", "write it to this file (default: stdout)"),
  importForce: b("-o 文件已存在时覆盖它", "overwrite the -o file if it exists"),
  schema: b("显示随附的申报文件 JSON Schema 的路径", "print the path of the bundled JSON Schema of declarations"),
  schemaPrint: b("显示 schema 本身", "print the schema itself"),
};

/** The language of the help: the last --lang before `--`, else the locale's. */
export function helpLang(argv: readonly string[], fallback: Lang): Lang {
  const end = argv.indexOf("--");
  const options = end === -1 ? argv : argv.slice(0, end);
  let lang = fallback;
  options.forEach((arg, index) => {
    const value = arg === "--lang" ? options[index + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value === "zh" || value === "en") lang = value;
  });
  return lang;
}

const zhTitles: Readonly<Record<string, string>> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

/** commander's “(choices: …, default: …)” after a description, in Chinese. */
function zhExtras(text: string): string {
  return text.replace(
    / \(((?:choices|default): .*)\)$/,
    (_, inner: string) => `（${inner.replace("choices: ", "可选：").replace(/(, )?default: /, (__, comma?: string) => `${comma ? "；" : ""}默认：`)}）`,
  );
}

/** What commander's help is configured with for a language: nothing for English. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  if (lang === "en") return {};
  const help = new Help();
  return {
    styleTitle: (title: string) => zhTitles[title] ?? title,
    optionDescription: (option: Option) => zhExtras(help.optionDescription(option)),
    argumentDescription: (argument: Argument) => zhExtras(help.argumentDescription(argument)),
    commandUsage: (command) => help.commandUsage(command).replace("[options]", "[选项]").replace("[command]", "[命令]"),
    subcommandTerm: (command) => help.subcommandTerm(command).replace("[options]", "[选项]").replace("[command]", "[命令]"),
  };
}
