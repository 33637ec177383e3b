import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkText } from "../src/run/check-text.js";
import { main } from "../src/cli/main.js";

const root = fileURLToPath(new URL("..", import.meta.url));

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; stderrIsTTY?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? root,
    stdoutIsTTY: false,
    stderrIsTTY: options.stderrIsTTY ?? false,
  });
  return { code, stdout, stderr };
}

const folder = () => mkdtempSync(join(tmpdir(), "budget-rules-out-"));

describe("formats and outputs", () => {
  it("pairs the last formats with the outputs and prints the rest", async () => {
    const out = folder();
    const result = await run([
      "check",
      "-f",
      "stylish",
      "-f",
      "sarif",
      "-o",
      join(out, "report.sarif"),
      "-f",
      "junit",
      "-o",
      join(out, "report.xml"),
      "fixtures/broken/sum.yaml",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✖ 1 file checked");
    expect(JSON.parse(readFileSync(join(out, "report.sarif"), "utf8"))).toMatchObject({ version: "2.1.0" });
    expect(readFileSync(join(out, "report.xml"), "utf8")).toMatch(/^<\?xml/);
    expect(readdirSync(out).sort()).toEqual(["report.sarif", "report.xml"]); // no temporary file left
  });

  it("an output in a missing directory exits 2 before checking", async () => {
    const result = await run(["check", "-f", "json", "-o", "no/such/dir/report.json", "fixtures"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "budget-rules: cannot write no/such/dir/report.json: no such directory no/such/dir\n" });
  });

  it("more outputs than formats is a usage error", async () => {
    expect((await run(["check", "-f", "json", "-o", "a.json", "-o", "b.json", "fixtures"])).code).toBe(2);
  });

  it("github annotations also append a summary to GITHUB_STEP_SUMMARY", async () => {
    const out = folder();
    const summary = join(out, "summary.md");
    writeFileSync(summary, "# earlier step\n");
    const result = await run(["check", "-f", "github", "fixtures/broken/sum.yaml"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout).toMatch(/^::error file=fixtures\/broken\/sum\.yaml,line=13,/);
    expect(readFileSync(summary, "utf8")).toMatch(/^# earlier step\n## budget-rules results\n/);
  });
});

/** A declaration with one warning (a code's official name) and one info (a rounding residual). */
const mild =
  'version: 1\ndepartment: { name: 甲, year: 2025 }\nunit: 万元\ntables:\n  - id: t\n    title: 表\n    total: { amount: 35.07 }\n    lines:\n      - { code: "20103", name: 政府办公厅及相关机构事务, amount: 15.18 }\n      - { name: 乙, amount: 19.88 }\n';

describe("thresholds", () => {
  it.each([
    { argv: [], code: 1 },
    { argv: ["--fail-on", "error"], code: 1 },
    { argv: ["--quiet"], code: 1 },
  ])("the seed (1 error, 3 warnings, 3 info) with $argv exits $code", async ({ argv, code }) => {
    expect((await run(["check", ...argv, "fixtures/wuchang-2025.yaml"])).code).toBe(code);
  });

  it.each([
    { argv: [], code: 0 },
    { argv: ["--fail-on", "warning"], code: 1 },
    { argv: ["--fail-on", "info"], code: 1 },
    { argv: ["--max-warnings", "0"], code: 1 },
    { argv: ["--max-warnings", "3"], code: 0 },
  ])("a declaration with only a warning and an info, with $argv, exits $code", async ({ argv, code }) => {
    const out = folder();
    writeFileSync(join(out, "mild.yaml"), mild);
    const result = await run(["check", ...argv, "mild.yaml"], { cwd: out });
    expect(result.code).toBe(code);
  });

  // ESLint: "ESLint found too many warnings (maximum: 0)". A run without errors that exits 1 says why, in its summary.
  it.each([
    { argv: ["--max-warnings", "0", "--lang", "zh"], said: "✖ 警告过多：1 个警告，超过 --max-warnings 允许的 0 个，检查不通过" },
    { argv: ["--max-warnings", "0", "--lang", "en"], said: "✖ Too many warnings: 1 warning, more than the 0 --max-warnings allows; the check fails" },
    { argv: ["--fail-on", "warning", "--lang", "zh"], said: "✖ --fail-on warning：1 个警告也使检查不通过" },
    { argv: ["--fail-on", "info", "--lang", "en"], said: "✖ --fail-on info: 1 warning and 1 info fail the check too" },
    {
      argv: ["--max-warnings", "0", "--quiet", "--lang", "en"],
      said: "✖ Too many warnings: 1 warning, more than the 0 --max-warnings allows; the check fails",
    },
  ])("$argv: the summary on stdout says why the check fails, never a ✔", async ({ argv, said }) => {
    const out = folder();
    writeFileSync(join(out, "mild.yaml"), mild);
    const result = await run(["check", ...argv, "mild.yaml"], { cwd: out });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(said);
    expect(result.stdout).not.toContain("✔");
  });

  it("with only JSON on stdout, stderr says why the check fails", async () => {
    const out = folder();
    writeFileSync(join(out, "mild.yaml"), mild);
    const result = await run(["check", "--max-warnings", "0", "-f", "json", "mild.yaml"], { cwd: out });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("budget-rules: Too many warnings: 1 warning, more than the 0 --max-warnings allows; the check fails\n");
  });

  it("--quiet shows errors only", async () => {
    const { stdout } = await run(["check", "--quiet", "-f", "json", "fixtures/wuchang-2025.yaml"]);
    const report = JSON.parse(stdout) as { files: { findings: { severity: string }[] }[]; summary: object };
    expect(report.files[0]?.findings.map((finding) => finding.severity)).toEqual(["error"]);
    expect(report.summary).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it("--max-warnings takes a whole number", async () => {
    expect((await run(["check", "--max-warnings", "many", "fixtures"])).code).toBe(2);
  });
});

describe("progress", () => {
  it.each<[string, boolean, Record<string, string>, boolean]>([
    ["on a terminal", true, {}, true],
    ["stderr a pipe or file", false, {}, false],
    ["GitHub Actions (CI=true)", true, { CI: "true" }, false],
    ["GitLab CI (GITLAB_CI)", true, { GITLAB_CI: "true" }, false],
    ["Jenkins (BUILD_NUMBER)", true, { BUILD_NUMBER: "12" }, false],
    ["CI=false is not CI", true, { CI: "false" }, true],
    ["a terminal that cannot rewrite a line (TERM=dumb)", true, { TERM: "dumb" }, false],
  ])("%s: shown %s", async (_name, stderrIsTTY, env, shown) => {
    const out = folder();
    for (let index = 0; index < 8; index += 1)
      writeFileSync(join(out, `d${index}.yaml`), "version: 1\ndepartment: { name: 甲, year: 2025 }\nunit: 万元\ntables: []\n");
    const { stderr } = await run(["check", out], { stderrIsTTY, env });
    if (shown) expect(stderr).toContain("8/8");
    else expect(stderr).toBe("");
  });
});

describe("init and schema", () => {
  it("init writes a template that checks clean, with a modeline to the bundled schema, and never overwrites", async () => {
    const out = folder();
    expect(await run(["init", "部门预算.yaml"], { cwd: out })).toEqual({ code: 0, stdout: "部门预算.yaml\n", stderr: "" });
    const template = readFileSync(join(out, "部门预算.yaml"), "utf8");
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(template)?.[1] ?? "";
    expect(existsSync(join(out, modeline))).toBe(true);
    expect(checkText(template).findings).toEqual([]);
    const again = await run(["init", "部门预算.yaml"], { cwd: out });
    expect(again).toEqual({ code: 2, stdout: "", stderr: "budget-rules: 部门预算.yaml exists; init never overwrites a file\n" });
    expect(readFileSync(join(out, "部门预算.yaml"), "utf8")).toBe(template);
  });

  it("schema prints the bundled schema's path, and with --print the schema", async () => {
    const path = (await run(["schema"])).stdout.trim();
    expect(path).toMatch(/schemas\/budget\.schema\.json$/);
    expect(JSON.parse((await run(["schema", "--print"])).stdout)).toEqual(JSON.parse(readFileSync(path, "utf8")));
  });
});
