import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { packageRoot } from "./package-root.js";
import type { FileReport } from "./check.js";
import { checkFiles, declarationFiles, displayName, InputError, type CheckFilesOptions } from "./check-files.js";
import { ConfigError } from "./config/config.js";
import type { Lang } from "./finding.js";
import { reportOf, type Report } from "./report/report.js";

/** Which files' texts to send back: all (the HTML report), those with errors (code frames), or none. */
export type SourcesWanted = "all" | "errors" | "none";

export interface WorkerSetup {
  cwd: string;
  lang: Lang;
  configPath?: string;
  maxFileSize?: number;
  sources: SourcesWanted;
  /** Carry each declaration's view (for the HTML report). */
  view: boolean;
}
export interface WorkerRequest {
  files: { path: string; file: string }[];
}
export type WorkerResponse = { results: { report: FileReport; source?: string }[] } | { error: { kind: "config" | "input" | "internal"; lines: string[] } };

/** A worker thread ended before it reported the files it held. */
export class WorkerStopped extends Error {
  constructor(code: number, files: readonly string[]) {
    const named = files.slice(0, 5).join(", ") + (files.length > 5 ? ` and ${files.length - 5} more` : "");
    super(`a worker thread stopped (exit code ${code}) before checking ${named || "its files"}; nothing is reported for this run`);
  }
}

/** Below this many files one thread is quicker than starting workers. */
export const parallelFrom = 64;
const batchSize = 16;

export interface ParallelOptions extends Omit<CheckFilesOptions, "onFile"> {
  sources: SourcesWanted;
  /** The worker module; tests pass one that misbehaves. */
  workerScript?: URL;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * checkFiles on every core: worker threads take batches of files from a shared queue, so that one
 * large declaration does not hold up the rest. Few files, or one core, run in this thread.
 */
export async function checkFilesInParallel(paths: readonly string[], options: ParallelOptions): Promise<{ report: Report; sources: Map<string, string> }> {
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? "en";
  const sources = new Map<string, string>();
  if (paths.length === 0) throw new InputError("no file or folder to check");
  const files = declarationFiles(paths, cwd).map((path) => ({ path, file: displayName(path, cwd) }));
  const threads = Math.min(availableParallelism(), 4, Math.floor(files.length / (parallelFrom / 2)));
  if (threads < 2) {
    const report = checkFiles(paths, {
      ...options,
      onFile: (file, text, done, total) => {
        options.onProgress?.(done, total, file);
        if (options.sources !== "none") sources.set(file, text);
      },
    });
    // Only the files with errors get code frames.
    if (options.sources === "errors") for (const file of report.files) if (file.summary.error === 0) sources.delete(file.file);
    return { report, sources };
  }

  const setup: WorkerSetup = {
    cwd,
    lang,
    sources: options.sources,
    view: options.view ?? false,
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
  };
  // From src/ (tests), dist/ and the bundle alike, the compiled worker is dist/check-worker.js.
  const workerUrl = options.workerScript ?? pathToFileURL(join(packageRoot, "dist", "check-worker.js"));
  const reports: FileReport[] = [];
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => new Worker(workerUrl, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolvePromise, reject) => {
            let held: typeof files = [];
            let finished = false;
            const send = () => {
              if (next >= files.length) {
                finished = true;
                resolvePromise();
                return;
              }
              const batch = files.slice(next, next + batchSize);
              held = batch;
              next += batch.length;
              worker.postMessage({ files: batch } satisfies WorkerRequest);
            };
            worker.on("message", (response: WorkerResponse) => {
              if ("error" in response) {
                const { kind, lines } = response.error;
                reject(kind === "config" ? new ConfigError(lines) : kind === "input" ? new InputError(lines[0] ?? "") : new Error(lines[0]));
                return;
              }
              for (const { report, source } of response.results) {
                reports.push(report);
                if (source !== undefined) sources.set(report.file, source);
                done += 1;
                options.onProgress?.(done, files.length, report.file);
              }
              send();
            });
            worker.on("error", reject);
            // A worker killed or out of memory may exit without an error event: its files were not checked.
            worker.on("exit", (code) => {
              if (!finished)
                reject(
                  new WorkerStopped(
                    code,
                    held.map((file) => file.file),
                  ),
                );
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { report: reportOf(reports), sources };
}
