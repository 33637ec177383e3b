import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Hostile review, issue 21: the compile cache is code that runs, and V8 checks only the length of the
 * source it was made from. So it is read only from the user's own folder (not a link, not another's, not
 * writable by others, never a relative location), only as a regular file it owns (never a link, FIFO or
 * device, which must not hang the start), and only with the checksum this build wrote for it.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin", "budget-rules.js");
const bundle = join(root, "dist", "bundle", "main.cjs");
const seed = join(root, "fixtures", "wuchang-2025.yaml");
const folder = () => mkdtempSync(join(tmpdir(), "budget-rules-compile-cache-"));

/** The command with exactly these variables (none of the caller's XDG or HOME), in `cwd`, with an umask. */
function run(cwd: string, env: Record<string, string>, umask = "022") {
  const inherited = { PATH: process.env.PATH ?? "", NO_COLOR: "1" };
  // An outer bound only, so that a start that hangs on a FIFO fails here instead of stalling the run.
  const result = spawnSync("sh", ["-c", `umask ${umask} && exec "$0" "$@"`, process.execPath, bin, "check", seed], {
    cwd,
    encoding: "utf8",
    env: { ...inherited, ...env },
    timeout: 50_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The name under which the bundle looks for its cache. */
const cacheName = () => `${/^\/\/ budget-rules bundle ([0-9a-f]{16})\n/.exec(readFileSync(bundle, "utf8"))?.[1] ?? ""}-${process.version}-${process.arch}.v8`;

/**
 * V8's code cache of a bundle whose first line (a comment of the same length) is replaced by code that
 * prints PLANTED: what an attacker would leave in a cache folder. Made by a separate node, whose V8 flags
 * are those of the command's.
 */
function plantedCode(): Buffer {
  const maker = `
    const { readFileSync } = require("node:fs");
    const { createRequire } = require("node:module");
    const { Script } = require("node:vm");
    const [bundle] = process.argv.slice(1);
    const source = readFileSync(bundle, "utf8");
    const firstLine = source.slice(0, source.indexOf("\\n"));
    const code = 'require("fs").writeSync(1,"PLANTED\\\\n");';
    const planted = (code + "//" + "x".repeat(firstLine.length)).slice(0, firstLine.length) + source.slice(firstLine.length);
    const script = new Script("(function (exports, require, module, __filename, __dirname, __importModule) {" + planted + "\\n})", { filename: bundle });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, bundle, () => undefined);
    process.stdout.write(script.createCachedData().toString("base64"));
  `;
  const made = spawnSync(process.execPath, ["-e", maker, bundle], { encoding: "utf8" });
  return Buffer.from(made.stdout.replace(/^PLANTED\n/, ""), "base64");
}

/** The same run without the compile cache: what every run must print. */
const withoutCache = (cwd: string, env: Record<string, string>) => run(cwd, { ...env, BUDGET_RULES_COMPILE_CACHE: "0" });

describe("planted compiled code never runs", () => {
  const planted = plantedCode();
  const plant = (cacheFolder: string) => {
    mkdirSync(cacheFolder, { recursive: true });
    writeFileSync(join(cacheFolder, cacheName()), planted);
  };

  it.each<{ name: string; setUp: (work: string) => { cwd: string; env: Record<string, string> } }>([
    {
      name: "in a cache folder writable by others (0777)",
      setUp: (work) => {
        plant(join(work, "budget-rules"));
        chmodSync(join(work, "budget-rules"), 0o777);
        return { cwd: work, env: { XDG_CACHE_HOME: work } };
      },
    },
    {
      // Only root can give a folder away; otherwise the folder is the user's own and the checksum refuses it.
      name: "in a cache folder of another user (HOME pointing at it)",
      setUp: (work) => {
        plant(join(work, ".cache", "budget-rules"));
        try {
          chownSync(join(work, ".cache", "budget-rules"), 65534, 65534);
        } catch {
          // not root: the folder stays the user's own
        }
        return { cwd: root, env: { HOME: work } };
      },
    },
    { name: "in ./.cache when HOME is empty", setUp: (work) => (plant(join(work, ".cache", "budget-rules")), { cwd: work, env: { HOME: "" } }) },
    { name: "in ./.cache when HOME is relative", setUp: (work) => (plant(join(work, ".cache", "budget-rules")), { cwd: work, env: { HOME: "." } }) },
    {
      name: "under a relative XDG_CACHE_HOME",
      setUp: (work) => (plant(join(work, "cache", "budget-rules")), { cwd: work, env: { XDG_CACHE_HOME: "cache", HOME: join(work, "home") } }),
    },
    {
      name: "in the user's own folder, without the checksum its build writes",
      setUp: (work) => (plant(join(work, "budget-rules")), chmodSync(join(work, "budget-rules"), 0o700), { cwd: work, env: { XDG_CACHE_HOME: work } }),
    },
    {
      name: "behind a link in the user's own folder",
      setUp: (work) => {
        plant(join(work, "elsewhere"));
        mkdirSync(join(work, "budget-rules"), { mode: 0o700 });
        symlinkSync(join(work, "elsewhere", cacheName()), join(work, "budget-rules", cacheName()));
        return { cwd: work, env: { XDG_CACHE_HOME: work } };
      },
    },
    {
      name: "when the cache folder is a link to a folder of it",
      setUp: (work) => {
        plant(join(work, "elsewhere"));
        symlinkSync(join(work, "elsewhere"), join(work, "budget-rules"));
        return { cwd: work, env: { XDG_CACHE_HOME: work } };
      },
    },
  ])("$name", ({ setUp }) => {
    const work = folder();
    const { cwd, env } = setUp(work);
    const result = run(cwd, env);
    expect(result.stdout).not.toContain("PLANTED");
    expect(result).toEqual(withoutCache(cwd, env));
  });

  it("the planted code is real: a cache of it made for this build would run", () => {
    // What makes the table above mean something: the same bytes, given to V8 directly, print PLANTED.
    const data = join(folder(), "planted.v8");
    writeFileSync(data, planted);
    const made = spawnSync(
      process.execPath,
      [
        "-e",
        `const { Script } = require("node:vm"); const fs = require("node:fs"); const [bundle, data] = process.argv.slice(1);
         const script = new Script("(function (exports, require, module, __filename, __dirname, __importModule) {" + fs.readFileSync(bundle, "utf8") + "\\n})", { filename: bundle, cachedData: fs.readFileSync(data) });
         script.runInThisContext()({}, require, {}, bundle, bundle, () => undefined);`,
        bundle,
        data,
      ],
      { encoding: "utf8" },
    );
    expect(made.stdout).toBe("PLANTED\n");
  });
});

describe("no relative cache location is used or made", () => {
  it.each<{ name: string; env: Record<string, string> }>([
    { name: "HOME empty", env: { HOME: "" } },
    { name: "HOME relative", env: { HOME: "home" } },
    { name: "XDG_CACHE_HOME relative and HOME empty", env: { XDG_CACHE_HOME: "cache", HOME: "" } },
  ])("$name: nothing is written in the working folder", ({ env }) => {
    const work = folder();
    expect(run(work, env)).toEqual(withoutCache(work, env));
    expect(readdirSync(work)).toEqual([]);
  });
});

describe("a cache folder that cannot be made is passed over, never retried (issue 21)", () => {
  it.each<{ name: string; env: Record<string, string> }>([
    // /proc refuses a new folder with ENOENT though it exists: mkdir's recursive mode spun there for ever
    { name: "HOME=/proc", env: { HOME: "/proc" } },
    { name: "XDG_CACHE_HOME=/proc/self", env: { XDG_CACHE_HOME: "/proc/self" } },
    { name: "HOME under a file", env: { HOME: "/etc/hostname/home" } },
  ])("$name: the command ends as it does without a cache", ({ env }) => {
    expect(run(folder(), env)).toEqual(withoutCache(folder(), env));
  });
});

describe("what is in place of the cache file is never followed or waited on", () => {
  it.each<{ name: string; make: (file: string) => void }>([
    { name: "a FIFO", make: (file) => spawnSync("mkfifo", [file]) },
    { name: "a link to /dev/zero", make: (file) => symlinkSync("/dev/zero", file) },
    { name: "a folder", make: (file) => mkdirSync(file) },
  ])("$name: the start goes on without the cache", ({ make }) => {
    const work = folder();
    mkdirSync(join(work, "budget-rules"), { mode: 0o700 });
    make(join(work, "budget-rules", cacheName()));
    expect(run(work, { XDG_CACHE_HOME: work })).toEqual(withoutCache(work, {}));
  });
});

describe("the cache is made private, whatever the umask", () => {
  it.each(["000", "022", "077"])("umask %s: the folder 0700, the file 0600, and the next run uses it", (umask) => {
    const work = folder();
    expect(run(work, { XDG_CACHE_HOME: work }, umask)).toEqual(withoutCache(work, {}));
    const cacheFolder = join(work, "budget-rules");
    expect(statSync(cacheFolder).mode & 0o777).toBe(0o700);
    expect(readdirSync(cacheFolder)).toEqual([cacheName()]);
    const written = statSync(join(cacheFolder, cacheName()));
    expect(written.mode & 0o777).toBe(0o600);
    expect(run(work, { XDG_CACHE_HOME: work }, umask)).toEqual(withoutCache(work, {}));
    // Accepted, so not written again: the same file.
    expect(statSync(join(cacheFolder, cacheName())).ino).toBe(written.ino);
  });
});
