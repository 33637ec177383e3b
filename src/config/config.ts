import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Lang, Severity } from "../finding.js";
import { childPointer } from "../load/json-pointer.js";
import { AliasExpansionError, instanceOf } from "../load/instance.js";
import { locateRange, spanOf } from "../load/locate.js";
import { parseSource } from "../load/parse.js";
import { readWithin, sizeText } from "../load/read.js";
import { mapValue, scalarText, seqItems } from "../load/yaml-tree.js";
import { schema } from "../rules/schema.js";
import { yaml } from "../rules/yaml.js";
import { schemaProblems } from "../schema/schema-errors.js";
import validateConfig from "../schema/config-validator.generated.js";
import { fill } from "../text.js";
import type { CustomCheck, CustomRelation, FigureReference } from "../model/custom-check.js";
import { parseFigureReference } from "../model/reference.js";
import type { Document, Node } from "yaml";

export const configFileName = "budget-rules.config.yaml";

/** A finance bureau's settings. The empty config changes nothing. */
export interface Config {
  file?: string;
  severities: ReadonlyMap<string, Severity | "off">;
  precision?: number;
  codeNames: ReadonlyMap<string, string>;
  checks: readonly CustomCheck[];
}

export const emptyConfig: Config = { severities: new Map(), codeNames: new Map(), checks: [] };

/** A config that cannot be used: each line is `file:line:col: message`. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0] ?? "bad config");
  }
}

/**
 * The nearest budget-rules.config.yaml in a folder or above it, up to the repository root: the nearest
 * folder holding `.git` or `package.json`. Outside any repository the walk stops at `cwd` when the
 * folder is inside it, else it looks in the folder alone: a config a stranger left higher up (in /tmp,
 * in a home folder) never applies.
 */
export function findConfig(folder: string, cwd?: string): string | undefined {
  const fromCwd = cwd === undefined ? undefined : relative(cwd, folder);
  const insideCwd = fromCwd !== undefined && fromCwd !== ".." && !fromCwd.startsWith(`..${sep}`) && !isAbsolute(fromCwd);
  const top = repositoryRoot(folder) ?? (insideCwd ? cwd : folder);
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, configFileName);
    if (existsSync(candidate)) return candidate;
    if (current === top || dirname(current) === current) return undefined;
  }
}

function repositoryRoot(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, ".git")) || existsSync(join(current, "package.json"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The config for each declaration: one named for all (--config), else the nearest one above it; each
 * config file read once. `name` gives a path as reports show it.
 */
export function configLookup(options: {
  configPath?: string;
  cwd: string;
  lang: Lang;
  name: (path: string) => string;
  maxFileSize?: number;
  /** false: no config is looked for above the declarations (--no-config-lookup). */
  lookup?: boolean;
}): (declaration: string) => Config {
  const configs = new Map<string, Config>();
  const found = new Map<string, string | undefined>();
  const fixed = options.configPath === undefined ? undefined : resolve(options.cwd, options.configPath);
  return (declaration) => {
    const folder = dirname(declaration);
    if (fixed === undefined && !found.has(folder)) found.set(folder, options.lookup === false ? undefined : findConfig(folder, options.cwd));
    const file = fixed ?? found.get(folder);
    if (file === undefined) return emptyConfig;
    let config = configs.get(file);
    if (!config) {
      if (!existsSync(file)) throw new ConfigError([`no such config file: ${options.name(file)}`]);
      config = readConfig(file, options.name(file), options.lang, options.maxFileSize);
      configs.set(file, config);
    }
    return config;
  };
}

/** The largest config read when no limit is given: as large as a declaration may be. */
const defaultMaxConfigSize = 32 * 1024 * 1024;

export function readConfig(file: string, displayName: string, lang: Lang, maxFileSize = defaultMaxConfigSize): Config {
  let read;
  try {
    read = readWithin(file, maxFileSize);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new ConfigError([`${displayName}: is a folder, not a config file; name the ${configFileName} in it`]);
    throw new ConfigError([`${displayName}: cannot read the config (${code ?? String(error)})`]);
  }
  if ("tooLarge" in read) throw new ConfigError([`${displayName}: the config is larger than ${sizeText(maxFileSize, "en")}, the --max-file-size limit`]);
  return parseConfig(new TextDecoder().decode(read.bytes), displayName, lang);
}

/** Where a pointer (or a given range) is in the config, as `file:line:col`. */
type Locate = (path: string, atKey?: boolean, range?: [number, number]) => string;

/** Parses and validates a config; throws ConfigError naming each problem's file, line and column. */
export function parseConfig(text: string, file: string, lang: Lang): Config {
  const { source, problems } = parseSource(text);
  const at: Locate = (path, atKey = false, range) => {
    if (!source) return `${file}:1:1`;
    const span = spanOf(source.lineCounter, range ?? locateRange(source.doc, path, atKey));
    return `${file}:${span.line}:${span.column}`;
  };
  const errors = problems.map(
    (problem) => `${at(problem.path, false, problem.range)}: ${fill(yaml.meta.messages[problem.messageId]?.text[lang] ?? "", problem.data ?? {}, lang)}`,
  );
  if (errors.length > 0 || !source) throw new ConfigError(errors);
  const instance = validInstance(source.doc, at, lang);
  if (instance === null || instance === undefined) return { ...emptyConfig, file };

  const { doc } = source;
  const severities = new Map<string, Severity | "off">();
  for (const [id, severity] of Object.entries((instance as { rules?: Record<string, Severity | "off"> }).rules ?? {})) severities.set(id, severity);
  const codeNames = new Map(Object.entries((instance as { codes?: Record<string, string> }).codes ?? {}));
  const checks = seqItems(doc, mapValue(doc, doc.contents, "checks")).map((node, index) => customCheckOf(doc, node, childPointer("/checks", index), at, lang));
  refuseDuplicateIds(checks, lang);
  const config: Config = { file, severities, codeNames, checks };
  const precision = (instance as { precision?: number }).precision;
  if (precision !== undefined) config.precision = precision;
  return config;
}

/** The config as plain data, once it holds to the config schema; null or undefined for an empty file. */
function validInstance(doc: Document, at: Locate, lang: Lang): unknown {
  let instance: unknown;
  try {
    instance = instanceOf(doc);
  } catch (error) {
    if (!(error instanceof AliasExpansionError)) throw error;
    throw new ConfigError([`${at("")}: ${yaml.meta.messages["alias-expansion"]?.text[lang] ?? error.message}`]);
  }
  if (instance === null || instance === undefined) return instance;
  if (!validateConfig(instance)) {
    throw new ConfigError(
      schemaProblems(validateConfig.errors ?? [], instance).map(
        (problem) =>
          `${at(problem.path, problem.atKey)}: ${fill(schema.meta.messages[problem.messageId]?.text[lang] ?? problem.messageId, problem.data ?? {}, lang)}`,
      ),
    );
  }
  return instance;
}

/** One entry of `checks`, at `path`. */
function customCheckOf(doc: Document, node: Node, path: string, at: Locate, lang: Lang): CustomCheck {
  const id = scalarText(mapValue(doc, node, "id")) ?? "";
  const relation = customRelationOf(doc, node, path, at, lang);
  const check: CustomCheck = { id, severity: (scalarText(mapValue(doc, node, "severity")) as Severity | undefined) ?? "error", relation, where: at(path) };
  const description = scalarText(mapValue(doc, node, "description"));
  if (description !== undefined) check.description = description;
  return check;
}

/** The one relation a custom check states: equal, sum, ratio or compare. */
function customRelationOf(doc: Document, node: Node, path: string, at: Locate, lang: Lang): CustomRelation {
  const reference = (key: string[], node?: unknown): FigureReference => figureReference(scalarText(node) ?? "", at(key.reduce(childPointer, path)));
  const equal = mapValue(doc, node, "equal");
  const sum = mapValue(doc, node, "sum");
  const ratio = mapValue(doc, node, "ratio");
  const compare = mapValue(doc, node, "compare");
  const stated = Object.entries({ equal, sum, ratio, compare }).filter(([, value]) => value !== undefined);
  if (stated.length > 1) {
    // One entry, one relation: the ones after the first would otherwise never be checked.
    const names = stated.map(([name]) => name).join(lang === "zh" ? "、" : " and ");
    throw new ConfigError([
      `${at(path)}: ${lang === "zh" ? `一条自定义核对只能写一种关系，这里写了 ${names}；请分成几条` : `a custom check states one relation, but this one states ${names}: write one check for each`}`,
    ]);
  }
  if (equal) return { kind: "equal", figures: seqItems(doc, equal).map((item, itemIndex) => reference(["equal", String(itemIndex)], item)) };
  if (sum) {
    return {
      kind: "sum",
      total: reference(["sum", "total"], mapValue(doc, sum, "total")),
      parts: seqItems(doc, mapValue(doc, sum, "parts")).map((item, itemIndex) => reference(["sum", "parts", String(itemIndex)], item)),
    };
  }
  if (ratio) {
    return {
      kind: "ratio",
      percent: reference(["ratio", "percent"], mapValue(doc, ratio, "percent")),
      part: reference(["ratio", "part"], mapValue(doc, ratio, "part")),
      whole: reference(["ratio", "whole"], mapValue(doc, ratio, "whole")),
    };
  }
  if (compare) {
    return {
      kind: "compare",
      less: reference(["compare", "less"], mapValue(doc, compare, "less")),
      more: reference(["compare", "more"], mapValue(doc, compare, "more")),
    };
  }
  throw new ConfigError([
    `${at(path)}: ${lang === "zh" ? "自定义核对需要 equal、sum、ratio 或 compare 之一" : "a custom check needs one of equal, sum, ratio or compare"}`,
  ]);
}

/** Each custom check id once. */
function refuseDuplicateIds(checks: readonly CustomCheck[], lang: Lang): void {
  // One pass with a Set: a config of 40,000 checks took 13 s when each id was looked up in the whole list.
  const ids = new Set<string>();
  const duplicate = checks.find((check) => ids.size === ids.add(check.id).size);
  if (duplicate)
    throw new ConfigError([
      `${duplicate.where}: ${lang === "zh" ? `自定义核对 id「${duplicate.id}」重复` : `the custom check id “${duplicate.id}” is used twice`}`,
    ]);
}

/** A figure reference as the model reads it; text that is none keeps its text as the table's name, which no table has. */
function figureReference(text: string, where: string): FigureReference {
  return { text, where, ...(parseFigureReference(text) ?? { table: text, field: "amount" }) };
}
