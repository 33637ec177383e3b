import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { configFileName } from "../config/config.js";
import { readWithin, sizesAbove, sizeText } from "../load/read.js";
import type { FileReport } from "../report/report.js";
import type { MessageData } from "../text.js";
import { detectFormat, type Format } from "../document/formats/format.js";
import { decodeText } from "../document/formats/plain-text.js";
import { checkText, unreadFileReport, type CheckOptions } from "./check-text.js";

/** A check that cannot run (a missing path, no YAML file): the CLI says it in one line and exits 2. */
export class InputError extends Error {}

const yamlFile = /\.ya?ml$/i;

/** What declarationFiles leaves out: paths ignored (run/ignore.ts), and a hook told of each named file it passed over. */
export interface Leaving {
  ignored?: (path: string, folder: boolean) => boolean;
  onIgnored?: (given: string) => void;
}

/**
 * The declaration files named: files as given, folders searched for *.yaml / *.yml. Sorted, each once.
 * What `leaving.ignored` names is left out: in a folder silently, a file named on its own with a word to
 * `onIgnored`; a folder in which every declaration is ignored stops the check, as one with none does.
 */
export function declarationFiles(paths: readonly string[], cwd: string, leaving: Leaving = {}): string[] {
  const isIgnored = leaving.ignored ?? (() => false);
  const files = new Set<string>();
  const walk = folderWalk(cwd, isIgnored, files);
  for (const given of paths) {
    // resolve() would make "" the working directory, and check what no one named.
    if (given === "") throw new InputError("an empty path was given to check; name a file or folder");
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
      if (files.size === before) throw new InputError(`no *.yaml or *.yml file in ${given}${leaving.ignored ? " that is not ignored" : ""}`);
    } else if (isIgnored(path, false)) {
      leaving.onIgnored?.(given);
    } else {
      files.add(path);
    }
  }
  return [...files].sort();
}

/** Searches a folder for declarations into `files`, each folder once (a link loop is walked once). */
function folderWalk(cwd: string, isIgnored: (path: string, folder: boolean) => boolean, files: Set<string>): (folder: string) => void {
  const visited = new Set<string>();
  const cannotRead = (path: string, why: string) => new InputError(`cannot read ${displayName(path, cwd)}: ${why}`);
  const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);
  // What cannot be read in a folder (a sub-folder without permission, a path too long, a name that is
  // not UTF-8) may hold declarations: the check stops rather than pass without them.
  const walk = (folder: string) => {
    let entries;
    try {
      const real = realpathSync(folder);
      if (visited.has(real)) return; // a symlink loop
      visited.add(real);
      entries = readdirSync(folder, { withFileTypes: true, encoding: "buffer" });
    } catch (error) {
      throw cannotRead(folder, code(error));
    }
    for (const entry of entries) {
      const name = entry.name.toString("utf8");
      if (name === "node_modules" || name.startsWith(".")) continue;
      const path = join(folder, name);
      if (!Buffer.from(name).equals(entry.name)) {
        // Only a folder or a *.yaml name can matter; a stray photo.jpg with an odd name cannot.
        if (entry.isDirectory() || entry.isSymbolicLink() || yamlFile.test(name)) throw cannotRead(path, "the name is not UTF-8; rename it");
        continue;
      }
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        // A link to nothing, named unlike a declaration, is not one; anything else unreachable may be.
        if (code(error) === "ENOENT" && !yamlFile.test(name)) continue;
        throw cannotRead(path, code(error));
      }
      if (stats.isDirectory()) {
        if (!isIgnored(path, true)) walk(path);
      } else if (stats.isFile() && yamlFile.test(name) && name !== configFileName && !isIgnored(path, false)) files.add(path);
    }
  };
  return walk;
}

/** The line every declaration starts its top level with (format v1); a workflow or a compose file has none. */
const versionLine = /^version:[ \t]*(["']?)1\1[ \t]*(#.*)?\r?$/m;

/**
 * Whether a file named to check is a declaration by its content, for a hook handed every YAML file
 * (pre-commit's `--declarations-only`): one with a top-level `version: 1` line. A file that cannot be read
 * or is too large to look at is kept, so the check reports it rather than pass it over.
 */
export function looksLikeDeclaration(path: string, maxFileSize: number = defaultMaxFileSize): boolean {
  try {
    const read = readWithin(path, maxFileSize);
    return "tooLarge" in read || versionLine.test(read.bytes.toString("utf8"));
  } catch {
    return true;
  }
}

/** A file's name in reports: relative to the working directory, with forward slashes. */
export function displayName(path: string, cwd: string): string {
  const name = relative(cwd, path) || ".";
  return (name.startsWith("..") ? path : name).split(sep).join("/");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Larger declarations are reported rather than checked; a 200,000-line declaration is about 12 MiB. */
export const defaultMaxFileSize = 32 * 1024 * 1024;

/**
 * Checks one file: a declaration (a .yaml/.yml name, or a `version:` line) through the pipeline, any
 * other file as a disclosure as published (text, Word, PDF, Excel), read and checked sentence by sentence.
 */
export async function checkFile(
  path: string,
  options: CheckOptions & { file: string; maxFileSize?: number },
  onText?: (text: string) => void,
): Promise<FileReport> {
  const limit = options.maxFileSize ?? defaultMaxFileSize;
  let read;
  try {
    read = readWithin(path, limit);
  } catch (error) {
    throw new InputError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if ("tooLarge" in read) {
    const { size } = read.tooLarge;
    // A pipe or a device has no size to report at a line: the check stops instead.
    if (size === undefined) throw new InputError(`${options.file} gave more than ${sizeText(limit, "en")}, the --max-file-size limit; not checked`);
    return tooLargeReport(size, limit, options);
  }
  return checkBytes(read.bytes, path, options, onText);
}

/** Checks a file's bytes as checkFile does, whether read from its path or given (--stdin, named by `path`). */
export async function checkBytes(bytes: Buffer, path: string, options: CheckOptions & { file: string }, onText?: (text: string) => void): Promise<FileReport> {
  const format = yamlFile.test(path) ? "declaration" : formatOf(bytes, path);
  if (format !== "declaration") {
    // Loaded when a document comes: a check of declarations does not pay for the readers.
    const { checkDocument } = await import("./check-document.js");
    const { report, text } = await checkDocument(bytes, {
      file: options.file,
      lang: options.lang ?? "en",
      ...(format ? { format } : {}),
      ...(options.config ? { config: options.config } : {}),
    });
    if (text !== undefined) onText?.(text);
    return report;
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

/**
 * The text a cached result's code frame shows: a declaration's or a text document's, as its check read it;
 * none for Word, PDF, Excel or what cannot be read (its bytes are no text: a frame of them showed raw bytes).
 */
export function sourceText(path: string): string | undefined {
  try {
    const bytes = readFileSync(path);
    const format = yamlFile.test(path) ? "declaration" : formatOf(bytes, path);
    if (format === "declaration") return utf8.decode(bytes);
    return format === "text" ? decodeText(bytes).text : undefined;
  } catch {
    return undefined;
  }
}

/** What the file holds; undefined when it cannot be told (a binary): a document that cannot be read. */
function formatOf(bytes: Uint8Array, path: string): Format | undefined {
  try {
    return detectFormat(bytes, path);
  } catch {
    return undefined;
  }
}

/** A file that is reported at its first line without being parsed: not UTF-8, or too large. */
function wholeFileReport(
  messageId: "encoding" | "too-large",
  data: MessageData,
  options: CheckOptions & { file: string },
  rule: "yaml" | "document" = "yaml",
): FileReport {
  return unreadFileReport(options.file, [{ rule, messageId, path: "", line: 1, column: 1, data }], options.lang, options.config);
}

function encodingReport(bytes: Buffer, options: CheckOptions & { file: string }): FileReport {
  return wholeFileReport("encoding", { offset: firstInvalidByte(bytes) }, options);
}

/** Too large to be read, so known by its name alone: a declaration (.yaml, .yml) or a document. */
function tooLargeReport(size: number, limit: number, options: CheckOptions & { file: string }): FileReport {
  return wholeFileReport("too-large", sizesAbove(size, limit, options.lang ?? "en"), options, yamlFile.test(options.file) ? "yaml" : "document");
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
