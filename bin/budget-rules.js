#!/usr/bin/env node
// Starts the CLI from its one-file bundle with V8's code cache (src/cli/start.ts, docs/performance.md).
import { start } from "../dist/cli/start.js";

process.stdout.on("error", (error) => {
  // `budget-rules check … | head` closes the pipe early: that is not a failure of the check.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  // A full disk (`> /dev/full`) or a lost terminal: the report is not out, so the check could not run.
  process.stderr.write(`budget-rules: cannot write to stdout: ${error.code ?? error.message}\n`);
  process.exit(2);
});

process.exitCode = await start(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  // Progress goes to stderr, so it is stderr that must be a terminal.
  stderrIsTTY: Boolean(process.stderr.isTTY),
  // check --stdin: read until the end, or a byte past the size limit (an endless input stops there).
  stdin: async (limit) => {
    const chunks = [];
    let total = 0;
    for await (const chunk of process.stdin) {
      chunks.push(chunk);
      total += chunk.length;
      if (total > limit) break;
    }
    return Buffer.concat(chunks);
  },
});
