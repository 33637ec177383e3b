import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../src/run/check-text.js";
import { main } from "../src/cli/main.js";
import { ConfigError, parseConfig } from "../src/config/config.js";
import { rules } from "../src/rules/index.js";
import { declaration } from "./rule-tester.js";

const offByOne = declaration(`
  tables:
    - id: t
      title: 表
      total: { amount: 826.04 }
      lines:
        - { id: a, name: 基本支出, amount: 436.54 }
        - { id: b, name: 项目支出, amount: 388.5 }
`);

function config(text: string) {
  return parseConfig(text, "budget-rules.config.yaml", "en");
}

function configErrors(text: string): string[] {
  try {
    config(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  return [];
}

const summarise = (text: string, settings?: string) =>
  checkText(text, settings === undefined ? {} : { config: config(settings) }).findings.map(({ rule, messageId, severity, line }) => ({
    rule,
    messageId,
    severity,
    line,
  }));

describe("rule severities", () => {
  it.each([
    { settings: "", expected: [{ rule: "sum", messageId: "sum-mismatch", severity: "error", line: 8 }] },
    { settings: "rules: { sum: warning }", expected: [{ rule: "sum", messageId: "sum-mismatch", severity: "warning", line: 8 }] },
    { settings: "rules: { sum: off }", expected: [] },
  ])("$settings", ({ settings, expected }) => {
    expect(summarise(offByOne, settings)).toEqual(expected);
  });

  it("a rounding residual stays info whatever the rule's severity", () => {
    const residual = declaration(`
      tables:
        - id: t
          title: 表
          total: { amount: 35.07 }
          lines: [{ name: 甲, amount: 15.18 }, { name: 乙, amount: 19.88 }]
    `);
    expect(summarise(residual, "rules: { sum: error }")).toEqual([expect.objectContaining({ severity: "info" })]);
  });

  it.each(["error", "warning"] as const)(
    "a rule that only informs takes its configured severity: narrative: %s fails a build on what was not read",
    (severity) => {
      const unread = declaration(`
      excerpt: true
      unread:
        - text: 人员经费和公用经费分别安排120万元、30万元
          why: no-relation
    `);
      expect(summarise(unread, `rules: { narrative: ${severity} }`)).toEqual([expect.objectContaining({ rule: "narrative", severity })]);
    },
  );
});

describe("config errors name the file, line and column", () => {
  it.each([
    { text: "rules:\n  summ: off\n", expected: /^budget-rules\.config\.yaml:2:3: Unknown key “summ”; did you mean “sum”\?/ },
    { text: "rules:\n  sum: loud\n", expected: /^budget-rules\.config\.yaml:2:8: Expected one of: off, info, warning, error/ },
    { text: "rule:\n  sum: off\n", expected: /^budget-rules\.config\.yaml:1:1: Unknown key “rule”; did you mean “rules”\?/ },
    { text: "checks:\n  - id: x\n    equal: [t5-1/2010350, t6.amount]\n", expected: /^budget-rules\.config\.yaml:3:13: .*t5-1\/2010350/ },
    { text: "rules: [\n", expected: /^budget-rules\.config\.yaml:\d+:\d+: YAML syntax error/ },
  ])("$text", ({ text, expected }) => {
    const lines = configErrors(text);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(expected);
  });
});

describe("custom checks", () => {
  const seedLike = declaration(`
    tables:
      - id: t6
        title: 基本支出表
        columns: [{ id: total, name: 合计, sum: [personnel, public] }, { id: personnel, name: 人员经费 }, { id: public, name: 公用经费 }]
        total: { amount: { total: 436.54, personnel: 373.45, public: 63.09 } }
      - id: t11
        title: 整体绩效目标表
        lines:
          - { id: personnel-projects, name: 人员类项目支出, amount: 374.45, share: 45.26% }
          - { id: total, name: 支出合计, amount: 825.04 }
  `);

  it.each([
    { check: 'equal: [t11/personnel-projects.amount, "t6:personnel.amount"]', messageId: "equal-mismatch" },
    { check: "sum: { total: t11/total.amount, parts: [t11/personnel-projects.amount] }", messageId: "sum-mismatch" },
    { check: "ratio: { percent: t11/personnel-projects.share, part: t11/personnel-projects.amount, whole: t11/total.amount }", messageId: "ratio-mismatch" },
    { check: 'compare: { less: t11/personnel-projects.amount, more: "t6:personnel.amount" }', messageId: "bound-above" },
  ])("$check catches a relation no built-in rule knows", ({ check, messageId }) => {
    const findings = summarise(seedLike, `checks:\n  - id: local\n    ${check}\n`).filter((finding) => finding.rule === "custom/local");
    expect(findings).toEqual([expect.objectContaining({ messageId, severity: "error" })]);
  });

  it("a check's severity is its own", () => {
    const findings = summarise(seedLike, 'checks:\n  - id: local\n    severity: warning\n    equal: [t11/personnel-projects.amount, "t6:personnel.amount"]\n');
    expect(findings.filter((finding) => finding.rule === "custom/local")).toEqual([expect.objectContaining({ severity: "warning" })]);
  });

  it.each([
    { check: "equal: [t11/nothing.amount, t6.amount]", messageId: "unknown-figure" },
    { check: "equal: [t99.amount, t6.amount]", messageId: "unknown-figure" },
    { check: "equal: [t11/total.prior, t6.amount]", messageId: "unknown-figure" },
    { check: "equal: [t11/personnel-projects.share, t6.amount]", messageId: "wrong-kind" },
  ])("$check is an error, never a silent pass", ({ check, messageId }) => {
    const findings = checkText(seedLike, { config: config(`checks:\n  - id: local\n    ${check}\n`) }).findings.filter(
      (finding) => finding.rule === "custom/local",
    );
    expect(findings).toEqual([expect.objectContaining({ messageId, severity: "error" })]);
    expect(findings[0]?.message).toContain("budget-rules.config.yaml:3:");
  });

  it("a check on a table an excerpt does not declare is info, and on a line of a declared table still an error", () => {
    const excerpt = declaration(`
      excerpt: true
      tables:
        - id: t6
          title: 基本支出表
          lines: [{ id: personnel, name: 人员经费, amount: 10 }]
    `);
    const findings = (check: string) =>
      checkText(excerpt, { config: config(`checks:\n  - id: local\n    ${check}\n`) }).findings.filter((finding) => finding.rule === "custom/local");
    expect(findings("equal: [t11/personnel-projects.amount, t6/personnel.amount]")).toEqual([
      expect.objectContaining({ messageId: "not-in-excerpt", severity: "info", message: expect.stringContaining("does not declare table t11") as string }),
    ]);
    expect(findings("equal: [t6/nothing.amount, t6/personnel.amount]")).toEqual([expect.objectContaining({ messageId: "unknown-figure", severity: "error" })]);
  });

  it("on a document, a line its table does not name by the check's id is info, naming the table as printed", () => {
    const read = declaration(`
      tables:
        - id: t11
          no: "11"
          title: 部门整体支出绩效目标表
          lines: [{ name: 人员类项目支出, amount: 10 }]
        - id: t6
          title: 基本支出表
          lines: [{ id: personnel, name: 人员经费, amount: 10 }]
    `);
    const check = "equal: [t11/personnel-projects.amount, t6/personnel.amount]";
    const findings = (printed: boolean) =>
      checkText(read, { printed, config: config(`checks:\n  - id: local\n    ${check}\n`) }).findings.filter((finding) => finding.rule === "custom/local");
    expect(findings(true)).toEqual([
      expect.objectContaining({ messageId: "not-on-document", severity: "info", message: expect.stringContaining("表11 as read from the document") as string }),
    ]);
    expect(findings(false)).toEqual([expect.objectContaining({ messageId: "unknown-figure", severity: "error" })]);
  });

  it("adds official names of codes", () => {
    const text = declaration(`
      tables:
        - id: t
          title: 表
          lines: [{ code: "2069999", name: 其他科技支出 }]
    `);
    expect(summarise(text, 'codes: { "2069999": 其他科学技术支出 }')).toEqual([expect.objectContaining({ rule: "code", messageId: "name" })]);
  });

  it("sets the precision of declarations that state none", () => {
    const text =
      "version: 1\ndepartment: { name: 甲, year: 2025 }\nunit: 元\ntables:\n  - id: t\n    title: 表\n    total: { amount: 3 }\n    lines: [{ name: 甲, amount: 1 }, { name: 乙, amount: 1 }]\n";
    expect(summarise(text, "precision: 0")).toEqual([expect.objectContaining({ rule: "sum", severity: "info" })]);
    expect(summarise(text, "precision: 2")).toEqual([expect.objectContaining({ rule: "sum", severity: "error" })]);
  });
});

describe("inline suppression", () => {
  const withDirective = (directive: string) =>
    declaration(`
      tables:
        - id: t
          title: 表
          ${directive}
          total: { amount: 826.04 }
          lines: [{ name: 甲, amount: 825.04 }]
    `);

  it("silences the named rule on the next line when a reason is given", () => {
    expect(summarise(withDirective("# budget-rules-disable-next-line sum -- 上级批复的合计含待分配资金"))).toEqual([]);
  });

  it.each([
    { directive: "# budget-rules-disable-next-line sum", messageId: "missing-reason", sumStays: true },
    { directive: "# budget-rules-disable-next-line summ -- 理由", messageId: "unknown-rule", sumStays: true },
    { directive: "# budget-rules-disable-next-line share -- 理由", messageId: "unused", sumStays: true },
  ])("$directive is a warning", ({ directive, messageId, sumStays }) => {
    const findings = summarise(withDirective(directive));
    expect(findings).toContainEqual({ rule: "suppression", messageId, severity: "warning", line: 8 });
    expect(findings.some((finding) => finding.rule === "sum")).toBe(sumStays);
  });
});

async function cli(argv: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

describe("the config on the command line", () => {
  const folder = mkdtempSync(join(tmpdir(), "budget-rules-config-"));
  mkdirSync(join(folder, "bureau", "department"), { recursive: true });
  writeFileSync(join(folder, "bureau", "budget-rules.config.yaml"), "rules:\n  sum: warning\n");
  writeFileSync(join(folder, "bureau", "department", "2025.yaml"), offByOne);
  writeFileSync(join(folder, "strict.yaml"), "rules:\n  sum: error\n");
  writeFileSync(join(folder, "bad.yaml"), "rules:\n  summ: off\n");

  it("is found by walking up from each checked file", async () => {
    expect(await cli(["check", "bureau"], folder)).toMatchObject({ code: 0, stdout: expect.stringContaining("warning") as string });
  });

  it("--config overrides it", async () => {
    expect((await cli(["check", "--config", "strict.yaml", "bureau"], folder)).code).toBe(1);
  });

  it("a bad config exits 2 with file:line:col on stderr", async () => {
    const result = await cli(["check", "--config", "bad.yaml", "bureau"], folder);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^budget-rules: bad\.yaml:2:3: /);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a missing --config exits 2", async () => {
    expect(await cli(["check", "--config", "nowhere.yaml", "bureau"], folder)).toEqual({
      code: 2,
      stdout: "",
      stderr: "budget-rules: no such config file: nowhere.yaml\n",
    });
  });
});

describe("rules and explain", () => {
  it.each(["zh", "en"] as const)("`rules --lang %s` lists every rule", async (lang) => {
    const { code, stdout } = await cli(["rules", "--lang", lang], process.cwd());
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(rules.map((rule) => rule.id));
    for (const [index, rule] of rules.entries()) expect(lines[index]).toContain(rule.meta.description[lang]);
  });

  it.each(["zh", "en"] as const)("`explain sum --lang %s` explains with a failing and a passing example", async (lang) => {
    const { code, stdout } = await cli(["explain", "sum", "--lang", lang], process.cwd());
    expect(code).toBe(0);
    expect(stdout).toContain(rules.find((rule) => rule.id === "sum")?.meta.docs[lang]);
    expect(stdout).toContain(lang === "zh" ? "不通过的例子" : "Failing example");
    expect(stdout).toContain("    total: { amount: 826.04 }");
  });

  it("an unknown rule exits 2", async () => {
    expect(await cli(["explain", "summ"], process.cwd())).toMatchObject({ code: 2, stderr: expect.stringContaining("summ") as string });
  });

  it.each(rules.flatMap((rule) => (rule.meta.example ? [[rule.id, rule.meta.example] as const] : [])))(
    "the %s examples fail and pass as they say",
    (id, example) => {
      // A rule that only informs (narrative: what was not read) fails its example with info.
      const informs = rules.find((rule) => rule.id === id)?.meta.defaultSeverity === "info";
      expect(checkText(example.failing).findings.filter((finding) => finding.rule === id && (informs || finding.severity !== "info"))).not.toEqual([]);
      expect(checkText(example.passing).findings.filter((finding) => finding.rule === id)).toEqual([]);
    },
  );

  it("every rule that checks has examples", () => {
    for (const rule of rules) if (rule.check) expect(rule.meta.example, rule.id).toBeDefined();
  });
});
