import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import { checkFiles } from "../src/run/run.js";
import { WorkerStopped } from "../src/run/threads.js";
import { ConfigError } from "../src/config/config.js";

const head = "version: 1\ndepartment: { name: 甲, year: 2025 }\nunit: 万元\n";

function folderOf(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), "budget-rules-parallel-"));
  for (let index = 0; index < count; index += 1) {
    const total = index % 7 === 0 ? "11.00" : "10.00";
    writeFileSync(
      join(folder, `d${String(index).padStart(3, "0")}.yaml`),
      `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: ${total} }\n    lines: [{ name: 甲, amount: 4 }, { name: 乙, amount: 6 }]\n`,
    );
  }
  return folder;
}

describe("checking many files on worker threads", () => {
  it("gives the same report as one thread, and the texts of the files with errors", async () => {
    const folder = folderOf(150);
    const single = await checkFiles([folder], { cwd: folder, threads: 1, sources: "errors" });
    const { report, sources, exitCode } = await checkFiles([folder], { cwd: folder, threads: 4, sources: "errors" });
    expect(report).toEqual(single.report);
    expect(sources).toEqual(single.sources);
    expect(exitCode).toBe(1);
    expect(report.summary.error).toBe(22);
    expect([...sources.keys()].sort()).toEqual(report.files.filter((file) => file.summary.error > 0).map((file) => file.file));
  });

  it("reports progress for every file", async () => {
    const folder = folderOf(100);
    const seen: number[] = [];
    await checkFiles([folder], { cwd: folder, threads: 4, sources: "none", onProgress: (done) => seen.push(done) });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
  });

  it("a bad config found by a worker stops the check as in one thread", async () => {
    const folder = folderOf(100);
    writeFileSync(join(folder, "budget-rules.config.yaml"), "rules:\n  summ: off\n");
    await expect(checkFiles([folder], { cwd: folder, threads: 4, sources: "none" })).rejects.toBeInstanceOf(ConfigError);
  });

  it.each([
    ["on its first batch", "process.exit(7);", 7],
    ["after reporting one batch", "if (++batches === 2) process.exit(9); else parentPort.postMessage({ results: [] });", 9],
    ["with code 0, as if all were well", "process.exit(0);", 0],
  ])("a worker that exits without an error event %s ends the run, naming the files it held", async (_name, onBatch, code) => {
    const folder = folderOf(100);
    const script = join(folder, "worker.mjs");
    writeFileSync(script, `import { parentPort } from "node:worker_threads";\nlet batches = 0;\nparentPort.on("message", () => { ${onBatch} });\n`);
    const run = checkFiles([folder], { cwd: folder, threads: 4, sources: "none", workerScript: pathToFileURL(script) });
    await expect(run).rejects.toBeInstanceOf(WorkerStopped);
    // The files it held, named: up to five, and how many more (which batch a worker gets last varies).
    await expect(run).rejects.toThrow(
      new RegExp(
        `^a worker thread stopped \\(exit code ${code}\\) before checking d\\d{3}\\.yaml(?:, d\\d{3}\\.yaml)*(?: and \\d+ more)?; nothing is reported for this run$`,
      ),
    );
  });
});
