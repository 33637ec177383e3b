/**
 * Issue 22: a finance bureau's CI reads every report budget-rules writes within its platform's limits.
 * One run of 100 findings (ten copies of the broken fixtures, 90 errors and 10 info) and a clean file,
 * written as GitHub annotations and step summary, JUnit and GitLab Code Quality at once.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { annotationLimits } from "../src/report/github.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The Code Quality report as GitLab documents it (docs.gitlab.com/ci/testing/code_quality, "Code Quality
 * report format"): an array of issues, each with a description, a check name, a unique fingerprint, a
 * severity of GitLab's five and a location with a relative path and a first line.
 */
const codeQualitySchema = {
  type: "array",
  items: {
    type: "object",
    required: ["description", "check_name", "fingerprint", "severity", "location"],
    properties: {
      description: { type: "string", minLength: 1 },
      check_name: { type: "string", minLength: 1 },
      fingerprint: { type: "string", minLength: 1 },
      severity: { enum: ["info", "minor", "major", "critical", "blocker"] },
      location: {
        type: "object",
        required: ["path", "lines"],
        properties: {
          path: { type: "string", pattern: "^[^/]" },
          lines: { type: "object", required: ["begin"], properties: { begin: { type: "integer", minimum: 1 }, end: { type: "integer", minimum: 1 } } },
        },
      },
    },
  },
};

function repository(): string {
  const folder = mkdtempSync(join(tmpdir(), "budget-rules-ci-"));
  mkdirSync(join(folder, ".git"));
  for (let copy = 0; copy < 10; copy += 1) cpSync(join(root, "fixtures", "broken"), join(folder, "declarations", `dept${copy}`), { recursive: true });
  writeFileSync(join(folder, "declarations", "clean.yaml"), "version: 1\ndepartment: { name: 甲, year: 2025 }\nunit: 万元\ntables: []\n");
  return folder;
}

async function runIn(folder: string, extra: string[]) {
  let stdout = "";
  const summary = join(folder, "summary.md");
  const argv = [
    "check",
    "--lang",
    "zh",
    ...extra,
    "-f",
    "github",
    "-f",
    "junit",
    "-o",
    "report.xml",
    "-f",
    "gitlab",
    "-o",
    "gl-code-quality-report.json",
    "declarations",
  ];
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    env: { GITHUB_STEP_SUMMARY: summary },
    cwd: folder,
    stdoutIsTTY: false,
  });
  const read = (name: string) => readFileSync(join(folder, name), "utf8");
  return {
    code,
    annotations: stdout.trimEnd().split("\n"),
    summary: read("summary.md"),
    junit: read("report.xml"),
    gitlab: read("gl-code-quality-report.json"),
  };
}

describe("a run of 100 findings, written for GitHub, GitLab and JUnit at once", () => {
  const folder = repository();
  const run = runIn(folder, []);

  it("GitHub: errors up to GitHub's limit a step, then one notice that counts the rest for the summary", async () => {
    const { annotations, code } = await run;
    expect(code).toBe(1);
    expect(annotations.filter((line) => line.startsWith("::error "))).toHaveLength(annotationLimits.error);
    expect(annotations.filter((line) => line.startsWith("::warning "))).toHaveLength(0);
    expect(annotations.at(-1)).toBe(
      "::notice title=budget-rules::另有 90 条发现（80 个错误，0 个警告，10 条提示）未作为注释显示，见本步骤的摘要（step summary）",
    );
    expect(annotations).toHaveLength(annotationLimits.error + 1);
  });

  it("GitHub: the step summary lists all 100, errors first, in the report's language", async () => {
    const rows = (await run).summary.split("\n").filter((line) => line.startsWith("| declarations/"));
    expect(rows).toHaveLength(100);
    const severities = rows.map((row) => row.split(" | ")[2]);
    expect(severities).toEqual([...Array<string>(90).fill("错误"), ...Array<string>(10).fill("提示")]);
  });

  it("JUnit: a testcase per finding and one for the clean file; failures = findings, each typed by its severity", async () => {
    const { junit } = await run;
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(junit) as { testsuites: { tests: string; failures: string } };
    expect([parsed.testsuites.tests, parsed.testsuites.failures]).toEqual(["101", "100"]);
    expect(junit.match(/<failure /g)).toHaveLength(100);
    expect(junit.match(/<failure [^>]*type="error /g)).toHaveLength(90);
    expect(junit.match(/<failure [^>]*type="info /g)).toHaveLength(10);
  });

  it("GitLab: a valid Code Quality report, one issue per finding, each with a fingerprint of its own", async () => {
    const issues = JSON.parse((await run).gitlab) as { fingerprint: string; severity: string; location: { path: string } }[];
    const validate = new Ajv({ strict: true, allErrors: true }).compile(codeQualitySchema);
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues).toHaveLength(100);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(100);
    expect(issues.filter((issue) => issue.severity === "major")).toHaveLength(90);
    expect(issues[0]?.location.path).toBe("declarations/dept0/growth.yaml");
  });
});

describe("GitLab fingerprints", () => {
  it("stay the same when lines are added above a finding, so a merge request shows it as unchanged", async () => {
    const folder = repository();
    const before = JSON.parse((await runIn(folder, [])).gitlab) as { fingerprint: string; location: { lines: { begin: number } } }[];
    const file = join(folder, "declarations", "dept0", "sum.yaml");
    writeFileSync(file, `# a comment\n# and another\n${readFileSync(file, "utf8")}`);
    const after = JSON.parse((await runIn(folder, [])).gitlab) as typeof before;
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(after.map((issue) => issue.location.lines.begin)).not.toEqual(before.map((issue) => issue.location.lines.begin));
  });
});
