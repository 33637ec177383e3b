import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { colourLevel, defaultLang, main, type CliIO } from "../src/cli/main.js";

const root = fileURLToPath(new URL("..", import.meta.url));

async function run(argv: string[], env: CliIO["env"] = {}, stdoutIsTTY = false) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    cwd: root,
    stdoutIsTTY,
  });
  return { code, stdout, stderr };
}

describe("budget-rules check", () => {
  it("reports the seed in stylish format, and exits 1 for its one real error", async () => {
    const { code, stdout, stderr } = await run(["check", "fixtures/wuchang-2025.yaml"]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toContain("fixtures/wuchang-2025.yaml\n");
    expect(stdout).toMatch(/^ {2}\d+:\d+ +info +The amount of t5-1 line “21011 行政事业单位医疗”, 35.07, .* {2}sum$/m);
    expect(stdout).toMatch(
      /^ {2}\d+:\d+ +error +t12-1 indicator “招聘活动场次” has 10 for 2024, but t11 indicator “招聘活动场次\/举办场次” has 9 {2}indicator$/m,
    );
    expect(stdout).toContain("✖ 1 file checked: 1 error, 3 warnings, 3 info");
    expect(stdout).not.toContain("\u001b["); // not a terminal: no colour
  });

  it("prints the documented JSON shape", async () => {
    const { code, stdout } = await run(["check", "--format", "json", "fixtures/wuchang-2025.yaml", "fixtures/broken/sum.yaml"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { version: number; files: { file: string; findings: Record<string, unknown>[] }[]; summary: object };
    expect(report.version).toBe(1);
    expect(report.files.map((file) => file.file)).toEqual(["fixtures/broken/sum.yaml", "fixtures/wuchang-2025.yaml"]);
    expect(report.summary).toEqual({ error: 2, warning: 3, info: 3 });
    expect(report.files[0]?.findings[0]).toEqual({
      rule: "sum",
      messageId: "sum-mismatch",
      severity: "error",
      message: expect.stringContaining("697.36") as string,
      path: "/tables/0/lines/0/amount",
      line: 13,
      column: 17,
      endLine: 13,
      endColumn: 23,
      expected: "697.36",
      actual: "698.36",
      difference: "1",
      tolerance: "0.015",
      related: [
        { path: "/tables/0/lines/0/lines/0/amount", line: 15, column: 52 },
        { path: "/tables/0/lines/0/lines/1/amount", line: 16, column: 67 },
      ],
    });
  });

  it.each(["sum", "share", "growth", "statement", "schema", "yaml"])("the broken variant for %s exits 1 with an error of that rule", async (rule) => {
    const { code, stdout } = await run(["check", "--format", "json", `fixtures/broken/${rule}.yaml`]);
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as { files: { findings: { rule: string; severity: string }[] }[] }).files[0]?.findings ?? [];
    expect(findings).toContainEqual(expect.objectContaining({ rule, severity: "error" }));
  });

  it("checks every *.yaml and *.yml below a folder", async () => {
    const { stdout } = await run(["check", "--format", "json", "fixtures"]);
    const files = (JSON.parse(stdout) as { files: { file: string }[] }).files.map((file) => file.file);
    expect(files).toContain("fixtures/wuchang-2025.yaml");
    expect(files).toContain("fixtures/broken/growth.yaml");
    expect(files).toContain("fixtures/corpus/shenzhen-zfbgt-2011/declaration.yaml");
    // The seed, the six broken variants and the eight declarations of real disclosures.
    expect(files).toHaveLength(15);
  });

  it("speaks Chinese with --lang zh, and by default under a Chinese locale", async () => {
    const explicit = await run(["check", "--lang", "zh", "fixtures/broken/sum.yaml"]);
    expect(explicit.stdout).toContain("应为下级行之和 697.36，实为 698.36，差 1，超出容差 0.015");
    expect(explicit.stdout).toContain("✖ 检查了 1 个文件：1 个错误，0 个警告，0 条提示");
    const byLocale = await run(["check", "fixtures/broken/sum.yaml"], { LANG: "zh_CN.UTF-8" });
    expect(byLocale.stdout).toBe(explicit.stdout);
  });

  it.each([
    { argv: ["check", "no-such-file.yaml"], message: "budget-rules: no such file or directory: no-such-file.yaml\n" },
    { argv: ["check", "src/cli"], message: "budget-rules: no *.yaml or *.yml file in src/cli\n" },
  ])("a check that cannot run says so in one line and exits 2: $argv", async ({ argv, message }) => {
    const { code, stdout, stderr } = await run(argv);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: "", stderr: message });
  });

  it.each([[["check", "--format", "xml", "fixtures"]], [["check", "--nope", "fixtures"]], [["check"]], [["chek", "fixtures"]]])(
    "a bad command line %j exits 2",
    async (argv) => {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr.trim().split("\n")[0]).toMatch(/^error: /);
    },
  );

  it("--help and --version exit 0", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("check [options] [paths...]");
    const checkHelp = await run(["check", "--help"]);
    expect(checkHelp.stdout).toContain("Exit codes:");
    const version = await run(["--version"]);
    expect(version).toEqual({ code: 0, stdout: "0.1.0\n", stderr: "" });
  });
});

describe("terminal conventions", () => {
  it.each([
    { env: {}, tty: false, level: 0 },
    { env: {}, tty: true, level: 1 },
    { env: { NO_COLOR: "1" }, tty: true, level: 0 },
    { env: { FORCE_COLOR: "1" }, tty: false, level: 1 },
    { env: { FORCE_COLOR: "3", NO_COLOR: "1" }, tty: false, level: 3 },
    { env: { FORCE_COLOR: "0" }, tty: true, level: 0 },
  ])("colour level $level for $env on a tty: $tty", ({ env, tty, level }) => {
    expect(colourLevel(env, tty)).toBe(level);
  });

  it("colours the report on a terminal", async () => {
    const { stdout } = await run(["check", "fixtures/broken/sum.yaml"], {}, true);
    expect(stdout).toContain("\u001b[31merror");
  });

  it.each([
    { env: { LANG: "zh_CN.UTF-8" }, lang: "zh" },
    { env: { LC_ALL: "zh_TW.UTF-8", LANG: "en_US.UTF-8" }, lang: "zh" },
    { env: { LC_ALL: "C", LANG: "zh_CN.UTF-8" }, lang: "en" },
    { env: {}, lang: "en" },
  ])("language $lang for $env", ({ env, lang }) => {
    expect(defaultLang(env)).toBe(lang);
  });
});

describe("the installed command", () => {
  const bin = join(root, "bin", "budget-rules.js");

  it("checks the seed as a real process", () => {
    const result = spawnSync(process.execPath, [bin, "check", "fixtures/wuchang-2025.yaml"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, LANG: "C" },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("1 error, 3 warnings, 3 info");
    expect(result.stderr).toBe("");
  });

  it("never prints a stack trace: missing file, malformed file, binary file", () => {
    const folder = mkdtempSync(join(tmpdir(), "budget-rules-"));
    writeFileSync(join(folder, "binary.yaml"), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]));
    writeFileSync(join(folder, "malformed.yaml"), "version: 1\ntables: [\n");
    const missing = spawnSync(process.execPath, [bin, "check", join(folder, "missing.yaml")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    const bad = spawnSync(process.execPath, [bin, "check", folder], { encoding: "utf8" });
    expect(bad.status).toBe(2); // a file that is not UTF-8 was not checked (exit-code.ts)
    expect(bad.stdout).toContain("not UTF-8");
    expect(bad.stdout).toMatch(/malformed\.yaml\n {2}\d+:\d+ +error +YAML syntax error/);
    for (const output of [missing.stderr, bad.stderr, bad.stdout]) expect(output).not.toMatch(/\n\s+at /);
  });
});
