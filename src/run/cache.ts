import { createHash } from "node:crypto";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { readRegularFile, readWithin, sizeText } from "../load/read.js";
import type { FileReport } from "../report/report.js";
import { isFileReport } from "./cached-report.js";
import { InputError } from "./files.js";
import { inputReplacedBy, statOrUndefined } from "./same-file.js";
import { writeWhole } from "./whole-file.js";

/**
 * The results of earlier runs, for CI (as ESLint's --cache with --cache-strategy content): a file is
 * known by its name relative to the working folder and a hash of its bytes, so a cache restored into a
 * fresh clone (new paths, new time stamps) is used, and a file with one byte changed is checked again
 * whatever its size and time stamp say. Anything that would make a reused result wrong starts the cache
 * afresh: another version or build of the code (run/code-id.ts), language, size limit or --config; a
 * config whose content changed makes a miss of the files it applies to; an entry of the wrong shape is a
 * miss. A cache that cannot be read or written is only a warning: the run then checks every file, as
 * without a cache. A location that saving would destroy (an input, a device, a file that is not a
 * cache) stops the run before anything is checked.
 */
export interface CacheKey {
  version: string;
  /** The code that makes findings (run/code-id.ts): a rebuilt tool of the same version may find otherwise. */
  code: string;
  lang: string;
  maxFileSize?: number;
  /** --config, relative to the working folder, as a fresh clone names it too. */
  configPath?: string;
  /** What an entry is keyed on; a cache of another strategy (an older budget-rules) is started afresh. */
  strategy: "content";
}

interface Entry {
  /** A hash of the file's bytes, read before they were checked. */
  hash: string;
  /** The config that applied (its name relative to the working folder) and a hash of its content, or "" for none. */
  config: string;
  report: FileReport;
}

interface CacheFile {
  key: string;
  entries: Record<string, Entry>;
}

/** A file as the cache knows it: its entry's key (the name relative to the working folder), where it is, its config. */
export interface CachedFile {
  name: string;
  path: string;
  config?: { name: string; path: string };
}

/** What a lookup gives: the file's stamp (none for a file not hashed) and, if its entry matches it, the earlier report. */
export interface Lookup {
  stamp?: Stamp;
  report?: FileReport;
}

/** What a file's entry is keyed on besides its name. */
export type Stamp = Omit<Entry, "report">;

/** A cache larger than this is not read (a run of 100,000 files writes some 100 MB). */
const cacheLimit = 256 * 1024 * 1024;
const remedy = "remove it or name another --cache-location";

/** Refuses a cache location that saving would destroy; see ResultCache.open. */
function refuseLocation(location: string, name: string, inputs: readonly string[]): void {
  if (!statOrUndefined(dirname(location))?.isDirectory()) throw new InputError(`cannot write the cache ${name}: no such directory`);
  const stats = statOrUndefined(location);
  if (stats !== undefined && !stats.isFile()) throw new InputError(`the cache ${name} is not a regular file (a folder, device or FIFO); ${remedy}`);
  if (inputReplacedBy(location, inputs) !== undefined) throw new InputError(`the cache ${name} is an input of this check; saving the cache would replace it`);
}

/** What a cache file holds, if budget-rules wrote it: its key and entries (an empty file is an empty cache). */
function cacheIn(bytes: Buffer): CacheFile | undefined {
  if (bytes.length === 0) return { key: "", entries: {} };
  try {
    const stored = JSON.parse(bytes.toString("utf8")) as unknown;
    if (typeof stored !== "object" || stored === null) return undefined;
    const { key, entries } = stored as Partial<CacheFile>;
    return typeof key === "string" && typeof entries === "object" && entries !== null && !Array.isArray(entries) ? { key, entries } : undefined;
  } catch {
    return undefined;
  }
}

/** An entry of the right shape; any other (an edited cache) is a miss. */
function isEntry(value: Entry | undefined): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const { hash, config, report } = value as Partial<Record<keyof Entry, unknown>>;
  return typeof hash === "string" && typeof config === "string" && isFileReport(report);
}

const hashOf = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export class ResultCache {
  private readonly entries: Record<string, Entry>;
  private readonly configStamps = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly key: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  /**
   * Opens the cache at `location` (`name` is how messages call it). A missing one is empty; one that
   * cannot be read is empty with a warning. Refused with an InputError before anything is checked, as an
   * -o is: an input of the check under any name (`inputs`: the declarations and configs), anything but a
   * regular file (a folder, a device, a FIFO), a file in no folder, and a file that is not a cache
   * budget-rules wrote, since saving would replace each of them.
   */
  static open(location: string, name: string, key: CacheKey, inputs: readonly string[]): { cache: ResultCache; warning?: string } {
    refuseLocation(location, name, inputs);
    const keyText = JSON.stringify(key);
    let read;
    try {
      read = readRegularFile(location, cacheLimit);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const cache = new ResultCache(location, keyText, {});
      return code === "ENOENT" ? { cache } : { cache, warning: `cannot read the cache ${location} (${code ?? String(error)}); checking every file` };
    }
    if ("refused" in read)
      throw new InputError(`the cache ${name} is ${read.refused === "too large" ? `larger than ${sizeText(cacheLimit, "en")}` : read.refused}; ${remedy}`);
    const stored = cacheIn(read.bytes);
    if (stored === undefined) throw new InputError(`the cache ${name} is not one budget-rules wrote; ${remedy}`);
    return { cache: new ResultCache(location, keyText, stored.key === keyText ? stored.entries : {}) };
  }

  /** The config as the cache knows it: its name and a hash of its content (read once per run). */
  private configStamp(config: CachedFile["config"]): string {
    if (config === undefined) return "";
    let stamp = this.configStamps.get(config.path);
    if (stamp === undefined) {
      try {
        stamp = `${config.name}#${hashOf(readFileSync(config.path))}`;
      } catch {
        stamp = `${config.name}#unreadable`;
      }
      this.configStamps.set(config.path, stamp);
    }
    return stamp;
  }

  /**
   * The earlier report of a file whose bytes and config are as they were; otherwise the stamp to store
   * with its new report. Only a regular file within the size limit is hashed: reading a pipe would
   * consume what the check must read, and a larger file is reported by its size without being read.
   */
  get(file: CachedFile, limit: number): Lookup {
    let read;
    try {
      if (!statSync(file.path).isFile()) return {};
      read = readWithin(file.path, limit);
    } catch {
      return {};
    }
    if (!("bytes" in read)) return {};
    const stamp = { hash: hashOf(read.bytes), config: this.configStamp(file.config) };
    const entry = this.entries[file.name];
    return isEntry(entry) && entry.hash === stamp.hash && entry.config === stamp.config ? { stamp, report: entry.report } : { stamp };
  }

  /** Keeps a file's report under its name with the stamp its lookup gave. */
  set(name: string, stamp: Stamp, report: FileReport): void {
    // The view is rebuilt when the HTML report asks; the cache keeps the findings.
    const kept: FileReport = { ...report };
    delete kept.view;
    this.entries[name] = { ...stamp, report: kept };
    this.changed = true;
  }

  /** Writes the cache whole (an exclusive temporary file, then a rename); returns a warning if it cannot. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      // Through a link, as -o writes, so that a link to the cache stays a link.
      writeWhole(realpathOr(this.location), JSON.stringify({ key: this.key, entries: this.entries } satisfies CacheFile));
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.location} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  }
}
