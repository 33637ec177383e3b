import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";

const fixtures = new URL("../fixtures/broken/", import.meta.url);

/** A repository folder with the broken fixtures (9 errors in 6 files), checked with --cache. */
function project(): string {
  const folder = mkdtempSync(join(tmpdir(), "budget-rules-cache-"));
  mkdirSync(join(folder, ".git"));
  cpSync(fixtures, join(folder, "broken"), { recursive: true });
  return folder;
}

async function check(folder: string, extra: string[] = []) {
  let stdout = "";
  let stderr = "";
  const code = await main(["check", "--cache", "-f", "json", "--lang", "en", ...extra, "broken"], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    cwd: folder,
    stdoutIsTTY: false,
  });
  return {
    code,
    stderr,
    messages: (JSON.parse(stdout) as { files: { findings: { message: string }[] }[] }).files.flatMap((file) => file.findings.map((finding) => finding.message)),
  };
}

const cacheFile = (folder: string) => join(folder, ".budget-rules-cache");
/** Marks every cached finding, so that a run that reuses the cache shows the mark. */
function markCache(folder: string): void {
  writeFileSync(cacheFile(folder), readFileSync(cacheFile(folder), "utf8").replace(/"message":"/g, '"message":"CACHED '));
}

describe("--cache", () => {
  it.each<[string, (folder: string) => void, boolean]>([
    ["nothing changed: every file's findings are reused", () => undefined, true],
    [
      "a file changed: it is checked again",
      (folder) => writeFileSync(join(folder, "broken", "sum.yaml"), `${readFileSync(join(folder, "broken", "sum.yaml"), "utf8")}# edited\n`),
      false,
    ],
    [
      "the config changed: every file is checked again",
      (folder) =>
        writeFileSync(
          join(folder, "broken", "budget-rules.config.yaml"),
          `${readFileSync(join(folder, "broken", "budget-rules.config.yaml"), "utf8")}# changed\n`,
        ),
      false,
    ],
    [
      "another tool version wrote it: it is not used",
      (folder) =>
        writeFileSync(cacheFile(folder), readFileSync(cacheFile(folder), "utf8").replace(/\\"version\\":\\"[^\\]*\\"/, '\\"version\\":\\"0.0.0-old\\"')),
      false,
    ],
    [
      "another build of the same version wrote it: it is not used",
      (folder) =>
        writeFileSync(
          cacheFile(folder),
          readFileSync(cacheFile(folder), "utf8").replace(/\\"code\\":\\"[^\\]*\\"/, '\\"code\\":\\"bundle 0000000000000000\\"'),
        ),
      false,
    ],
    ["another language: it is not used", () => undefined, false],
  ])("%s", async (name, change, reused) => {
    const folder = project();
    const first = await check(folder);
    expect(first.messages.length).toBeGreaterThan(0);
    markCache(folder);
    change(folder);
    const second = await check(folder, name.startsWith("another language") ? ["--lang", "zh"] : []);
    const marked = second.messages.filter((message) => message.startsWith("CACHED "));
    if (name.startsWith("a file changed")) {
      // Only the edited file is checked again.
      expect(marked.length).toBeGreaterThan(0);
      expect(second.messages.some((message) => !message.startsWith("CACHED "))).toBe(true);
    } else expect(marked.length > 0).toBe(reused);
    expect(second.code).toBe(1);
  });

  it("a file at the cache's place that budget-rules did not write is refused, never replaced", async () => {
    const folder = project();
    writeFileSync(cacheFile(folder), "{not json");
    let stderr = "";
    const code = await main(["check", "--cache", "broken"], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      env: {},
      cwd: folder,
      stdoutIsTTY: false,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^budget-rules: the cache \.budget-rules-cache is not one budget-rules wrote; remove it or name another --cache-location\n$/);
    expect(readFileSync(cacheFile(folder), "utf8")).toBe("{not json");
  });

  it("a cache that cannot be written is a warning, never a wrong result", async () => {
    const folder = project();
    mkdirSync(join(folder, "read-only"));
    chmodSync(join(folder, "read-only"), 0o500);
    const result = await check(folder, ["--cache-location", "read-only/cache"]);
    // Root writes anyway; any other user is refused, and told.
    if (process.getuid?.() !== 0) expect(result.stderr).toMatch(/warning: cannot write the cache .*read-only\/cache \(EACCES\)/);
    else expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    // The broken fixtures' findings, all checked afresh.
    expect(result.messages).toHaveLength(10);
    expect(result.messages.some((message) => message.startsWith("CACHED "))).toBe(false);
  });

  it("is keyed on the bundle's content hash, as the command's start reads it", async () => {
    const folder = project();
    await check(folder);
    const bundleHash = /^\/\/ budget-rules bundle ([0-9a-f]{16})\n/.exec(readFileSync(new URL("../dist/bundle/main.cjs", import.meta.url), "utf8"))?.[1];
    expect(bundleHash).toMatch(/^[0-9a-f]{16}$/);
    const { key } = JSON.parse(readFileSync(cacheFile(folder), "utf8")) as { key: string };
    expect((JSON.parse(key) as { code: string }).code).toBe(`bundle ${bundleHash}`);
  });
});

describe("--cache in CI: keyed on each file's content and its name relative to the working folder", () => {
  /** A fresh clone: the same repository at a new path, every file with a new time stamp, the cache restored. */
  function freshClone(folder: string): string {
    const clone = mkdtempSync(join(tmpdir(), "budget-rules-clone-"));
    cpSync(folder, clone, { recursive: true });
    // An hour after each file's own time stamp: no clock is read.
    for (const name of ["sum.yaml", "share.yaml", "growth.yaml", "budget-rules.config.yaml"]) {
      const path = join(clone, "broken", name);
      const later = new Date(statSync(path).mtimeMs + 3_600_000);
      utimesSync(path, later, later);
    }
    return clone;
  }

  it("a cache restored into a fresh clone gives every file from the cache", async () => {
    const folder = project();
    const first = await check(folder);
    markCache(folder);
    const second = await check(freshClone(folder));
    expect(second.messages).toHaveLength(first.messages.length);
    expect(second.messages.every((message) => message.startsWith("CACHED "))).toBe(true);
  });

  it("one byte changed, the size and time stamp kept: that file is checked again", async () => {
    const folder = project();
    const file = join(folder, "broken", "sum.yaml");
    // A whole second, which every file system keeps exactly.
    const stamp = 1_700_000_000;
    utimesSync(file, stamp, stamp);
    await check(folder);
    markCache(folder);
    const { size } = statSync(file);
    // 698.36 → 698.37: the same length, another figure.
    writeFileSync(file, readFileSync(file, "utf8").replace("        amount: 698.36", "        amount: 698.37"));
    utimesSync(file, stamp, stamp);
    expect(statSync(file).size).toBe(size);
    expect(statSync(file).mtimeMs).toBe(stamp * 1000);
    const second = await check(folder);
    const fresh = second.messages.filter((message) => !message.startsWith("CACHED "));
    expect(fresh).toContainEqual(expect.stringMatching(/but is 698\.37/));
    // The other files' findings still come from the cache.
    expect(second.messages.filter((message) => message.startsWith("CACHED "))).toHaveLength(9);
  });
});

type Entry = { hash: unknown; report: { findings: Record<string, unknown>[]; summary: Record<string, unknown> } | null };

describe("an edited cache entry is a miss, never an internal error", () => {
  it.each<[string, (entry: Entry) => unknown]>([
    ["the entry is a number", () => 7],
    ["the hash is a number", (entry) => ({ ...entry, hash: 7 })],
    ["the report is null", (entry) => ({ ...entry, report: null })],
    ["the findings are not a list", (entry) => ({ ...entry, report: { ...entry.report, findings: "none" } })],
    [
      "a finding has no severity",
      (entry) => ({ ...entry, report: { ...entry.report, findings: entry.report?.findings.map((finding) => ({ ...finding, severity: undefined })) } }),
    ],
    [
      "a finding's line is text",
      (entry) => ({ ...entry, report: { ...entry.report, findings: entry.report?.findings.map((finding) => ({ ...finding, line: "13" })) } }),
    ],
    ["the summary does not count the findings", (entry) => ({ ...entry, report: { ...entry.report, summary: { error: 0, warning: 0, info: 0 } } })],
    ["the summary is missing", (entry) => ({ ...entry, report: { ...entry.report, summary: undefined } })],
  ])("%s: that file is checked again", async (_name, edit) => {
    const folder = project();
    await check(folder);
    markCache(folder);
    const stored = JSON.parse(readFileSync(cacheFile(folder), "utf8")) as { entries: Record<string, Entry> };
    const [path, entry] = Object.entries(stored.entries).find(([name]) => name.endsWith("sum.yaml")) ?? ["", undefined];
    expect(entry?.report?.findings.length).toBeGreaterThan(0);
    if (entry) stored.entries[path] = edit(entry) as Entry;
    writeFileSync(cacheFile(folder), JSON.stringify(stored));
    const second = await check(folder);
    expect(second.stderr).toBe("");
    expect(second.code).toBe(1);
    // The edited file's finding afresh; the others' from the cache.
    expect(second.messages.filter((message) => !message.startsWith("CACHED "))).toEqual([expect.stringMatching(/should be the sum of its child lines/)]);
    expect(second.messages).toHaveLength(10);
  });
});
