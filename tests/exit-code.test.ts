import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { checkFiles } from "../src/run/run.js";
import { encodeLegacy } from "./read-document/documents.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const clean =
  "version: 1\ndepartment: { name: 示例部门, year: 2025 }\nunit: 万元\nstatements:\n  - text: 基本支出 150 万元。\n    figures:\n      - { name: 基本支出, amount: 150 }\n";
/** A change without its reason: a warning. */
const unexplained =
  "version: 1\ndepartment: { name: 示例部门, year: 2025 }\nunit: 万元\ntables:\n  - { id: t, title: 表, lines: [{ name: 甲, amount: 20, change: 3 }] }\n";
/** One statement read, one sentence not read: info. */
const partlyRead = "机关运行经费预算为46.8万元,较2022年预算增加15.60万元,增长50.00%。支出预算总额1200万，其中：基本支出1000万元。";
const rateError = "机关运行经费财政拨款预算为46.8万元,较2022年预算增加15.60万元,增长33.33%。";

/** Files by name and content (text, or bytes). */
type Files = Record<string, string | Uint8Array>;

function folderWith(files: Files): string {
  const folder = mkdtempSync(join(tmpdir(), "exit-code-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

describe("the exit code policy, one rule for the library and the CLI (issue 21)", () => {
  it.each<{ name: string; files: Files; options?: Parameters<typeof checkFiles>[1]; code: 0 | 1 | 2 }>([
    { name: "a declaration with no finding", files: { "a.yaml": clean }, code: 0 },
    { name: "a declaration with an error", files: { "a.yaml": readFileSync(join(root, "fixtures/broken/sum.yaml")) }, code: 1 },
    { name: "a narrative with a rate error", files: { "a.txt": rateError }, code: 1 },
    { name: "a narrative whose relations all hold", files: { "a.txt": "机关运行经费预算为46.8万元,较2022年预算增加15.60万元,增长50.00%。" }, code: 0 },
    // a file not checked: 2, where it was 1 (an unreadable document) or 0 (nothing read)
    { name: "a picture named .txt", files: { "a.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]) }, code: 2 },
    { name: "an empty document", files: { "a.txt": "" }, code: 2 },
    { name: "a text from which no figure is read", files: { "a.txt": "本部门没有需要说明的事项。\n" }, code: 2 },
    { name: "a text whose figures none could be read", files: { "a.txt": "支出预算总额为一千二百万元。\n" }, code: 2 },
    { name: "a document above the size limit", files: { "a.txt": rateError.repeat(100) }, options: { maxFileSize: 1000 }, code: 2 },
    { name: "a declaration above the size limit", files: { "a.yaml": clean.padEnd(2000, "#") }, options: { maxFileSize: 1000 }, code: 2 },
    { name: "a declaration that is not UTF-8", files: { "a.yaml": encodeLegacy(clean, "gb18030") }, code: 2 },
    // 2 goes before 1: a run that did not check every file is no verdict on them
    { name: "a file with an error beside one not read", files: { "a.txt": rateError, "b.txt": "" }, code: 2 },
    // the policy's options
    { name: "an error, with --fail-on error", files: { "a.txt": rateError }, options: { failOn: "error" }, code: 1 },
    { name: "info only, with --fail-on info", files: { "a.txt": partlyRead }, options: { failOn: "info" }, code: 1 },
    { name: "info only, with --fail-on warning", files: { "a.txt": partlyRead }, options: { failOn: "warning" }, code: 0 },
    { name: "a warning, with --fail-on error", files: { "a.yaml": unexplained }, code: 0 },
    { name: "a warning, more than --max-warnings 0", files: { "a.yaml": unexplained }, options: { maxWarnings: 0 }, code: 1 },
  ])("$name: $code", async ({ files, options, code }) => {
    const folder = folderWith(files);
    const { exitCode } = await checkFiles(Object.keys(files), { cwd: folder, threads: 1, ...options });
    expect(exitCode).toBe(code);
  });

  it("a document not read exits 2 from the cache too, as it did when it was read", async () => {
    const folder = folderWith({ "a.txt": "本部门没有需要说明的事项。\n" });
    const cacheLocation = join(folder, "cache.json");
    expect((await checkFiles(["a.txt"], { cwd: folder, cacheLocation })).exitCode).toBe(2);
    expect((await checkFiles(["a.txt"], { cwd: folder, cacheLocation })).exitCode).toBe(2);
  });

  it("the help states the rule", async () => {
    let stdout = "";
    const code = await main(["check", "--help"], { stdout: (text) => (stdout += text), stderr: () => {}, env: {}, cwd: root, stdoutIsTTY: false });
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 {2}the check did not run, or not for every file:/);
    expect(stdout).toMatch(/from which no\s+figure was read\. 2 goes before 1/);
  });
});
