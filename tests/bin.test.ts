/**
 * The installed command as a user runs it: bin/ starts the one-file bundle through V8's code cache.
 * What a user relies on: every form of document reads the same from the bundle as from the library,
 * and the cache never changes a result, whether it is missing, corrupt, stale or unwritable.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { corpusText, docxOf, linesOf, pdfOf, typeset, xlsxOf } from "./read-document/documents.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "budget-rules.js");
const seed = join(root, "fixtures", "wuchang-2025.yaml");

function run(argv: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...argv], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheHome = () => mkdtempSync(join(tmpdir(), "budget-rules-compile-cache-"));
const cacheFiles = (home: string) => readdirSync(join(home, "budget-rules")).filter((name) => name.endsWith(".v8"));

describe("the command reads every form of document from its bundle", () => {
  const folder = mkdtempSync(join(tmpdir(), "budget-rules-bin-forms-"));
  // The text's run fills this cache; the other forms load their readers from code that came from it.
  const home = cacheHome();
  const text = corpusText("daying-jinyuan-2023");
  const errorsOf = (stdout: string) =>
    (JSON.parse(stdout) as { files: { findings: { severity: string; expected?: string; actual?: string }[] }[] }).files[0]?.findings
      .filter((finding) => finding.severity === "error")
      .map(({ expected, actual }) => ({ expected, actual }));
  const forms: [string, () => Promise<Uint8Array | string>][] = [
    ["text", () => Promise.resolve(text)],
    ["Word", async () => docxOf(linesOf(text))],
    ["PDF", async () => pdfOf(typeset(text, 38, 40, "大营镇金源社区"))],
    ["Excel", async () => xlsxOf([{ name: "说明", rows: linesOf(text).map((line) => [line]) }])],
  ];
  it.each(forms)("%s", async (name, bytes) => {
    const file = join(folder, `document-${name}`);
    writeFileSync(file, await bytes());
    const result = run(["check", "-f", "json", file], { XDG_CACHE_HOME: home });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(cacheFiles(home)).toHaveLength(1);
    expect(errorsOf(result.stdout)).toEqual(errorsOf(run(["check", "-f", "json", join(folder, "document-text")], { XDG_CACHE_HOME: home }).stdout));
    expect(errorsOf(result.stdout)?.length).toBeGreaterThan(0);
  });
});

describe("the compile cache never changes a result", () => {
  const expected = run(["check", seed], { BUDGET_RULES_COMPILE_CACHE: "0" });

  it("is written on the first run and read on the next, with the same report", () => {
    const home = cacheHome();
    expect(run(["check", seed], { XDG_CACHE_HOME: home })).toEqual(expected);
    expect(cacheFiles(home)).toHaveLength(1);
    expect(run(["check", seed], { XDG_CACHE_HOME: home })).toEqual(expected);
  });

  it.each([
    ["a corrupt cache", "not compiled code"],
    ["an empty cache", ""],
    ["a cache of random bytes", "\u0000\u00ff".repeat(5000)],
  ])("%s is recompiled and replaced", (_, content) => {
    const home = cacheHome();
    run(["check", seed], { XDG_CACHE_HOME: home });
    const [file = ""] = cacheFiles(home);
    writeFileSync(join(home, "budget-rules", file), content);
    expect(run(["check", seed], { XDG_CACHE_HOME: home })).toEqual(expected);
    expect(run(["check", seed], { XDG_CACHE_HOME: home })).toEqual(expected);
  });

  it("an unwritable cache folder only goes without a cache", () => {
    const home = cacheHome();
    mkdirSync(join(home, "budget-rules"));
    chmodSync(join(home, "budget-rules"), 0o500);
    expect(run(["check", seed], { XDG_CACHE_HOME: home })).toEqual(expected);
  });

  it("a cache home that is a file only goes without a cache", () => {
    const home = join(cacheHome(), "file");
    writeFileSync(home, "");
    expect(run(["check", seed], { XDG_CACHE_HOME: home })).toEqual(expected);
  });

  it("BUDGET_RULES_COMPILE_CACHE=0 writes no cache", () => {
    const home = cacheHome();
    expect(run(["check", seed], { XDG_CACHE_HOME: home, BUDGET_RULES_COMPILE_CACHE: "0" })).toEqual(expected);
    expect(readdirSync(home)).toEqual([]);
  });
});

describe("progress", () => {
  // What a terminal on stderr looks like to the command (a pipe in the test), CI's variables cleared.
  const onTerminal = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "data:text/javascript,process.stderr.isTTY=true", bin, "check", "fixtures/broken"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CI: "", GITHUB_ACTIONS: "", GITLAB_CI: "", BUILD_NUMBER: "", TERM: "xterm", ...env },
    });

  it("is shown when stderr is a terminal: the command tells the CLI so", () => {
    const result = onTerminal({});
    expect(result.stderr).toContain("6/6");
    expect(result.stdout).not.toContain("6/6");
  });

  it("is never shown in CI, even on a terminal", () => {
    expect(onTerminal({ CI: "true" }).stderr).toBe("");
  });
});

describe("--stdin", () => {
  it("the command reads the standard input and checks it as the file named", () => {
    const result = spawnSync(process.execPath, [bin, "check", "--stdin", "--stdin-filename", "fixtures/broken/piped.yaml", "-f", "json"], {
      cwd: root,
      encoding: "utf8",
      input: readFileSync(join(root, "fixtures", "broken", "sum.yaml"), "utf8"),
    });
    const report = JSON.parse(result.stdout) as { files: { file: string; config: string | null; findings: { rule: string }[] }[] };
    expect(report.files.map((file) => [file.file, file.config, file.findings.map((finding) => finding.rule)])).toEqual([
      ["fixtures/broken/piped.yaml", "fixtures/broken/budget-rules.config.yaml", ["sum"]],
    ]);
    expect(result.status).toBe(1);
  });
});
