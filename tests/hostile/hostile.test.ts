import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/run/check-text.js";
import { main } from "../../src/cli/main.js";

/**
 * The hostile-input corpus: what CI is pushed and what an officer pastes from a PDF. Each case says
 * what must come of it: findings at a line (exit 1), or one line on stderr (exit 2). Never a stack
 * trace, never a hang, never exit 0 on a file that was not fully checked.
 */

const head = "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\n";
const withAmount = (amount: string) => `${head}tables:\n  - id: t\n    title: 表\n    lines:\n      - name: 甲\n        amount: ${amount}\n`;
const withShare = (share: string) =>
  `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 10 }\n    lines:\n      - { name: 甲, amount: 10, share: ${share} }\n`;

function billionLaughs(): string {
  const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 10; level += 1) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
  }
  return `${levels.join("\n")}\n`;
}

interface Case {
  name: string;
  content: string | Buffer;
  /** The findings that must be there: rule/messageId at a line. */
  findings?: { rule: string; messageId: string; line?: number }[];
  exit: 0 | 1 | 2;
}

const cases: Case[] = [
  { name: "an empty file", content: "", findings: [{ rule: "schema", messageId: "type", line: 1 }], exit: 1 },
  { name: "only comments", content: "# 部门预算\n# 待填写\n", findings: [{ rule: "schema", messageId: "type", line: 1 }], exit: 1 },
  {
    name: "several YAML documents",
    content: `${head}tables: []\n---\n${head}tables: []\n`,
    findings: [{ rule: "yaml", messageId: "syntax", line: 5 }],
    exit: 1,
  },
  { name: "a UTF-8 byte order mark", content: `\ufeff${head}tables: []\n`, exit: 0 },
  {
    name: "CRLF line ends",
    content: withAmount("825.04万元").replace(/\n/g, "\r\n"),
    findings: [{ rule: "schema", messageId: "amount-slip", line: 9 }],
    exit: 1,
  },
  { name: "a tab as indentation", content: `${head}tables:\n\t- id: t\n`, findings: [{ rule: "yaml", messageId: "syntax", line: 5 }], exit: 1 },
  {
    name: "invalid UTF-8",
    content: Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]),
    findings: [{ rule: "yaml", messageId: "encoding", line: 1 }],
    exit: 2,
  },
  {
    name: "a binary file",
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]),
    findings: [{ rule: "yaml", messageId: "encoding", line: 1 }],
    exit: 2,
  },
  { name: "a YAML alias bomb (billion laughs)", content: billionLaughs(), findings: [{ rule: "yaml", messageId: "alias-expansion", line: 1 }], exit: 1 },
  { name: "an alias that contains itself", content: "a: &x [*x]\n", findings: [{ rule: "yaml", messageId: "alias-expansion", line: 1 }], exit: 1 },
  {
    name: "10,000-deep flow nesting",
    content: `version: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
    findings: [{ rule: "yaml", messageId: "syntax", line: 1 }],
    exit: 1,
  },
  {
    name: "3,000-deep block nesting",
    content: `version:\n${Array.from({ length: 3_000 }, (_, depth) => `${" ".repeat(depth + 1)}a:`).join("\n")}\n`,
    findings: [{ rule: "yaml", messageId: "syntax" }],
    exit: 1,
  },
  { name: "duplicate keys", content: `${head}unit: 元\ntables: []\n`, findings: [{ rule: "yaml", messageId: "syntax", line: 4 }], exit: 1 },
  {
    name: "keys __proto__, constructor, prototype",
    content: `${head}__proto__: { polluted: true }\nconstructor: 1\nprototype: 2\ntables: []\n`,
    findings: [
      { rule: "schema", messageId: "unknown-key", line: 4 },
      { rule: "schema", messageId: "unknown-key", line: 5 },
      { rule: "schema", messageId: "unknown-key", line: 6 },
    ],
    exit: 1,
  },
  {
    name: "a !!js/function tag",
    content: `${head}tables:\n  - id: t\n    title: !!js/function "function () { return 1 }"\n`,
    findings: [{ rule: "yaml", messageId: "unsupported", line: 6 }],
    exit: 1,
  },
  { name: "a !!binary amount", content: withAmount("!!binary aGVsbG8="), findings: [{ rule: "schema", messageId: "amount", line: 9 }], exit: 1 },
  {
    name: "an unknown !tag",
    content: `${head}tables:\n  - id: t\n    title: !foo 表\n`,
    findings: [{ rule: "yaml", messageId: "unsupported", line: 6 }],
    exit: 1,
  },
  ...[".nan", ".inf", "-.inf", "1e999", "0x1F", "0o17", "1_000", "2024-10-11", "-5", "12.3.4", "百分之五"].map((amount): Case => ({
    name: `amount ${amount}`,
    content: withAmount(amount),
    findings: [{ rule: "schema", messageId: "amount", line: 9 }],
    exit: 1,
  })),
  ...[
    ["８２５.０４", "825.04"],
    ["825.04万元", "825.04"],
    ["1,234.5", "1234.5"],
    ['" 825.04 "', "825.04"],
  ].map(([amount = "", fix]): Case => ({
    name: `amount ${amount} says to write ${fix}`,
    content: withAmount(amount),
    findings: [{ rule: "schema", messageId: "amount-slip", line: 9 }],
    exit: 1,
  })),
  { name: "amount -0 is 0", content: withAmount("-0"), exit: 0 },
  {
    name: "a 40-digit amount is exact",
    content: `${head}tables:\n  - id: t\n    title: 表\n    total: { amount: 1234567890123456789012345678901234567891 }\n    lines:\n      - { name: 甲, amount: 1234567890123456789012345678901234567890 }\n      - { name: 乙, amount: 1 }\n`,
    exit: 0,
  },
  { name: "more decimals than the precision", content: withAmount("825.045"), findings: [{ rule: "schema", messageId: "too-precise", line: 9 }], exit: 0 },
  ...["百分之五", "12.3.4%", "5 percent"].map((share): Case => ({
    name: `share ${share}`,
    content: withShare(share),
    findings: [{ rule: "schema", messageId: "percent", line: 9 }],
    exit: 1,
  })),
  { name: "a share without %", content: withShare("100"), findings: [{ rule: "schema", messageId: "percent-slip", line: 9 }], exit: 1 },
  {
    name: "a reference to a table that does not exist",
    content: `${head}tables: []\nstatements:\n  - text: 合计 5 万元。\n    figures: [{ restates: t9, amount: 5 }]\n`,
    findings: [{ rule: "statement", messageId: "unknown-reference", line: 7 }],
    exit: 1,
  },
  {
    name: "a reference cycle between shares",
    content: `${head}tables:\n  - id: t\n    title: 表\n    lines:\n      - { id: a, name: 甲, amount: 1, share: 50%, shareOf: t/b }\n      - { id: b, name: 乙, amount: 2, share: 200%, shareOf: t/a }\n`,
    exit: 0,
  },
];

async function check(path: string, extra: string[] = []) {
  let stdout = "";
  let stderr = "";
  const code = await main(["check", "-f", "json", ...extra, path], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    cwd: process.cwd(),
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}

const folder = mkdtempSync(join(tmpdir(), "budget-rules-hostile-"));

describe("hostile inputs", () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))("%s", async (_name, testCase) => {
    const path = join(folder, `${cases.indexOf(testCase)}.yaml`);
    writeFileSync(path, testCase.content);
    const { code, stdout, stderr } = await check(path);
    expect(stderr).toBe("");
    expect(code).toBe(testCase.exit);
    const findings =
      (JSON.parse(stdout) as { files: { findings: { rule: string; messageId: string; line: number; column: number; message: string }[] }[] }).files[0]
        ?.findings ?? [];
    for (const expected of testCase.findings ?? []) expect(findings).toContainEqual(expect.objectContaining(expected));
    for (const finding of findings) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("says exactly how to write a transcription slip", () => {
    const message = (amount: string, lang: "zh" | "en") =>
      checkText(withAmount(amount), { lang }).findings.find((finding) => finding.messageId === "amount-slip")?.message;
    expect(message("８２５.０４", "zh")).toBe("８２５.０４ 应写作 825.04：金额只写数字，不带单位、千分位或全角数字");
    expect(message("825.04万元", "en")).toMatch(/^Write 825\.04万元 as 825\.04:/);
    expect(message("1,234.5", "en")).toMatch(/^Write 1,234.5 as 1234.5:/);
  });

  it("a file above the size limit is reported, not skipped, and the limit is configurable", async () => {
    const path = join(folder, "big.yaml");
    writeFileSync(path, `${head}tables:\n${"  # 填充\n".repeat(200_000)}  []\n`);
    const refused = await check(path, ["--max-file-size", "1"]);
    expect(refused.code).toBe(2); // not checked (exit-code.ts)
    expect(refused.stdout).toContain('"messageId": "too-large"');
    expect((await check(path)).code).toBe(0); // under the default limit: checked, and only comments pad it
  });

  it("a 50 MB file is refused by the default limit with a clear message", async () => {
    const path = join(folder, "fifty.yaml");
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, "# 注释\n"));
    const { code, stdout } = await check(path);
    expect(code).toBe(2); // not checked (exit-code.ts)
    expect(stdout).toContain("above the limit of 32 MB");
  });

  it("a folder of 5,000 files is checked whole", async () => {
    const many = join(folder, "many");
    mkdirSync(many);
    for (let index = 0; index < 5_000; index += 1) writeFileSync(join(many, `d${index}.yaml`), index === 4_321 ? withAmount("-1") : `${head}tables: []\n`);
    const { code, stdout } = await check(many);
    const report = JSON.parse(stdout) as { files: unknown[]; summary: { error: number } };
    expect(report.files).toHaveLength(5_000);
    expect(code).toBe(1);
    expect(report.summary.error).toBe(1);
  }, 60_000);

  it.each([
    [
      "a dangling link named like a declaration",
      (base: string) => symlinkSync(join(base, "nowhere.yaml"), join(base, "dangling.yaml")),
      /^budget-rules: cannot read .*dangling\.yaml: ENOENT\n$/,
    ],
    [
      "a symlink loop",
      (base: string) => (symlinkSync(join(base, "b.yaml"), join(base, "a.yaml")), symlinkSync(join(base, "a.yaml"), join(base, "b.yaml"))),
      /^budget-rules: cannot read .*\.yaml: ELOOP\n$/,
    ],
  ] as const)("%s exits 2 with one line", async (_name, make, message) => {
    const base = mkdtempSync(join(tmpdir(), "budget-rules-links-"));
    make(base);
    const { code, stdout, stderr } = await check(base);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(message);
  });

  it("a folder that links to itself is walked once", async () => {
    const base = mkdtempSync(join(tmpdir(), "budget-rules-loop-"));
    writeFileSync(join(base, "d.yaml"), `${head}tables: []\n`);
    symlinkSync(base, join(base, "again"));
    const { code, stdout } = await check(base);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: unknown[] }).files).toHaveLength(1);
  });

  it("a directory named like a YAML file is searched, not read", async () => {
    const base = mkdtempSync(join(tmpdir(), "budget-rules-dir-"));
    mkdirSync(join(base, "预算.yaml"));
    writeFileSync(join(base, "预算.yaml", "d.yaml"), `${head}tables: []\n`);
    const { code, stdout } = await check(join(base, "预算.yaml"));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: unknown[] }).files).toHaveLength(1);
  });

  it("an output path that cannot be written exits 2", async () => {
    const base = mkdtempSync(join(tmpdir(), "budget-rules-output-"));
    mkdirSync(join(base, "report.json"));
    let stderr = "";
    const code = await main(["check", "-f", "json", "-o", join(base, "report.json"), "fixtures/broken/sum.yaml"], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      env: {},
      cwd: process.cwd(),
      stdoutIsTTY: false,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^budget-rules: cannot write .*report\.json: EISDIR\n$/);
  });
});
