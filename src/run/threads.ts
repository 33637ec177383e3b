import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ConfigError } from "../config/config.js";
import type { Lang } from "../finding.js";
import { packageRoot } from "../package-root.js";
import type { FileReport } from "../report/report.js";
import { InputError } from "./files.js";

/** Which files' texts to send back: all, those with errors (code frames), or none. */
export type SourcesWanted = "all" | "errors" | "none";

/** A file to check: where it is, and the name reports give it. */
export interface NamedFile {
  path: string;
  file: string;
}

export interface WorkerSetup {
  cwd: string;
  lang: Lang;
  configPath?: string;
  /** false: no budget-rules.config.yaml is looked for (--no-config-lookup); only configPath applies. */
  configLookup?: boolean;
  maxFileSize?: number;
  sources: SourcesWanted;
  /** Carry each declaration's view (for the HTML report). */
  view: boolean;
}
export interface WorkerRequest {
  files: NamedFile[];
}
export interface Checked {
  report: FileReport;
  source?: string;
}
export type WorkerResponse = { results: Checked[] } | { error: { kind: "config" | "input" | "internal"; lines: string[] } };

/** A worker thread ended before it reported the files it held. */
export class WorkerStopped extends Error {
  constructor(code: number, files: readonly string[]) {
    const named = files.slice(0, 5).join(", ") + (files.length > 5 ? ` and ${files.length - 5} more` : "");
    super(`a worker thread stopped (exit code ${code}) before checking ${named || "its files"}; nothing is reported for this run`);
  }
}

const batchSize = 16;

function failureOf({ error }: Extract<WorkerResponse, { error: unknown }>): Error {
  const { kind, lines } = error;
  return kind === "config" ? new ConfigError(lines) : kind === "input" ? new InputError(lines[0] ?? "") : new Error(lines[0]);
}

/**
 * Checks files on `threads` worker threads, which take batches from a shared queue so that one large
 * declaration does not hold up the rest. `onChecked` is told of each file as its result arrives.
 */
export async function checkInThreads(
  files: readonly NamedFile[],
  setup: WorkerSetup,
  threads: number,
  onChecked: (checked: Checked) => void,
  workerScript?: URL,
): Promise<void> {
  // From src/ (tests), dist/ and the bundle alike, the compiled worker is dist/run/worker.js.
  const workerUrl = workerScript ?? pathToFileURL(join(packageRoot, "dist", "run", "worker.js"));
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(workerUrl, { workerData: setup }));
  const drive = (worker: Worker) =>
    new Promise<void>((resolvePromise, reject) => {
      let held: readonly NamedFile[] = [];
      let finished = false;
      const send = () => {
        if (next >= files.length) {
          finished = true;
          resolvePromise();
          return;
        }
        held = files.slice(next, next + batchSize);
        next += held.length;
        worker.postMessage({ files: [...held] } satisfies WorkerRequest);
      };
      worker.on("message", (response: WorkerResponse) => {
        if ("error" in response) return reject(failureOf(response));
        response.results.forEach(onChecked);
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
    });
  try {
    await Promise.all(workers.map(drive));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
