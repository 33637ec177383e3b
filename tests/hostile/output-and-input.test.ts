import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

/**
 * Hostile review, issue 9: what the check writes never replaces what the user owns or crashes, what it
 * reads is bounded and never skipped silently, and every refusal is one line that names its cause.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const declaration = "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\ntables: []\n";

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? root,
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}

const folder = () => mkdtempSync(join(tmpdir(), "budget-rules-hostile-io-"));

describe("a config of 40,000 custom checks", () => {
  const checks = (ids: string[]) => `checks:\n${ids.map((id) => `  - { id: ${id}, equal: [t5-1.amount, t6.amount] }\n`).join("")}`;
  const many = Array.from({ length: 40_000 }, (_, index) => `c${index}`);
  it.each([
    { name: "every id once", ids: many, code: 1, stderr: /^$/ },
    { name: "the last id repeats the first", ids: [...many, "c0"], code: 2, stderr: /:40002:\d+: the custom check id “c0” is used twice/ },
    { name: "an id repeated in the middle of 2,000", ids: [...many.slice(0, 1_000), "c7", ...many.slice(1_000, 2_000)], code: 2, stderr: /:1002:\d+: .*“c7”/ },
  ])("$name: checked in one pass", async ({ ids, code, stderr }) => {
    const dir = folder();
    writeFileSync(join(dir, "config.yaml"), checks(ids));
    writeFileSync(join(dir, "budget.yaml"), declaration);
    const result = await run(["check", "-f", "json", "-c", "config.yaml", "budget.yaml"], { cwd: dir });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
    if (code === 1) expect((JSON.parse(result.stdout) as { summary: { error: number } }).summary.error).toBe(40_000);
  });
});
