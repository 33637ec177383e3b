/**
 * The pre-commit hook this repository defines (.pre-commit-hooks.yaml), as pre-commit runs it: it hands
 * the hook every staged YAML file that its `types` and `exclude` let through, and the hook checks only
 * declarations (issue 22: the workflows and .pre-commit-config.yaml were checked as declarations).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main } from "../src/cli/main.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const [hook] = parse(readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8")) as {
  id: string;
  entry: string;
  language: string;
  types: string[];
  exclude: string;
}[];
const broken = readFileSync(join(root, "fixtures", "broken", "sum.yaml"), "utf8");

/** A repository's staged YAML files, each with what it holds. */
const staged: Record<string, string> = {
  "declarations/finance/2025.yaml": broken,
  "declarations/health/2025.yml": "# 卫健委\nversion: 1 # format\ndepartment: { name: 卫健委, year: 2025 }\nunit: 万元\ntables: []\n",
  ".github/workflows/budget.yml": "name: budget\non: [push]\njobs: { check: { runs-on: ubuntu-latest, steps: [] } }\n",
  ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
  "docker-compose.yml": "version: '3.8'\nservices: {}\n",
  "budget-rules.config.yaml": "rules: {}\n",
  "declarations/finance/budget-rules.config.yaml": "rules: {}\n",
};

/** What pre-commit passes the hook: the YAML files (`types: [yaml]`) its exclude pattern lets through. */
const passed = Object.keys(staged).filter((path) => /\.ya?ml$/.test(path) && !new RegExp(hook?.exclude ?? "$^").test(path));

async function runHook(names: string[]) {
  const folder = mkdtempSync(join(tmpdir(), "budget-rules-pre-commit-"));
  mkdirSync(join(folder, ".git"));
  for (const [path, text] of Object.entries(staged)) {
    mkdirSync(join(folder, dirname(path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  let stdout = "";
  let stderr = "";
  const argv = [...(hook?.entry.split(" ").slice(1) ?? []), "-f", "json", ...names];
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd: folder, stdoutIsTTY: false });
  return { code, stderr, files: stdout === "" ? [] : (JSON.parse(stdout) as { files: { file: string }[] }).files.map((file) => file.file) };
}

describe("the pre-commit hook", () => {
  it("is a node hook that runs budget-rules check on YAML files, never on a config", () => {
    expect(hook).toMatchObject({ id: "budget-rules", language: "node", types: ["yaml"] });
    expect(passed).not.toContain("budget-rules.config.yaml");
    expect(passed).not.toContain("declarations/finance/budget-rules.config.yaml");
  });

  it("checks the declarations among the files pre-commit passes, and nothing else", async () => {
    const { code, stderr, files } = await runHook(passed);
    expect(stderr).toBe("");
    expect(files).toEqual(["declarations/finance/2025.yaml", "declarations/health/2025.yml"]);
    expect(code).toBe(1);
  });

  it.each([
    ["a workflow", ".github/workflows/budget.yml"],
    ["pre-commit's own config", ".pre-commit-config.yaml"],
    ["a compose file (version: '3.8')", "docker-compose.yml"],
  ])("a commit that touches only %s passes without checking it", async (_name, path) => {
    expect(await runHook([path])).toEqual({ code: 0, stderr: "", files: [] });
  });
});

describe("installing the hook", () => {
  // pre-commit installs a node hook with `npm pack` and reads its stdout as the tarball's name; npm printed
  // the prepare script's banners and output there too, and the install failed. A package with a prepare
  // script that prints, beside this repository's .npmrc, shows what npm pack prints.
  // The repository's .npmrc must decide, not a setting of whoever runs the tests.
  const withoutForegroundScripts = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.toLowerCase() !== "npm_config_foreground_scripts"));

  it("npm pack prints only the tarball's name, though prepare runs and prints", () => {
    const folder = mkdtempSync(join(tmpdir(), "budget-rules-pack-stdout-"));
    const prepare = "node -e \"console.log('building'); require('fs').writeFileSync('built.txt', 'yes')\"";
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "hook-like", version: "1.0.0", scripts: { prepare }, files: ["built.txt"] }));
    copyFileSync(join(root, ".npmrc"), join(folder, ".npmrc"));
    const stdout = execFileSync("npm", ["pack"], { cwd: folder, encoding: "utf8", env: withoutForegroundScripts });
    expect(stdout).toBe("hook-like-1.0.0.tgz\n");
    expect(readFileSync(join(folder, "built.txt"), "utf8")).toBe("yes");
  });
});
