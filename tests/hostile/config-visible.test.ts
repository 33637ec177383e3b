import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { displayName } from "../../src/run/files.js";
import { main } from "../../src/cli/main.js";

/**
 * Issue 9: which config applied is never a guess. The walk up from a file stops at the repository root,
 * so a config left above it (in /tmp, in a home folder) never turns a rule off unseen, and every report
 * names the config that applied.
 */

const offByOne =
  "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\ntables:\n  - id: t\n    title: 表\n    total: { amount: 826.04 }\n    lines: [{ name: 甲, amount: 825.04 }]\n";
const clean = "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\ntables: []\n";
const sumOff = "rules:\n  sum: off\n";
const sumError = "rules:\n  sum: error\n";
const config = "budget-rules.config.yaml";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A fresh temp folder holding `files` (a path ending in / is a folder). */
function layout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "budget-rules-lookup-"));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith("/")) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }
  return root;
}

async function check(root: string, cwd: string, argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  const code = await main(["check", ...argv], { stdout: (text) => (stdout += text), stderr: () => undefined, env, cwd: join(root, cwd), stdoutIsTTY: false });
  return { code, stdout };
}

describe("the walk up from a file stops at the repository root", () => {
  // Each config found turns sum off (exit 0), except the nearer strict one; none found leaves the error (exit 1).
  it.each<{ name: string; files: Record<string, string>; cwd?: string; found: string | null; exit: number }>([
    { name: "a config above a .git folder is not found", files: { [config]: sumOff, "repo/.git/": "", "repo/dept/a.yaml": offByOne }, found: null, exit: 1 },
    {
      name: "a config above a .git file (a worktree) is not found",
      files: { [config]: sumOff, "repo/.git": "gitdir: x", "repo/dept/a.yaml": offByOne },
      found: null,
      exit: 1,
    },
    {
      name: "a config above a package.json is not found",
      files: { [config]: sumOff, "repo/package.json": "{}", "repo/a.yaml": offByOne },
      found: null,
      exit: 1,
    },
    {
      name: "a config above the nearest package.json is not found, even below a .git",
      files: { ".git/": "", [config]: sumOff, "pkg/package.json": "{}", "pkg/dept/a.yaml": offByOne },
      found: null,
      exit: 1,
    },
    {
      name: "a config at the repository root is found",
      files: { "repo/.git/": "", [`repo/${config}`]: sumOff, "repo/x/y/a.yaml": offByOne },
      found: `repo/${config}`,
      exit: 0,
    },
    {
      name: "the nearest config wins",
      files: { "repo/.git/": "", [`repo/${config}`]: sumOff, [`repo/dept/${config}`]: sumError, "repo/dept/a.yaml": offByOne },
      found: `repo/dept/${config}`,
      exit: 1,
    },
    { name: "outside a repository, a config in the working directory is found", files: { [config]: sumOff, "dept/a.yaml": offByOne }, found: config, exit: 0 },
    {
      name: "outside a repository, a config above the working directory is not found",
      files: { [config]: sumOff, "work/dept/a.yaml": offByOne },
      cwd: "work",
      found: null,
      exit: 1,
    },
    {
      name: "outside a repository, for a file outside the working directory, a config in its folder is found",
      files: { "work/": "", [`other/dept/${config}`]: sumOff, "other/dept/a.yaml": offByOne },
      cwd: "work",
      found: `other/dept/${config}`,
      exit: 0,
    },
    {
      name: "outside a repository, for a file outside the working directory, a config above its folder is not found",
      files: { "work/": "", [`other/${config}`]: sumOff, "other/dept/a.yaml": offByOne },
      cwd: "work",
      found: null,
      exit: 1,
    },
  ])("$name", async ({ files, cwd = "", found, exit }) => {
    const root = layout(files);
    const declaration = Object.keys(files).find((path) => path.endsWith("a.yaml")) ?? "";
    const { code, stdout } = await check(root, cwd, ["-f", "json", join(root, declaration)]);
    const report = JSON.parse(stdout) as { files: { config: string | null }[] };
    expect(report.files[0]?.config).toBe(found === null ? null : displayName(join(root, found), join(root, cwd)));
    expect(code).toBe(exit);
  });
});

describe("every report names the config that applied", () => {
  // Two files with the bureau's config (one with a finding, one clean) and one with none.
  const root = layout({
    ".git/": "",
    [`bureau/${config}`]: "rules:\n  sum: warning\n",
    "bureau/a.yaml": offByOne,
    "bureau/b.yaml": clean,
    "c.yaml": offByOne,
  });
  const bureau = `bureau/${config}`;

  it.each([
    { format: "stylish", lang: "en", shows: [`bureau/a.yaml\n  config: ${bureau}\n`, `config: ${bureau} (2 files), none (1 file)\n`] },
    { format: "stylish", lang: "zh", shows: [`bureau/a.yaml\n  配置：${bureau}\n`, `配置：${bureau}（2 个文件），无（1 个文件）\n`] },
  ])("$format ($lang) names it under the file and, for the files without findings, in the summary", async ({ format, lang, shows }) => {
    const { stdout } = await check(root, "", ["-f", format, "--lang", lang, "."]);
    for (const text of shows) expect(stdout).toContain(text);
    expect(stdout).not.toMatch(/^c\.yaml\n {2}(config|配置)/m);
  });

  it.each([
    {
      format: "json",
      read: (out: string) => (JSON.parse(out) as { files: { file: string; config: string | null }[] }).files.map(({ file, config }) => [file, config]),
      expected: [
        ["bureau/a.yaml", bureau],
        ["bureau/b.yaml", bureau],
        ["c.yaml", null],
      ],
    },
    {
      format: "sarif",
      read: (out: string) => {
        const run = (
          JSON.parse(out) as { runs: { invocations: { properties: unknown }[]; artifacts: { location: { uri: string }; properties?: unknown }[] }[] }
        ).runs[0];
        return [run?.invocations[0]?.properties, ...(run?.artifacts ?? []).map((artifact) => [artifact.location.uri, artifact.properties ?? null])];
      },
      expected: [{ configs: [bureau] }, ["bureau/a.yaml", { config: bureau }], ["bureau/b.yaml", { config: bureau }], ["c.yaml", null]],
    },
  ])("$format gives each file's config", async ({ format, read, expected }) => {
    expect(read((await check(root, "", ["-f", format, "."])).stdout)).toEqual(expected);
  });

  it.each([
    {
      format: "junit",
      shows: `<testsuite name="bureau/b.yaml" tests="1" failures="0" errors="0" skipped="0">\n    <properties><property name="config" value="${bureau}"/></properties>`,
    },
    { format: "html", shows: `<p class="config">config: ${bureau}</p>` },
  ])("$format names it for each file", async ({ format, shows }) => {
    const { stdout } = await check(root, "", ["-f", format, "--lang", "en", "."]);
    expect(stdout).toContain(shows);
    expect(stdout.split(bureau)).toHaveLength(3); // a.yaml and b.yaml, not c.yaml
  });

  it.each([
    { lang: "en", line: `config: ${bureau} (2 files), none (1 file)` },
    { lang: "zh", line: `配置：${bureau}（2 个文件），无（1 个文件）` },
  ])("the GitHub step summary ($lang) names it", async ({ lang, line }) => {
    const summary = join(root, `summary-${lang}.md`);
    await check(root, "", ["-f", "github", "--lang", lang, "bureau", "c.yaml"], { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, "utf8").split("\n")).toContain(line);
  });

  it.each(["stylish", "github"])("%s says nothing of configs when none applied", async (format) => {
    const { stdout } = await check(root, "", ["-f", format, "c.yaml"]);
    expect(stdout).not.toMatch(/config|配置/);
  });
});
