import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Chalk } from "chalk";
import type { Ajv } from "ajv";
import ajvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { checkText } from "../src/run/check-text.js";
import type { Lang, SeverityCounts } from "../src/finding.js";
import type { FormatContext } from "../src/report/formatter.js";
import { escapeData, escapeProperty, formatGithub, githubSummary, summaryBudget } from "../src/report/github.js";
import { formatHtml } from "../src/report/html.js";
import { formatJunit } from "../src/report/junit.js";
import { reportOf, type Report } from "../src/report/report.js";
import type { Failure } from "../src/report/verdict.js";
import { formatSarif } from "../src/report/sarif.js";
import { formatStylish } from "../src/report/stylish.js";
import { declaration } from "./rule-tester.js";

const seedName = "fixtures/wuchang-2025.yaml";
const seed = readFileSync(new URL(`../${seedName}`, import.meta.url), "utf8");
const brokenName = "fixtures/broken/sum.yaml";
const broken = readFileSync(new URL(`../${brokenName}`, import.meta.url), "utf8");
/** Names and messages full of what XML, Markdown and workflow commands must escape. */
const hostileName = "fixtures/odd <&\"'>, name:%.yaml";
const hostile = declaration(`
  tables:
    - id: t
      title: 表 <&"'>
      total: { amount: 2 }
      lines:
        - { code: "201", name: "一般 <b>&amp;</b> | 100%\\n换行: , 支出", amount: 1 }
`);

function context(lang: Lang = "en", failOn: FormatContext["failOn"] = "error"): FormatContext {
  return {
    lang,
    chalk: new Chalk({ level: 0 }),
    sources: new Map([
      [seedName, seed],
      [brokenName, broken],
      [hostileName, hostile],
    ]),
    failOn,
    version: "0.1.0",
  };
}

/** A report of one file with so many findings of each severity. */
function manyFindings(counts: SeverityCounts): Report {
  const findings = (["error", "warning", "info"] as const).flatMap((severity) =>
    Array.from({ length: counts[severity] }, (_, index) => ({
      rule: "sum",
      messageId: "sum-mismatch",
      severity,
      message: `${severity} ${index}`,
      path: "",
      line: index + 1,
      column: 1,
      endLine: index + 1,
      endColumn: 2,
    })),
  );
  return reportOf([{ file: "d.yaml", config: null, findings, summary: { ...counts } }]);
}

const reports = {
  seed: reportOf([checkText(seed, { file: seedName, view: true })]),
  broken: reportOf([checkText(broken, { file: brokenName })]),
  hostile: reportOf([checkText(hostile, { file: hostileName })]),
};

describe("sarif", () => {
  // The OASIS schema as Microsoft's SARIF SDK ships it (draft-04).
  const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
  // ajv-draft-04 is CommonJS: the default import is its module.exports, the class itself.
  const Ajv4 = ajvDraft04 as unknown as typeof Ajv;
  // The schema's patterns predate the u flag; its formats (uri, date-time) are checked too.
  const withFormats = addFormats as unknown as (ajv: Ajv) => Ajv;
  const validate = withFormats(new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false })).compile(schema);

  it.each(Object.entries(reports))("the %s report validates against the official SARIF 2.1.0 schema", (_name, report) => {
    const sarif = JSON.parse(formatSarif(report, context())) as object;
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
  });

  it("links to no web page: budget-rules has none, and a link that leads nowhere is worse than none", () => {
    const sarif = formatSarif(reports.seed, context());
    expect(sarif).not.toContain("informationUri");
    expect(sarif.match(/https?:\/\/[^"]+/g)).toEqual(["https://json.schemastore.org/sarif-2.1.0.json"]);
  });

  it("describes every rule and locates every result with its related figures", () => {
    const sarif = JSON.parse(formatSarif(reports.broken, context())) as {
      runs: {
        tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
          relatedLocations: unknown[];
          properties: object;
        }[];
      }[];
    };
    const run = sarif.runs[0];
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toContain("sum");
    const result = run?.results[0];
    expect(result).toMatchObject({ ruleId: "sum", level: "error", properties: { expected: "697.36", actual: "698.36", difference: "1", tolerance: "0.015" } });
    expect(run?.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe("sum");
    expect(result?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: "fixtures/broken/sum.yaml" }, region: { startLine: 13 } });
    expect(result?.relatedLocations).toHaveLength(2);
  });

  it("info findings are notes", () => {
    const levels = (JSON.parse(formatSarif(reports.seed, context())) as { runs: { results: { level: string }[] }[] }).runs[0]?.results.map(
      (result) => result.level,
    );
    expect(new Set(levels)).toEqual(new Set(["error", "warning", "note"]));
  });
});

describe("junit", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

  it.each(Object.entries(reports))("the %s report is well-formed XML", (_name, report) => {
    const xml = formatJunit(report, context());
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  type Parsed = {
    testsuites: {
      tests: string;
      failures: string;
      testsuite: { name: string; tests: string; failures: string; testcase: { name: string; failure?: { type: string }; "system-out"?: string }[] };
    };
  };
  const parse = (xml: string) =>
    new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "testcase" }).parse(xml) as Parsed;

  it("has a testsuite per file and a testcase per finding, failing for each error", () => {
    const parsed = parse(formatJunit(reports.broken, context()));
    const suite = parsed.testsuites.testsuite;
    expect(suite.name).toBe(brokenName);
    expect(suite.testcase.map((testcase) => [testcase.name, testcase.failure?.type])).toEqual([["sum 13:17", "error sum/sum-mismatch"]]);
    expect([parsed.testsuites.tests, parsed.testsuites.failures]).toEqual(["1", "1"]);
  });

  // The seed: 1 error, 3 warnings, 3 info. Each finding is one failing testcase, typed by its severity,
  // whatever --fail-on says (it decides the exit code, not the report): failures = findings.
  it.each<[FormatContext["failOn"]]>([["error"], ["warning"], ["info"]])("with --fail-on %s: 7 testcases, 7 failures by severity", (failOn) => {
    const { testsuites } = parse(formatJunit(reports.seed, context("en", failOn)));
    expect([testsuites.tests, testsuites.failures, testsuites.testsuite.tests, testsuites.testsuite.failures]).toEqual(["7", "7", "7", "7"]);
    const severities = testsuites.testsuite.testcase.map((testcase) => testcase.failure?.type.split(" ")[0]);
    expect(severities.sort()).toEqual(["error", "info", "info", "info", "warning", "warning", "warning"]);
  });

  it("a file without findings is one passing testcase, so every file is counted", () => {
    const clean = reportOf([{ file: "clean.yaml", config: null, findings: [], summary: { error: 0, warning: 0, info: 0 } }]);
    const { testsuites } = parse(formatJunit(clean, context("zh")));
    expect([testsuites.tests, testsuites.failures]).toEqual(["1", "0"]);
    expect(testsuites.testsuite.testcase).toEqual([expect.objectContaining({ name: "已检查，没有发现问题" })]);
  });

  it("escapes everything it is given", () => {
    const xml = formatJunit(reports.hostile, context("en", "warning"));
    const parsed = parser.parse(xml) as { testsuites: { testsuite: { name: string; testcase: { failure?: { message: string } }[] } } };
    expect(parsed.testsuites.testsuite.name).toBe(hostileName);
    expect(xml).not.toContain("<b>");
  });
});

describe("github", () => {
  it("escapes data and properties as GitHub requires", () => {
    expect(escapeData("100%\r\n下一行")).toBe("100%25%0D%0A下一行");
    // A document's name or text with ESC or BEL would reach the runner's terminal raw.
    expect(escapeData("情况说明\u001b[31m.txt\u0007")).toBe("情况说明\ufffd[31m.txt\ufffd");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
  });

  it("annotates errors and warnings; info is counted in one notice that points to the summary", () => {
    const lines = formatGithub(reports.seed, context()).trim().split("\n");
    expect(lines.map((line) => /^::(\w+)/.exec(line)?.[1])).toEqual(["error", "warning", "warning", "warning", "notice"]);
    expect(lines[0]).toMatch(
      /^::error file=fixtures\/wuchang-2025\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=budget-rules indicator::t12-1 indicator/,
    );
    expect(lines[4]).toBe("::notice title=budget-rules::3 more findings (0 errors, 0 warnings, 3 info) are not annotated: see the step summary");
  });

  // GitHub shows 10 error and 10 warning annotations per step, and drops the rest without a word.
  it.each<[SeverityCounts, { error: number; warning: number; more?: string }]>([
    [
      { error: 3, warning: 2, info: 0 },
      { error: 3, warning: 2 },
    ],
    [
      { error: 10, warning: 10, info: 0 },
      { error: 10, warning: 10 },
    ],
    [
      { error: 11, warning: 0, info: 0 },
      { error: 10, warning: 0, more: "1 more finding (1 error, 0 warnings, 0 info)" },
    ],
    [
      { error: 40, warning: 30, info: 30 },
      { error: 10, warning: 10, more: "80 more findings (30 errors, 20 warnings, 30 info)" },
    ],
    [
      { error: 0, warning: 25, info: 82 },
      { error: 0, warning: 10, more: "97 more findings (0 errors, 15 warnings, 82 info)" },
    ],
  ])("%o: annotations %o", (counts, expected) => {
    const lines = formatGithub(manyFindings(counts), context()).trim().split("\n").filter(Boolean);
    expect(lines.filter((line) => line.startsWith("::error "))).toHaveLength(expected.error);
    expect(lines.filter((line) => line.startsWith("::warning "))).toHaveLength(expected.warning);
    const notices = lines.filter((line) => line.startsWith("::notice "));
    if (expected.more === undefined) expect(notices).toEqual([]);
    else expect(notices).toEqual([`::notice title=budget-rules::${expected.more} are not annotated: see the step summary`]);
    // Errors first, then warnings.
    const kinds = lines.map((line) => /^::(\w+)/.exec(line)?.[1] ?? "");
    expect(kinds).toEqual([...kinds].sort((a, b) => ["error", "warning", "notice"].indexOf(a) - ["error", "warning", "notice"].indexOf(b)));
  });

  it("a run that fails on too many warnings says so first, within the error limit", () => {
    const failures: Failure[] = [{ reason: "max-warnings", warnings: 25, maximum: 0 }];
    const lines = formatGithub(manyFindings({ error: 12, warning: 25, info: 0 }), { ...context("zh"), failures })
      .trim()
      .split("\n");
    expect(lines[0]).toBe("::error title=budget-rules::警告过多：25 个警告，超过 --max-warnings 允许的 0 个，检查不通过");
    expect(lines.filter((line) => line.startsWith("::error "))).toHaveLength(10);
    expect(lines.at(-1)).toBe("::notice title=budget-rules::另有 18 条发现（3 个错误，15 个警告，0 条提示）未作为注释显示，见本步骤的摘要（step summary）");
  });

  it("keeps a hostile file name and message on one line", () => {
    const output = formatGithub(reports.hostile, context());
    for (const line of output.trim().split("\n")) expect(line).toMatch(/^::(error|warning|notice) file=fixtures\/odd <&"'>%2C name%3A%25\.yaml,line=/);
  });

  it("summarises every finding as a Markdown table", () => {
    const summary = githubSummary(reports.hostile, "zh");
    expect(summary).toContain("| 文件 | 位置 | 严重程度 | 规则 | 说明 |");
    expect(summary).toContain("\\|");
    expect(summary.split("\n").filter((line) => line.startsWith("| fixtures/"))).toHaveLength(reports.hostile.files[0]?.findings.length ?? -1);
  });

  it.each<[Lang, string[]]>([
    ["zh", ["错误", "警告", "警告", "警告", "提示", "提示", "提示"]],
    ["en", ["error", "warning", "warning", "warning", "info", "info", "info"]],
  ])("the summary lists errors first, then warnings, then info, in the report's language (%s)", (lang, severities) => {
    const rows = githubSummary(reports.seed, lang)
      .split("\n")
      .filter((line) => line.startsWith("| fixtures/"));
    expect(rows.map((row) => row.split(" | ")[2])).toEqual(severities);
  });

  it("the summary says why a run without errors fails", () => {
    const failures: Failure[] = [{ reason: "max-warnings", warnings: 3, maximum: 0 }];
    expect(githubSummary(reports.seed, "en", failures)).toContain("**Too many warnings: 3 warnings, more than the 0 --max-warnings allows; the check fails**");
  });

  it("the summary stays within GitHub's 1 MiB a step and says how many findings it left out", () => {
    const report = manyFindings({ error: 20_000, warning: 0, info: 0 });
    for (const finding of report.files[0]?.findings ?? []) finding.message = "超".repeat(40);
    const summary = githubSummary(report, "en");
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(summaryBudget);
    const listed = summary.split("\n").filter((line) => line.startsWith("| d.yaml")).length;
    expect(listed).toBeGreaterThan(1000);
    expect(summary).toContain(`${20_000 - listed} more findings are not listed (a step summary is limited to 1 MiB)`);
  });
});

describe("stylish", () => {
  it("shows each error in its YAML, a caret under the figure, and the value it should have", () => {
    const output = formatStylish(reports.broken, context("zh"));
    expect(output).toContain(["         > 13 |         amount: 698.36", "              |                 ^^^^^^"].join("\n"));
    expect(output).toContain("应为 697.36，实为 698.36，差 1，容差 0.015");
  });
});

describe("html", () => {
  const html = formatHtml(reports.seed, context("zh"));

  it("is one self-contained page: no script, nothing fetched", () => {
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("武昌区科技创新和人才服务中心 2025");
  });

  it("reads only the report: its tables and the engine's computed values come from the check, not from the file's text", () => {
    const withoutSources = formatHtml(reports.seed, { ...context("zh"), sources: new Map() });
    expect(withoutSources).toBe(html);
    expect(html).toContain("<h2>预算表</h2>");
    // 卫生健康支出: stated 35.07, computed by the sum rule as 35.06.
    expect(html).toMatch(/35\.07.*?<td class="number computed">35\.06<\/td>/s);
  });

  it("marks each finding at its figure and links the list to it", () => {
    for (const [index, finding] of (reports.seed.files[0]?.findings ?? []).entries()) {
      const cell = new RegExp(`<td id="([^"]+)" data-path="${finding.path.replace(/[/]/g, "\\/")}" class="[^"]*finding finding-${finding.severity}`);
      const match = cell.exec(html);
      expect(match, finding.path).not.toBeNull();
      expect(html).toContain(`<li id="finding-${index + 1}">`);
      expect(html).toContain(`href="#${match?.[1] ?? ""}"`);
    }
  });

  it("shows the stated and the computed figure side by side", () => {
    expect(html).toMatch(
      /data-path="\/tables\/4\/lines\/2\/lines\/0\/amount" class="number finding finding-info"[^>]*>35.07<a href="#finding-\d+">\[\d+\]<\/a><\/td><td class="number computed">35.06<\/td>/,
    );
  });

  it("draws the expenditure composition", () => {
    expect(html).toMatch(/<svg role="img"[^>]*>.*一般公共服务支出.*697.36（84.52%）/s);
  });
});
