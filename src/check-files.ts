import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { configFileName, configLookup } from "./config/config.js";
import { checkText, unreadFileReport, type CheckOptions, type FileReport } from "./check.js";
import { reportOf, type Report } from "./report/report.js";
import type { MessageData } from "./text.js";

/** A check that cannot run (a missing path, no YAML file): the CLI says it in one line and exits 2. */
export class InputError extends Error {}

const yamlFile = /\.ya?ml$/i;

export interface CheckFilesOptions extends Omit<CheckOptions, "file" | "config"> {
  /** Where relative paths start, and what reported file names are relative to. Default: process.cwd(). */
  cwd?: string;
  /** One config for every file; otherwise the nearest budget-rules.config.yaml above each file, up to the repository root. */
  configPath?: string;
  /** Files larger than this many bytes are reported, not checked. Default: 32 MiB. */
  maxFileSize?: number;
  /** Told of each file as it is checked, with its text: for progress, code frames and the HTML report. */
  onFile?: (file: string, text: string, done: number, total: number) => void;
}

/** The declaration files named: files as given, folders searched for *.yaml / *.yml. Sorted, each once. */
export function declarationFiles(paths: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  const visited = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        // A YAML file that cannot be reached (a dangling link, a link loop) is not skipped silently.
        if (yamlFile.test(entry.name))
          throw new InputError(`cannot read ${relative(cwd, path) || path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        continue;
      }
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile() && yamlFile.test(entry.name) && entry.name !== configFileName) files.add(path);
    }
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(code === "ENOENT" ? `no such file or directory: ${given}` : `cannot read ${given}: ${code ?? String(error)}`);
    }
    if (stats.isDirectory()) {
      const before = files.size;
      walk(path);
      if (files.size === before) throw new InputError(`no *.yaml or *.yml file in ${given}`);
    } else {
      files.add(path);
    }
  }
  return [...files].sort();
}

/** Checks files and folders of declarations. Throws InputError when the check cannot run. */
export function checkFiles(paths: readonly string[], options: CheckFilesOptions = {}): Report {
  const cwd = options.cwd ?? process.cwd();
  if (paths.length === 0) throw new InputError("no file or folder to check");
  const lang = options.lang ?? "en";
  const configFor = configLookup({
    cwd,
    lang,
    name: (path) => displayName(path, cwd),
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
  });
  const files = declarationFiles(paths, cwd);
  const reports = files.map((path, index) => {
    const file = displayName(path, cwd);
    return checkFile(path, { lang, file, config: configFor(path), maxFileSize: options.maxFileSize ?? defaultMaxFileSize }, (text) =>
      options.onFile?.(file, text, index + 1, files.length),
    );
  });
  return reportOf(reports);
}

/** A file's name in reports: relative to the working directory, with forward slashes. */
export function displayName(path: string, cwd: string): string {
  const name = relative(cwd, path);
  return (name.startsWith("..") ? path : name).split(sep).join("/");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Larger declarations are reported rather than checked; a 200,000-line declaration is about 12 MiB. */
export const defaultMaxFileSize = 32 * 1024 * 1024;

export function checkFile(path: string, options: CheckOptions & { file: string; maxFileSize?: number }, onText?: (text: string) => void): FileReport {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    const limit = options.maxFileSize ?? defaultMaxFileSize;
    if (size > limit) return tooLargeReport(size, limit, options);
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return encodingReport(bytes, options);
  }
  onText?.(text);
  return checkText(text, options);
}

/** A file that is reported at its first line without being parsed: not UTF-8, or too large. */
function wholeFileReport(messageId: "encoding" | "too-large", data: MessageData, options: CheckOptions & { file: string }): FileReport {
  return unreadFileReport(options.file, [{ rule: "yaml", messageId, path: "", line: 1, column: 1, data }], options.lang, options.config);
}

function encodingReport(bytes: Buffer, options: CheckOptions & { file: string }): FileReport {
  return wholeFileReport("encoding", { offset: firstInvalidByte(bytes) }, options);
}

function tooLargeReport(size: number, limit: number, options: CheckOptions & { file: string }): FileReport {
  const megabytes = (bytes: number) => (Math.round((bytes / 1024 / 1024) * 10) / 10).toString();
  return wholeFileReport("too-large", { size: megabytes(size), limit: megabytes(limit) }, options);
}

function firstInvalidByte(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      // Streaming, so that a character cut off at the end of the prefix is not counted as invalid.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}
