import { createHash } from "node:crypto";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { readRegularFile, sizeText } from "../load/read.js";
import type { FileReport } from "../report/report.js";
import { isFileReport } from "./cached-report.js";
import { InputError } from "./files.js";
import { inputReplacedBy, statOrUndefined } from "./same-file.js";
import { writeWhole } from "./whole-file.js";

/**
 * The results of earlier runs, for CI (as ESLint's --cache): a file whose size and modification time,
 * config and tool build are unchanged is not checked again, and its findings are reused. Anything
 * that would make a reused result wrong starts the cache afresh: another version or build of the code
 * (run/code-id.ts), language, size limit or --config, or a config whose content changed; an entry of
 * the wrong shape is a miss. A cache that cannot be read or written is
 * only a warning: the run then checks every file, as without a cache. A location that saving would
 * destroy (an input, a device, a file that is not a cache) stops the run before anything is checked.
 */
export interface CacheKey {
  version: string;
  /** The code that makes findings (run/code-id.ts): a rebuilt tool of the same version may find otherwise. */
  code: string;
  lang: string;
  maxFileSize?: number;
  configPath?: string;
}

interface Entry {
  size: number;
  mtimeMs: number;
  /** The config that applied (its absolute path) and a hash of its content, or "" for none. */
  config: string;
  report: FileReport;
}

interface CacheFile {
  key: string;
  entries: Record<string, Entry>;
}

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
  const { size, mtimeMs, config, report } = value as Partial<Record<keyof Entry, unknown>>;
  return typeof size === "number" && typeof mtimeMs === "number" && typeof config === "string" && isFileReport(report);
}

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

  /** The config as the cache knows it: its path and a hash of its content (read once per run). */
  private configStamp(config: string | undefined): string {
    if (config === undefined) return "";
    let stamp = this.configStamps.get(config);
    if (stamp === undefined) {
      try {
        stamp = `${config}#${createHash("sha256").update(readFileSync(config)).digest("hex")}`;
      } catch {
        stamp = `${config}#unreadable`;
      }
      this.configStamps.set(config, stamp);
    }
    return stamp;
  }

  /** The earlier report of `path`, if the file and its config are as they were. */
  get(path: string, config: string | undefined): FileReport | undefined {
    const entry = this.entries[path];
    if (!isEntry(entry)) return undefined;
    try {
      const stat = statSync(path);
      return stat.size === entry.size && stat.mtimeMs === entry.mtimeMs && entry.config === this.configStamp(config) ? entry.report : undefined;
    } catch {
      return undefined;
    }
  }

  set(path: string, config: string | undefined, report: FileReport): void {
    try {
      const stat = statSync(path);
      // The view is rebuilt when the HTML report asks; the cache keeps the findings.
      const kept: FileReport = { ...report };
      delete kept.view;
      this.entries[path] = { size: stat.size, mtimeMs: stat.mtimeMs, config: this.configStamp(config), report: kept };
      this.changed = true;
    } catch {
      // A file that is gone is not cached.
    }
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
