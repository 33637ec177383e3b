import { resolve } from "node:path";
import { configLookup } from "../config/config.js";
import type { Lang, Severity } from "../finding.js";
import { rules } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import { displayName } from "../run/files.js";
import type { CliIO } from "./io.js";

/**
 * A rule's severity where the file is: the config's, which every message of the rule takes; else its
 * default, with the messages that have a default of their own (code's official names are warnings).
 */
function severityOf(rule: Rule, configured: Severity | "off" | undefined) {
  if (configured !== undefined) return { severity: configured, from: "config" };
  const own = Object.entries(rule.meta.messages as Record<string, { severity?: Severity }>).flatMap(([id, message]) =>
    message.severity !== undefined && message.severity !== rule.meta.defaultSeverity ? [[id, message.severity] as const] : [],
  );
  return { severity: rule.meta.defaultSeverity, from: "default", ...(own.length > 0 ? { messages: Object.fromEntries(own) } : {}) };
}

/**
 * `check --print-config <file>` (ESLint's --print-config): the config that applies to a file, found as the
 * check finds it, and the severity every rule has there, the config's custom checks included; as JSON, so
 * a CI job can keep or compare it. The file need not exist yet.
 */
export function printConfig(file: string, options: { lang: Lang; config?: string; configLookup?: boolean; maxFileSize?: number }, io: CliIO): number {
  const path = resolve(io.cwd, file);
  const configFor = configLookup({
    cwd: io.cwd,
    lang: options.lang,
    name: (name) => displayName(name, io.cwd),
    ...(options.config !== undefined ? { configPath: options.config } : {}),
    ...(options.configLookup === false ? { lookup: false } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
  });
  const config = configFor(path);
  const printed = {
    file: displayName(path, io.cwd),
    config: config.file ?? null,
    rules: Object.fromEntries(rules.map((rule) => [rule.id, severityOf(rule, config.severities.get(rule.id))])),
    checks: Object.fromEntries(config.checks.map((check) => [`custom/${check.id}`, check.severity])),
    precision: config.precision ?? null,
    codes: Object.fromEntries(config.codeNames),
  };
  io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}
