/**
 * ESLint's everyday options, as budget-rules has them (issue 22): an ignore file and --ignore-pattern,
 * --no-config-lookup, --print-config and --stdin with --stdin-filename.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";

/** One warning (a code's official name) and one info (a rounding residual). */
const mild =
  'version: 1\ndepartment: { name: 甲, year: 2025 }\nunit: 万元\ntables:\n  - id: t\n    title: 表\n    total: { amount: 35.07 }\n    lines:\n      - { code: "20103", name: 政府办公厅及相关机构事务, amount: 15.18 }\n      - { name: 乙, amount: 19.88 }\n';

function repository(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "budget-rules-options-"));
  mkdirSync(join(folder, ".git"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, dirname(path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

async function run(cwd: string, argv: string[], stdin?: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    cwd,
    stdoutIsTTY: false,
    ...(stdin === undefined ? {} : { stdin: () => Promise.resolve(Buffer.from(stdin)) }),
  });
  return { code, stdout, stderr };
}

const filesOf = (stdout: string) => (JSON.parse(stdout) as { files: { file: string }[] }).files.map((file) => file.file);

describe("an ignore file and --ignore-pattern", () => {
  const declarations = {
    "declarations/finance/2025.yaml": mild,
    "declarations/finance/2025.draft.yaml": mild,
    "declarations/archive/2019.yaml": mild,
    "declarations/archive/keep/2020.yaml": mild,
  };

  it.each<[string, string | undefined, string[], string[]]>([
    ["nothing ignored", undefined, [], Object.keys(declarations).sort()],
    ["a folder in the ignore file", "declarations/archive/\n", [], ["declarations/finance/2025.draft.yaml", "declarations/finance/2025.yaml"]],
    [
      "a name pattern in the ignore file, with a comment",
      "# drafts are not submitted\n*.draft.yaml\n",
      [],
      ["declarations/archive/2019.yaml", "declarations/archive/keep/2020.yaml", "declarations/finance/2025.yaml"],
    ],
    ["--ignore-pattern", undefined, ["--ignore-pattern", "archive"], ["declarations/finance/2025.draft.yaml", "declarations/finance/2025.yaml"]],
    [
      "a pattern and its exception",
      "declarations/archive/*\n!declarations/archive/keep/\n",
      [],
      ["declarations/archive/keep/2020.yaml", "declarations/finance/2025.draft.yaml", "declarations/finance/2025.yaml"],
    ],
    [
      "--no-ignore checks everything",
      "declarations/archive/\n*.draft.yaml\n",
      ["--no-ignore", "--ignore-pattern", "finance"],
      Object.keys(declarations).sort(),
    ],
  ])("%s", async (_name, ignoreFile, argv, checked) => {
    const folder = repository({ ...declarations, ...(ignoreFile === undefined ? {} : { ".budget-rules-ignore": ignoreFile }) });
    const { stdout, stderr } = await run(folder, ["check", "-f", "json", ...argv, "declarations"]);
    expect(stderr).toBe("");
    expect(filesOf(stdout)).toEqual(checked);
  });

  it("a file named on its own that is ignored is passed over with a warning", async () => {
    const folder = repository({ ...declarations, ".budget-rules-ignore": "*.draft.yaml\n" });
    const { code, stdout, stderr } = await run(folder, ["check", "-f", "json", "declarations/finance/2025.draft.yaml", "declarations/finance/2025.yaml"]);
    expect(stderr).toBe(
      "budget-rules: warning: declarations/finance/2025.draft.yaml is ignored (.budget-rules-ignore or --ignore-pattern); --no-ignore checks it\n",
    );
    expect(filesOf(stdout)).toEqual(["declarations/finance/2025.yaml"]);
    expect(code).toBe(0);
  });

  it("a folder whose every declaration is ignored stops the check, as one with none does", async () => {
    const folder = repository({ ...declarations, ".budget-rules-ignore": "archive/\n" });
    const { code, stderr } = await run(folder, ["check", "declarations/archive"]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: "budget-rules: no *.yaml or *.yml file in declarations/archive that is not ignored\n" });
  });
});

describe("--no-config-lookup", () => {
  const files = { "d/mild.yaml": mild, "d/budget-rules.config.yaml": "rules: { code: off }\n", "strict.yaml": "rules: { code: error }\n" };

  it.each<[string, string[], { config: string | null; severities: string[] }]>([
    ["the nearest config applies", [], { config: "d/budget-rules.config.yaml", severities: ["info"] }],
    ["--no-config-lookup: none applies", ["--no-config-lookup"], { config: null, severities: ["info", "warning"] }],
    [
      "--no-config-lookup with --config: that one applies",
      ["--no-config-lookup", "-c", "strict.yaml"],
      { config: "strict.yaml", severities: ["error", "info"] },
    ],
  ])("%s", async (_name, argv, expected) => {
    const { stdout } = await run(repository(files), ["check", "-f", "json", ...argv, "d/mild.yaml"]);
    const [file] = (JSON.parse(stdout) as { files: { config: string | null; findings: { severity: string }[] }[] }).files;
    expect({ config: file?.config, severities: file?.findings.map((finding) => finding.severity).sort() }).toEqual(expected);
  });
});

describe("--print-config", () => {
  const files = {
    "d/mild.yaml": mild,
    "d/budget-rules.config.yaml":
      'rules: { code: off, sum: warning }\nprecision: 2\ncodes: { "2069999": 其他科学技术支出 }\nchecks:\n  - { id: same, severity: warning, equal: [t.amount, t.amount] }\n',
  };

  it("prints the config that applies to a file and every rule's severity there, and checks nothing", async () => {
    const { code, stdout, stderr } = await run(repository(files), ["check", "--print-config", "d/mild.yaml"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const printed = JSON.parse(stdout) as { file: string; config: string; rules: Record<string, object>; checks: object; precision: number; codes: object };
    expect(printed).toMatchObject({
      file: "d/mild.yaml",
      config: "d/budget-rules.config.yaml",
      checks: { "custom/same": "warning" },
      precision: 2,
      codes: { "2069999": "其他科学技术支出" },
    });
    expect(printed.rules).toMatchObject({
      code: { severity: "off", from: "config" },
      sum: { severity: "warning", from: "config" },
      growth: { severity: "error", from: "default" },
      narrative: { severity: "info", from: "default" },
    });
  });

  // The code rule is an error by default, and its official-name message a warning of its own.
  const builtIn = { severity: "error", from: "default", messages: { name: "warning" } };
  it.each<[string, string[], string | null, object]>([
    ["a file with no config above it: the built-in severities", ["other/new.yaml"], null, builtIn],
    ["--no-config-lookup", ["--no-config-lookup", "d/mild.yaml"], null, builtIn],
    ["--config", ["-c", "strict.yaml", "other/new.yaml"], "strict.yaml", { severity: "warning", from: "config" }],
  ])("%s", async (_name, argv, config, code) => {
    const folder = repository({ ...files, "strict.yaml": "rules: { code: warning }\n" });
    const { stdout } = await run(folder, ["check", ...argv.slice(0, -1), "--print-config", argv.at(-1) ?? ""]);
    const printed = JSON.parse(stdout) as { config: string | null; rules: Record<string, object> };
    expect([printed.config, printed.rules.code]).toEqual([config, code]);
  });
});

describe("--stdin and --stdin-filename", () => {
  const files = { "d/budget-rules.config.yaml": "rules: { code: off }\n" };

  it("checks the text on stdin as the file it names: its name in the report, its config", async () => {
    const { code, stdout, stderr } = await run(repository(files), ["check", "--stdin", "--stdin-filename", "d/new.yaml", "-f", "json"], mild);
    expect(stderr).toBe("");
    const [file] = (JSON.parse(stdout) as { files: { file: string; config: string; findings: { severity: string }[] }[] }).files;
    expect({ file: file?.file, config: file?.config, severities: file?.findings.map((finding) => finding.severity) }).toEqual({
      file: "d/new.yaml",
      config: "d/budget-rules.config.yaml",
      severities: ["info"],
    });
    expect(code).toBe(0);
  });

  it("without a name, the text is <stdin>, a declaration by its version line, with no config", async () => {
    const { code, stdout } = await run(repository(files), ["check", "--stdin", "--lang", "en"], mild);
    expect(stdout).toMatch(/^<stdin>\n/);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("✔ 1 file checked: 0 errors, 1 warning, 1 info");
    expect(code).toBe(0);
  });

  it.each<[string, string[], string]>([
    ["a path beside --stdin", ["check", "--stdin", "d/a.yaml"], "budget-rules: --stdin checks the standard input: give no path with it\n"],
    [
      "more than --max-file-size",
      ["check", "--stdin", "--max-file-size", "0.0001"],
      "budget-rules: the standard input gave more than 104 bytes, the --max-file-size limit; not checked\n",
    ],
  ])("%s stops the check with exit code 2", async (_name, argv, stderr) => {
    expect(await run(repository(files), argv, mild)).toEqual({ code: 2, stdout: "", stderr });
  });
});
