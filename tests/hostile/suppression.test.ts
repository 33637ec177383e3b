import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { checkText } from "../../src/run/check-text.js";
import { main } from "../../src/cli/main.js";
import { parseConfig } from "../../src/config/config.js";
import type { Finding } from "../../src/finding.js";
import { rules } from "../../src/rules/index.js";

/**
 * Issue 9: a comment must never make a file that was not fully checked pass. Directives are YAML
 * comments with their exact name; they cover the next line's node; the YAML and schema stages, and a
 * rule that failed, cannot be silenced.
 */

const head = "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\n";
/** A table whose total is 1 above its line: a sum error on line 8, unless `before` silences it. */
const offByOne = (before: string) =>
  `${head}tables:\n  - id: t\n    title: 表\n${before}    total: { amount: 826.04 }\n    lines: [{ name: 甲, amount: 825.04 }]\n`;
const sumOnLine = (line: number) => `sum/sum-mismatch@${line}`;

function billionLaughs(directive: string): string {
  const levels = [`${directive}\na: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let level = 1; level < 10; level += 1) {
    const name = String.fromCharCode(97 + level);
    levels.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(96 + level)}`)
        .join(", ")}]`,
    );
  }
  return `${levels.join("\n")}\n`;
}

const folder = mkdtempSync(join(tmpdir(), "budget-rules-suppression-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The CLI's exit code and its findings as `rule/messageId@line`. */
async function check(text: string) {
  const file = join(folder, "declaration.yaml");
  writeFileSync(file, text);
  let stdout = "";
  const code = await main(["check", "-f", "json", file], {
    stdout: (out) => (stdout += out),
    stderr: () => undefined,
    env: {},
    cwd: folder,
    stdoutIsTTY: false,
  });
  const report = JSON.parse(stdout) as { files: { findings: Finding[] }[] };
  return { code, findings: (report.files[0]?.findings ?? []).map((finding) => `${finding.rule}/${finding.messageId}@${finding.line}`) };
}

describe("a directive cannot silence what decides whether the file was checked", () => {
  it.each([
    {
      name: "schema before an unknown key",
      text: `${head}# budget-rules-disable-next-line schema -- x\nremarks: 无\ntables: []\n`,
      findings: ["schema/not-checked@1", "suppression/unsuppressible@4", "schema/unknown-key@5"],
    },
    {
      name: "yaml before a duplicate key",
      text: `${head}# budget-rules-disable-next-line yaml -- 历史原因\nunit: 元\ntables: []\n`,
      findings: ["suppression/unsuppressible@4", "yaml/syntax@5"],
    },
    {
      name: "yaml on line 1 of an alias bomb",
      text: billionLaughs("# budget-rules-disable-next-line yaml -- 历史原因"),
      findings: ["suppression/unsuppressible@1", "yaml/alias-expansion@2"],
    },
    {
      name: "schema before a missing required key",
      text: `# budget-rules-disable-next-line schema -- 待补\nversion: 1\nunit: 万元\ntables: []\n`,
      findings: ["suppression/unsuppressible@1", "schema/missing-key@2", "schema/not-checked@2"],
    },
    {
      name: "yaml and sum together: sum is silenced, yaml is not and is said to be",
      text: `${head}tables:\n  - id: t\n    title: 表\n    # budget-rules-disable-next-line yaml, sum -- 上级批复\n    total: { amount: 826.04 }\n    lines: [{ name: 甲, amount: 825.04 }]\n`,
      findings: ["suppression/unsuppressible@7"],
    },
    {
      name: "suppression before a directive without a reason",
      text: offByOne("    # budget-rules-disable-next-line suppression -- 不要报\n    # budget-rules-disable-next-line sum\n"),
      findings: ["suppression/unsuppressible@7", "suppression/missing-reason@8", "sum/sum-mismatch@9"],
    },
  ])("$name: exit 1, the finding stays", async ({ text, findings }) => {
    const result = await check(text);
    expect(result.code).toBe(1);
    expect(result.findings).toEqual(findings);
  });

  const sum = rules.find((rule) => rule.id === "sum");
  afterEach(() => vi.restoreAllMocks());

  it.each([
    { name: "a directive naming it", text: `# budget-rules-disable-next-line sum -- 试试\n${offByOne("")}`, settings: "" },
    { name: "its rule configured as a warning", text: offByOne(""), settings: "rules: { sum: warning }" },
    { name: "its rule configured as info", text: offByOne(""), settings: "rules: { sum: info }" },
  ])("a rule that failed to run stays an error whatever $name", ({ text, settings }) => {
    vi.spyOn(sum as NonNullable<typeof sum>, "check").mockImplementation(() => {
      throw new Error("boom");
    });
    const { findings, summary } = checkText(text, { config: parseConfig(settings, "budget-rules.config.yaml", "en") });
    expect(findings).toContainEqual(expect.objectContaining({ rule: "sum", messageId: "internal-error", severity: "error" }));
    expect(summary.error).toBeGreaterThan(0);
  });
});

describe("a directive is a real YAML comment with its exact name", () => {
  it.each([
    { name: "the directive", before: "    # budget-rules-disable-next-line sum -- 上级批复\n", findings: [], exit: 0 },
    { name: "the directive naming two rules", before: "    # budget-rules-disable-next-line share,sum -- 上级批复\n", findings: [], exit: 0 },
    { name: "no space after #", before: "    #budget-rules-disable-next-line sum -- 上级批复\n", findings: [], exit: 0 },
    {
      name: "a comment ending the line before",
      text: offByOne("").replace("title: 表", "title: 表 # budget-rules-disable-next-line sum -- 上级批复"),
      findings: [],
      exit: 0,
    },
    {
      name: "inside a literal block scalar",
      text: `${head}tables:\n  - id: t\n    title: |\n      表\n      # budget-rules-disable-next-line sum -- x\n    total: { amount: 826.04 }\n    lines: [{ name: 甲, amount: 825.04 }]\n`,
      findings: [sumOnLine(9)],
      exit: 1,
    },
    {
      name: "inside a folded block scalar",
      text: `${head}tables:\n  - id: t\n    title: >-\n      表\n      # budget-rules-disable-next-line sum -- x\n    total: { amount: 826.04 }\n    lines: [{ name: 甲, amount: 825.04 }]\n`,
      findings: [sumOnLine(9)],
      exit: 1,
    },
    {
      name: "inside a double-quoted string",
      text: `${head}tables:\n  - id: t\n    title: "表\n      # budget-rules-disable-next-line sum -- x"\n    total: { amount: 826.04 }\n    lines: [{ name: 甲, amount: 825.04 }]\n`,
      findings: [sumOnLine(8)],
      exit: 1,
    },
    {
      name: "inside a single-quoted string",
      text: `${head}tables:\n  - id: t\n    title: '表\n      # budget-rules-disable-next-line sum -- x'\n    total: { amount: 826.04 }\n    lines: [{ name: 甲, amount: 825.04 }]\n`,
      findings: [sumOnLine(8)],
      exit: 1,
    },
    {
      name: "a longer name",
      before: "    # budget-rules-disable-next-line-please sum -- x\n",
      findings: ["suppression/unknown-directive@7", sumOnLine(8)],
      exit: 1,
    },
    { name: "another case", before: "    # Budget-Rules-Disable-Next-Line sum -- x\n", findings: ["suppression/unknown-directive@7", sumOnLine(8)], exit: 1 },
    { name: "another directive", before: "    # budget-rules-disable-line sum -- x\n", findings: ["suppression/unknown-directive@7", sumOnLine(8)], exit: 1 },
    {
      name: "a colon after the name",
      before: "    # budget-rules-disable-next-line: sum -- x\n",
      findings: ["suppression/unknown-directive@7", sumOnLine(8)],
      exit: 1,
    },
    { name: "no reason", before: "    # budget-rules-disable-next-line sum --\n", findings: ["suppression/missing-reason@7", sumOnLine(8)], exit: 1 },
    {
      name: "a blank line before the figure",
      before: "    # budget-rules-disable-next-line sum -- x\n\n",
      findings: ["suppression/unused@7", sumOnLine(9)],
      exit: 1,
    },
  ])("$name", async ({ before = "", text, findings, exit }) => {
    const result = await check(text ?? offByOne(before));
    expect(result).toEqual({ code: exit, findings });
  });
});

/** A share table: `rows` lines of 1 each, every share stated as 1% (wrong unless there are 100). */
const shares = (layout: (rows: string[]) => string, count: number) => {
  const rows = Array.from({ length: count }, (_, index) => `{ name: 行${index}, amount: 1, share: 1% }`);
  return `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: ${count} }\n${layout(rows)}`;
};
const directive = "    # budget-rules-disable-next-line share -- 原表如此\n";

describe("a directive covers the next line's node, and only it", () => {
  it.each([
    {
      name: "a 4,000-row table on one line: every row, all in the node that begins the line",
      text: shares((rows) => `${directive}    lines: [${rows.join(", ")}]\n`, 4_000),
      silenced: 4_000,
      left: 0,
    },
    {
      name: "a 4,000-row table on one line after the directive's line: the first row only, not the 3,999 beside it",
      text: shares((rows) => `    lines: [\n  ${directive}      ${rows.join(", ")}]\n`, 4_000),
      silenced: 1,
      left: 3_999,
    },
    {
      name: "one row a line: that row, not the rows below",
      text: shares((rows) => `    lines:\n  ${directive}${rows.map((row) => `      - ${row}\n`).join("")}`, 3),
      silenced: 1,
      left: 2,
    },
    {
      name: "a block row: its first line only, not the share two lines below",
      text: shares(
        (rows) => `    lines:\n  ${directive}${rows.map((_, index) => `      - name: 行${index}\n        amount: 1\n        share: 1%\n`).join("")}`,
        3,
      ),
      silenced: 0,
      left: 3,
    },
  ])("$name", ({ text, silenced, left }) => {
    const mismatches = (findings: Finding[]) => findings.filter((finding) => finding.rule === "share" && finding.messageId === "ratio-mismatch").length;
    const { findings } = checkText(text);
    expect(mismatches(checkText(text.replace(directive.trim(), "# 原表如此")).findings)).toBe(silenced + left);
    expect(mismatches(findings)).toBe(left);
    expect(findings.filter((finding) => finding.rule === "suppression").map((finding) => finding.messageId)).toEqual(silenced > 0 ? [] : ["unused"]);
  });
});
