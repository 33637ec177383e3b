import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type { CliIO, main } from "./main.js";

type Main = typeof main;

/** The one-file bundle of the CLI, written by src/cli/build-bundle.mjs. */
const bundle = fileURLToPath(new URL("../bundle/main.cjs", import.meta.url));

/**
 * Where compiled code is kept between runs: the user's own cache folder (never a shared temporary one,
 * since the cache is code that will run). `BUDGET_RULES_COMPILE_CACHE=0` turns it off.
 */
function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BUDGET_RULES_COMPILE_CACHE === "0") return undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "budget-rules");
  if (process.platform === "win32") return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "budget-rules") : undefined;
  return join(homedir(), ".cache", "budget-rules");
}

function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A cache that cannot be written only costs the next run its head start. */
function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // Unwritable (a read-only home in a container): run without a cache.
  }
}

/**
 * Runs the CLI from its bundle with V8's code cache, which saves about a quarter of a small check's
 * time: compiling the bundle's functions costs more than checking the seed. (Node 22's
 * `module.enableCompileCache` does this for ES modules; Node 20 has it only for scripts.) The cache is
 * keyed by the bundle's content hash (written by the build), Node's version and the architecture, and V8
 * refuses data that does not fit, so a stale or corrupt cache is recompiled, never run.
 */
export async function start(argv: readonly string[], io: CliIO): Promise<number> {
  const source = readFileSync(bundle, "utf8");
  // The bundle's content hash, written on its first line by the build.
  const key = /^\/\/ budget-rules bundle ([0-9a-f]{16})\n/.exec(source)?.[1];
  const folder = key === undefined ? undefined : cacheFolder(io.env);
  const cacheFile = folder === undefined ? undefined : join(folder, `${key}-${process.version}-${process.arch}.v8`);
  const cachedData = readCache(cacheFile);
  // The wrapper shares the bundle's first line, so line numbers in a stack are the file's own.
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __importModule) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} as { main: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(bundle),
    module,
    bundle,
    dirname(bundle),
    (specifier: string) => import(specifier),
  );
  const code = await module.exports.main(argv, io);
  // After the run, so that the functions it compiled are in the cache too.
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) writeCache(cacheFile, script.createCachedData());
  return code;
}
