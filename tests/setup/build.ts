import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fastCheckSeed } from "./fast-check.js";

const root = join(import.meta.dirname, "..", "..");
const stampFile = join(root, "dist", ".build-inputs");

/** Every file the build reads, with its bytes: src/, schemas/ and the package and compiler settings. */
function inputsHash(): string {
  const hash = createHash("sha256");
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));
  const files = [
    ...walk(join(root, "src")),
    ...walk(join(root, "schemas")),
    ...["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"].map((name) => join(root, name)),
  ];
  for (const file of files) if (statSync(file, { throwIfNoEntry: false })?.isFile()) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * Builds what the tests run besides the sources (the precompiled validators, dist/ for the library as a
 * package, the workers and the CLI bundle) before any test file loads, so a plain `npx vitest run` on a
 * fresh clone works and no test compares new sources with stale workers. A build of the very same inputs
 * is not made again: one test file on a built tree starts at once.
 */
export default function setup(): void {
  const inputs = inputsHash();
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== inputs) {
    execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
    writeFileSync(stampFile, inputsHash());
  }
  console.log(`fast-check seed ${fastCheckSeed} (replay with FAST_CHECK_SEED=${fastCheckSeed})`);
}
