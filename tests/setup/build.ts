import { execFileSync } from "node:child_process";
import { fastCheckSeed } from "./fast-check.js";

/**
 * Builds what the tests run besides the sources (the precompiled validators, dist/ for the library as a
 * package, the workers and the CLI bundle) before any test file loads, so a plain `npx vitest run` on a
 * fresh clone works and no test compares new sources with stale workers.
 */
export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  console.log(`fast-check seed ${fastCheckSeed} (replay with FAST_CHECK_SEED=${fastCheckSeed})`);
}
