// A worker thread of checkInThreads: checks the batches of files it is sent, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { ConfigError } from "../config/config.js";
import { InputError } from "./files.js";
import { checkerOf } from "./run.js";
import type { WorkerRequest, WorkerResponse, WorkerSetup } from "./threads.js";

const check = checkerOf(workerData as WorkerSetup);

async function checkBatch(request: WorkerRequest): Promise<void> {
  try {
    const results = [];
    // One at a time: the batch is the unit of sharing work between threads.
    for (const file of request.files) results.push(await check(file));
    parentPort?.postMessage({ results } satisfies WorkerResponse);
  } catch (error) {
    const failure: WorkerResponse =
      error instanceof ConfigError
        ? { error: { kind: "config", lines: error.lines } }
        : { error: { kind: error instanceof InputError ? "input" : "internal", lines: [error instanceof Error ? error.message : String(error)] } };
    parentPort?.postMessage(failure);
  }
}

parentPort?.on("message", (request: WorkerRequest) => void checkBatch(request));
