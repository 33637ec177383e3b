// A worker thread of checkFilesInParallel: checks the batches of files it is sent, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, defaultMaxFileSize, displayName, InputError } from "./check-files.js";
import { ConfigError, configLookup } from "./config/config.js";
import type { WorkerRequest, WorkerResponse, WorkerSetup } from "./check-parallel.js";

const setup = workerData as WorkerSetup;
const configFor = configLookup({
  cwd: setup.cwd,
  lang: setup.lang,
  name: (path) => displayName(path, setup.cwd),
  maxFileSize: setup.maxFileSize ?? defaultMaxFileSize,
  ...(setup.configPath !== undefined ? { configPath: setup.configPath } : {}),
});

parentPort?.on("message", (request: WorkerRequest) => {
  try {
    const results = request.files.map(({ path, file }) => {
      let source: string | undefined;
      const report = checkFile(
        path,
        { lang: setup.lang, file, config: configFor(path), maxFileSize: setup.maxFileSize ?? defaultMaxFileSize, view: setup.view },
        (text) => {
          source = text;
        },
      );
      const keep = setup.sources === "all" || (setup.sources === "errors" && report.summary.error > 0);
      return { report, ...(keep && source !== undefined ? { source } : {}) };
    });
    parentPort?.postMessage({ results } satisfies WorkerResponse);
  } catch (error) {
    const failure: WorkerResponse =
      error instanceof ConfigError
        ? { error: { kind: "config", lines: error.lines } }
        : { error: { kind: error instanceof InputError ? "input" : "internal", lines: [error instanceof Error ? error.message : String(error)] } };
    parentPort?.postMessage(failure);
  }
});
