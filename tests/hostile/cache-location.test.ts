import { spawnSync } from "node:child_process";
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

/**
 * Hostile review, issue 21: --cache-location replaced an input declaration (with only a warning), turned a
 * device into a regular file, and a file named `--cache-location=victim.txt` that a shell glob passed
 * overwrote victim.txt. The cache file now follows every rule -o follows, and one more: it never
 * replaces a file that is not a cache budget-rules wrote. Each refusal is exit 2 before anything is checked.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const declaration = readFileSync(join(root, "fixtures", "broken", "sum.yaml"), "utf8");

async function run(argv: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

/** What each entry of a folder is: a file's bytes, or its kind. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => {
      const stats = lstatSync(join(dir, name));
      if (stats.isSymbolicLink()) return [name, "(link)"];
      return [name, stats.isFile() ? readFileSync(join(dir, name), "utf8") : stats.isFIFO() ? "(FIFO)" : "(folder)"];
    }),
  );
}

/** A project: a declaration, its config, another config, a victim, links, a FIFO, a sub-folder. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "budget-rules-cache-location-"));
  mkdirSync(join(dir, ".git"));
  writeFileSync(join(dir, "a.yaml"), declaration);
  writeFileSync(join(dir, "budget-rules.config.yaml"), "rules: {}\n");
  writeFileSync(join(dir, "other.yaml"), "rules: {}\n");
  writeFileSync(join(dir, "victim.txt"), "precious\n");
  symlinkSync("a.yaml", join(dir, "link.yaml"));
  linkSync(join(dir, "a.yaml"), join(dir, "hard.cache"));
  symlinkSync("/dev/zero", join(dir, "zero"));
  symlinkSync("/dev/null", join(dir, "null"));
  spawnSync("mkfifo", [join(dir, "fifo")]);
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "b.yml"), declaration);
  writeFileSync(join(dir, "--cache-location=victim.txt"), "");
  return dir;
}

describe("a cache location that saving would destroy stops the check before anything is checked", () => {
  it.each([
    { name: "the declaration checked", argv: ["--cache-location", "a.yaml", "a.yaml"], stderr: /the cache a\.yaml is an input of this check/ },
    { name: "a link to it", argv: ["--cache-location", "link.yaml", "a.yaml"], stderr: /the cache link\.yaml is an input/ },
    { name: "a hard link to it", argv: ["--cache-location", "hard.cache", "a.yaml"], stderr: /the cache hard\.cache is an input/ },
    { name: "a declaration of a folder checked", argv: ["--cache-location", "sub/b.yml", "."], stderr: /the cache sub\/b\.yml is an input/ },
    { name: "the nearest config", argv: ["--cache-location", "budget-rules.config.yaml", "a.yaml"], stderr: /budget-rules\.config\.yaml is an input/ },
    { name: "the --config", argv: ["-c", "other.yaml", "--cache-location", "other.yaml", "a.yaml"], stderr: /the cache other\.yaml is an input/ },
    {
      name: "a shell glob's `--cache-location=victim.txt` (victim.txt checked too)",
      argv: ["--cache-location=victim.txt", "a.yaml", "victim.txt"],
      stderr: /the cache victim\.txt is an input/,
    },
    { name: "a file that is not a cache", argv: ["--cache-location", "victim.txt", "a.yaml"], stderr: /the cache victim\.txt is not one budget-rules wrote/ },
    // By a link: a test must not risk the real /dev/null (root renaming over it, as before this fix, replaces it for everyone).
    { name: "a link to /dev/null", argv: ["--cache-location", "null", "a.yaml"], stderr: /the cache null is not a regular file/ },
    { name: "a link to /dev/zero", argv: ["--cache-location", "zero", "a.yaml"], stderr: /the cache zero is not a regular file/ },
    { name: "a FIFO", argv: ["--cache-location", "fifo", "a.yaml"], stderr: /the cache fifo is not a regular file/ },
    { name: "a folder", argv: ["--cache-location", "sub", "a.yaml"], stderr: /the cache sub is not a regular file/ },
    { name: "a missing folder", argv: ["--cache-location", "missing/cache", "a.yaml"], stderr: /cannot write the cache missing\/cache: no such directory/ },
    { name: "an empty path", argv: ["--cache-location", "", "a.yaml"], stderr: /an empty path was given to --cache-location/ },
  ])("$name: exit 2, one line, nothing checked, every file as it was", async ({ argv, stderr }) => {
    const dir = project();
    const before = { top: contents(dir), sub: contents(join(dir, "sub")) };
    const result = await run(["check", "--cache", "-f", "json", ...argv], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^budget-rules: [^\n]+\n$/);
    expect(result.stderr).toMatch(stderr);
    expect(result.stdout).toBe("");
    expect({ top: contents(dir), sub: contents(join(dir, "sub")) }).toEqual(before);
  });
});

describe("-- ends the options", () => {
  it("`check --cache -- --cache-location=victim.txt a.yaml`: the odd name is a path to check", async () => {
    const dir = project();
    const result = await run(["check", "--cache", "-f", "json", "--", "--cache-location=victim.txt", "a.yaml"], dir);
    // The odd name is a document from which nothing is read: not checked, exit 2 (exit-code.ts).
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as { files: { file: string }[] }).files.map(({ file }) => file)).toEqual(["--cache-location=victim.txt", "a.yaml"]);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("precious\n");
    expect(readFileSync(join(dir, ".budget-rules-cache"), "utf8")).toMatch(/^\{"key":/);
  });
});

describe("a cache location that is safe is used", () => {
  it.each([
    { name: "a new file", location: "new.cache" },
    { name: "an empty file", location: "empty.cache" },
    { name: "a link to a cache, which stays a link", location: "cache-link" },
  ])("$name: written, and reused by the next run", async ({ location }) => {
    const dir = project();
    writeFileSync(join(dir, "empty.cache"), "");
    writeFileSync(join(dir, "real.cache"), "");
    symlinkSync("real.cache", join(dir, "cache-link"));
    const first = await run(["check", "--cache", "--cache-location", location, "-f", "json", "a.yaml"], dir);
    expect(first).toMatchObject({ code: 1, stderr: "" });
    expect(readFileSync(join(dir, location), "utf8")).toMatch(/^\{"key":/);
    expect(lstatSync(join(dir, location)).isSymbolicLink()).toBe(location === "cache-link");
    expect(await run(["check", "--cache", "--cache-location", location, "-f", "json", "a.yaml"], dir)).toEqual(first);
  });
});
