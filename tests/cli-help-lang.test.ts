import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIO } from "../src/cli/main.js";

/**
 * Issue 23, Chinese throughout: the help of the program and of every command speaks the run's language,
 * chosen as every message's is (--lang, else LC_ALL or LANG), and `import` writes its comments in it.
 */

async function run(argv: string[], env: CliIO["env"] = {}, cwd = process.cwd()) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

const han = /[\u4e00-\u9fff]/;
/** What a line may hold without being words to read: option and argument names, commands, file names, quoted choices. */
const names =
  /--?[a-z][\w-]*|<[^>]+>|\[[^\]]+\]|"[^"]*"|`[^`]*`|\b(budget-rules|check|rules|explain|init|import|schema|help|paths|file|rule|stylish|json|sarif|junit|github|gitlab|html|xlsx|YAML|Word|PDF|Excel|JSON|Schema|MB|CI|LC_ALL|LANG|zh|en|error|shell|gitignore|pre-commit)\b|[\w.*-]*\.(yaml|yml|xlsx|sarif)\b|\.budget-rules[\w.-]*/g;

/** Lines with words in English and none in Chinese: examples of commands to paste aside. */
const englishOnly = (help: string) =>
  help.split("\n").filter((line) => !han.test(line) && !/^\s*budget-rules /.test(line) && /[A-Za-z]{2,}/.test(line.replace(names, "")));

const helps = [
  ["--help"],
  ["help"],
  ["check", "--help"],
  ["rules", "--help"],
  ["explain", "--help"],
  ["init", "--help"],
  ["import", "--help"],
  ["schema", "--help"],
  ["help", "check"],
];

const chinese = [
  { way: "--lang zh", argv: ["--lang", "zh"], env: {} },
  { way: "--lang=zh", argv: ["--lang=zh"], env: {} },
  { way: "LANG=zh_CN.UTF-8", argv: [], env: { LANG: "zh_CN.UTF-8" } },
  { way: "LC_ALL=zh_CN.UTF-8 over LANG=C", argv: [], env: { LC_ALL: "zh_CN.UTF-8", LANG: "C" } },
  { way: "--lang zh over LANG=en_US", argv: ["--lang", "zh"], env: { LANG: "en_US.UTF-8" } },
];

describe("help in Chinese when the language is zh", () => {
  it.each(chinese.flatMap((way) => helps.map((help) => ({ ...way, help, name: help.join(" ") }))))("$name, $way", async ({ argv, env, help }) => {
    const result = await run([...help, ...argv], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^用法：/);
    expect(result.stdout).toContain("显示帮助");
    expect(englishOnly(result.stdout)).toEqual([]);
  });

  it.each([
    { argv: ["--help"], words: ["核对其申报文件或公开文件本身（文本、Word、PDF、Excel）", "命令：", "check [选项] [paths...]"] },
    {
      argv: ["check", "--help"],
      words: [
        "核对申报文件（YAML）或公开文件（文本、Word、PDF、Excel）",
        "退出码：",
        '（可选："error", "warning", "info"；默认："error"）',
        "xlsx（核对过的 Excel 工作簿",
      ],
    },
    { argv: ["init", "--help"], words: ["参数：", '写到哪里（默认："budget.yaml"）'] },
    { argv: ["import", "--help"], words: ["从公开文件（文本、Word、PDF、Excel）读出申报文件"] },
  ])("$argv says what it does in Chinese", async ({ argv, words }) => {
    const { stdout } = await run([...argv, "--lang", "zh"]);
    // As written, before commander wrapped it to the width of a terminal.
    const unwrapped = stdout.replace(/\s*\n\s+/g, " ");
    for (const word of words) expect(unwrapped).toContain(word);
  });
});

describe("help in English otherwise", () => {
  it.each([
    { way: "no locale", argv: [], env: {} },
    { way: "LANG=en_US.UTF-8", argv: [], env: { LANG: "en_US.UTF-8" } },
    { way: "--lang en over LANG=zh_CN", argv: ["--lang", "en"], env: { LANG: "zh_CN.UTF-8" } },
    { way: "a --lang zh after --, which is a path", argv: ["--", "--lang", "zh"], env: {} },
  ])("check --help, $way: English, and no longer YAML only", async ({ argv, env }) => {
    const { stdout } = await run(["check", "--help", ...argv], env);
    expect(stdout).toMatch(/^Usage: budget-rules check \[options\] \[paths\.\.\.\]/);
    expect(stdout).toContain("check declarations (YAML) or published disclosures (text, Word, PDF, Excel)");
    expect(stdout).toContain("Exit codes:");
    expect(stdout).not.toMatch(han);
    // The test of Chinese help finds the English lines here: it can fail.
    expect(englishOnly(stdout).length).toBeGreaterThan(20);
  });
});

describe("import's comments in the run's language", () => {
  const dir = mkdtempSync(join(tmpdir(), "budget-rules-import-lang-"));
  writeFileSync(join(dir, "doc.txt"), "2025年部门预算收入合计1000万元，其中财政拨款收入800万元，其他收入200万元。\n");
  it.each([
    { way: "--lang zh", argv: ["--lang", "zh"], env: {}, place: /# 第 1 行第 \d+ 列$/m },
    { way: "LANG=zh_CN.UTF-8", argv: [], env: { LANG: "zh_CN.UTF-8" }, place: /# 第 1 行第 \d+ 列$/m },
    { way: "--lang en over LANG=zh_CN", argv: ["--lang", "en"], env: { LANG: "zh_CN.UTF-8" }, place: /# line 1, column \d+$/m },
  ])("$way", async ({ argv, env, place }) => {
    const { code, stdout } = await run(["import", "doc.txt", ...argv], env, dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(place);
  });
});
