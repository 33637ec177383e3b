import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { FileReport } from "../report/report.js";
import { writeWhole } from "./whole-file.js";

/**
 * The results of earlier runs, for CI (as ESLint's --cache): a file whose size and modification time,
 * config and tool version are unchanged is not checked again, and its findings are reused. Anything
 * that would make a reused result wrong starts the cache afresh: another version, language, size
 * limit or --config, or a config whose content changed. A cache that cannot be read or written is
 * only a warning: the run then checks every file, as without a cache.
 */
export interface CacheKey {
  version: string;
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

  /** Reads the cache at `location`; a missing one is empty, a corrupt one is empty with a warning. */
  static load(location: string, key: CacheKey): { cache: ResultCache; warning?: string } {
    const keyText = JSON.stringify(key);
    let text: string;
    try {
      text = readFileSync(location, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const cache = new ResultCache(location, keyText, {});
      return code === "ENOENT" ? { cache } : { cache, warning: `cannot read the cache ${location} (${code ?? String(error)}); checking every file` };
    }
    try {
      const stored = JSON.parse(text) as CacheFile;
      if (typeof stored !== "object" || stored === null || typeof stored.entries !== "object" || stored.entries === null) throw new Error("not a cache");
      return { cache: new ResultCache(location, keyText, stored.key === keyText ? stored.entries : {}) };
    } catch {
      return { cache: new ResultCache(location, keyText, {}), warning: `the cache ${location} is not one budget-rules wrote; checking every file` };
    }
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
    if (!entry) return undefined;
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
      writeWhole(this.location, JSON.stringify({ key: this.key, entries: this.entries } satisfies CacheFile));
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.location} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  }
}
