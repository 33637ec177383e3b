import { describe, expect, it } from "vitest";
// The package by its own name, as a user imports it (resolved through package.json "exports" to dist/).
import { checkFiles, checkText, formatters, rules, type Finding, type Report, type Rule } from "budget-rules";

describe("the library API", () => {
  it("checks text and files, and formats the report, as the README shows", async () => {
    const { report, exitCode } = await checkFiles(["fixtures/broken/sum.yaml"], { lang: "en" });
    expect(exitCode).toBe(1);
    const shown: Report = report;
    const finding: Finding | undefined = report.files[0]?.findings[0];
    expect(finding).toMatchObject({ rule: "sum", expected: "697.36", actual: "698.36" });
    const text = formatters.stylish(shown);
    expect(text).toContain("1 error");
    expect(checkText("version: 1\n", { lang: "zh" }).findings[0]?.rule).toBe("schema");
    const sum: Rule | undefined = rules.find((rule) => rule.id === "sum");
    // A formatter's context may be left out: plain text, English, failing on errors, this version.
    const sarif = JSON.parse(formatters.sarif(report)) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toEqual(["sum"]);
    expect(Object.keys(formatters)).toEqual(["stylish", "json", "sarif", "junit", "github", "gitlab", "html"]);
    expect(sum?.meta.defaultSeverity).toBe("error");
  });
});
