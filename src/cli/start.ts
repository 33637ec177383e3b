import { createHash } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { readRegularFile } from "../load/read.js";
import { writeWhole } from "../run/whole-file.js";
import type { CliIO, main } from "./main.js";

type Main = typeof main;

/** The one-file bundle of the CLI, written by src/cli/build-bundle.mjs. */
const bundle = fileURLToPath(new URL("../bundle/main.cjs", import.meta.url));

/** The cache is about 1 MB; anything much larger is not one this command wrote. */
const cacheLimit = 64 * 1024 * 1024;

const absolute = (path: string | undefined) => (path && isAbsolute(path) ? path : undefined);

/**
 * Where compiled code is kept between runs: the user's own cache folder (never a shared temporary one,
 * since the cache is code that will run), and never a relative one, which would be the working folder's
 * (a repository can ship a `.cache`). `BUDGET_RULES_COMPILE_CACHE=0` turns it off.
 */
function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BUDGET_RULES_COMPILE_CACHE === "0") return undefined;
  if (process.platform === "win32") return absolute(env.LOCALAPPDATA) && join(env.LOCALAPPDATA ?? "", "budget-rules");
  // The XDG rule: a relative XDG_CACHE_HOME is invalid and ignored. HOME unset is the account's home.
  const xdg = absolute(env.XDG_CACHE_HOME);
  if (xdg !== undefined) return join(xdg, "budget-rules");
  const home = absolute(env.HOME === undefined ? homedir() : env.HOME);
  return home && join(home, ".cache", "budget-rules");
}

/** The user's own folder: a folder (not a link to one), owned by the user, which no one else may write. */
function ownFolder(folder: string): boolean {
  const uid = process.getuid?.();
  try {
    const stats = lstatSync(folder);
    return stats.isDirectory() && (uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0));
  } catch {
    return false;
  }
}

/** The checksum a cache file starts with: of its data, keyed with the bundle's hash. */
const checksumOf = (key: string, data: Uint8Array) => createHash("sha256").update(`${key}\n`).update(data).digest();
const checksumLength = 32;

/** The cached data, if it is in the user's own folder, a regular file the user owns, and whole. */
function readCache(file: string, key: string): Buffer | undefined {
  if (!ownFolder(dirname(file))) return undefined;
  try {
    const read = readRegularFile(file, cacheLimit, { noFollow: true, ...(process.getuid ? { owner: process.getuid() } : {}) });
    if (!("bytes" in read) || read.bytes.length <= checksumLength) return undefined;
    const data = read.bytes.subarray(checksumLength);
    return checksumOf(key, data).equals(read.bytes.subarray(0, checksumLength)) ? data : undefined;
  } catch {
    return undefined; // missing, a link (ELOOP), unreadable
  }
}

/**
 * Makes a folder and the missing ones above it, one at a time, each 0700; true when the folder was made.
 * Not mkdir's `recursive`, which never ends where a parent exists but refuses a child with ENOENT
 * (HOME=/proc: /proc/.cache), so that the command spun after printing its report. Any error is thrown.
 */
function makeFolders(folder: string): boolean {
  const missing: string[] = [];
  for (let at = folder; !existsSync(at); at = dirname(at)) {
    if (dirname(at) === at) return false;
    missing.unshift(at);
  }
  for (const path of missing) mkdirSync(path, { mode: 0o700 });
  return missing.length > 0;
}

/** A cache that cannot be written only costs the next run its head start. */
function writeCache(file: string, key: string, data: Buffer): void {
  const folder = dirname(file);
  try {
    // 0700 whatever the umask; chmod too, since mkdir's mode is masked and umask 000 would keep 0777.
    if (makeFolders(folder)) chmodSync(folder, 0o700);
    if (!ownFolder(folder)) return;
    writeWhole(file, Buffer.concat([checksumOf(key, data), data]), 0o600);
  } catch {
    // Unwritable (a read-only home in a container): run without a cache.
  }
}

/**
 * Runs the CLI from its bundle with V8's code cache, which saves about a quarter of a small check's
 * time: compiling the bundle's functions costs more than checking the seed. (Node 22's
 * `module.enableCompileCache` does this for ES modules; Node 20 has it only for scripts.) The cache is
 * keyed by the bundle's content hash (written by the build), Node's version and the architecture. V8
 * checks only the length of the source its data was made from, so data compiled from other code would
 * run: it is read only from the user's own folder and only with the checksum this build wrote for it.
 */
export async function start(argv: readonly string[], io: CliIO): Promise<number> {
  const source = readFileSync(bundle, "utf8");
  // The bundle's content hash, written on its first line by the build (the result cache's key too: run/code-id.ts).
  const key = /^\/\/ budget-rules bundle ([0-9a-f]{16})\n/.exec(source)?.[1];
  const folder = key === undefined ? undefined : cacheFolder(io.env);
  const cacheFile = folder === undefined ? undefined : join(folder, `${key}-${process.version}-${process.arch}.v8`);
  const cachedData = key === undefined || cacheFile === undefined ? undefined : readCache(cacheFile, key);
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
  if (key !== undefined && cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true))
    writeCache(cacheFile, key, script.createCachedData());
  return code;
}
