import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../src/run/check-text.js";

/**
 * Real published disclosures transcribed as declarations (fixtures/corpus/<folder>/declaration.yaml),
 * each relation checked by hand in the folder's README.md and relations.json. The tool must find every
 * discrepancy the format can hold and give no false error: its errors are asserted exactly, by rule,
 * line and the expected and stated values (message ids are not part of the contract here), and every
 * warning is listed, so that an unexpected one fails.
 */
const corpus = new URL("../fixtures/corpus/", import.meta.url);

interface Expected {
  /** Each error, as `rule line expected actual`. */
  errors: string[];
  /** Each warning, as `rule line`, with why it is right in a comment. */
  warnings: string[];
}

const expectations: Record<string, Expected> = {
  // 机关运行经费 46.8, 增加 15.60, 增长 33.33%: the rate divides by this year's 46.8, not last year's 31.20.
  "daying-jinyuan-2023": { errors: ["growth 21 50.00% 33.33%"], warnings: [] },
  // 收入总预算 317.6, 同比增加 8.25, 增长 2.8%: 8.25 ÷ 309.35 = 2.667%, printed 2.7% at most.
  "fangchenggang-ggzyjy-2018": { errors: ["growth 51 2.7% 2.8%"], warnings: [] },
  // “三公”经费 41, 较上年减少 19, 下降 43.78%: 19 ÷ 60 = 31.67%; 较年初预算数减少 4, 下降 2.2%: 4 ÷ 45 = 8.89%.
  "fuling-jiaoshi-2020-sangong": { errors: ["growth 37 -31.67% -43.78%", "growth 39 -8.9% -2.2%"], warnings: [] },
  // Every sum and the three count × rate estimates (268 × 2400 = 643200) hold; the headcount table is not declared.
  "panlong-rendaban-2017": { errors: [], warnings: [] },
  // 政府办公厅(室)及相关事务 5,631 against 基本 3,931 + 项目 1,745 = 5,676; the same 45 is missing from the
  // function breakdown of 总支出 6,198 (5,631 + 522 = 6,153), declared as a second 其中 list of it.
  "shenzhen-zfbgt-2011": { errors: ["sum 42 6153 6198", "sum 46 5676 5631"], warnings: [] },
  // 支出 9.07, 较上年减少 0.71, 下降 7.83%: 0.71 ÷ 9.78 = 7.26%.
  "tongliang-anju-2021-sangong": { errors: ["growth 23 -7.26% -7.83%"], warnings: [] },
  // 纳入…2024年度部门预算范围 in the 2025 budget; the count and the income sum hold.
  "xizang-hulu-2025": { errors: ["statement 15 2025 2024"], warnings: [] },
  // Shares truncated, not rounded: 71.82% for 71.829%, 6.12% for 6.127%; so they add to 99.98%.
  "yilong-qunzhongbu-2015": {
    errors: ["share 43 71.83% 71.82%", "share 44 6.13% 6.12%", "share 45 100.00% 99.98%"],
    warnings: [],
  },
};

const declared = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/declaration.yaml`, corpus)))
  .map((entry) => entry.name)
  .sort();

interface Relation {
  verdict: "exact" | "rounding" | "discrepancy";
}

describe("declarations of real disclosures", () => {
  it("at least six documents are declared, each with its expected report", () => {
    expect(declared.length).toBeGreaterThanOrEqual(6);
    expect(declared).toEqual(Object.keys(expectations).sort());
  });

  it.each(declared)("%s: every discrepancy found, no false error, every warning expected", (folder) => {
    const file = `fixtures/corpus/${folder}/declaration.yaml`;
    const text = readFileSync(new URL(`${folder}/declaration.yaml`, corpus), "utf8");
    const expected = expectations[folder] ?? { errors: [], warnings: [] };
    const { findings } = checkText(text, { file });

    expect(text.startsWith("# yaml-language-server: $schema=../../../schemas/budget.schema.json\n")).toBe(true);
    // The declaration is read and checked in full: no YAML finding, no schema error.
    expect(findings.filter((finding) => finding.rule === "yaml" || (finding.rule === "schema" && finding.severity === "error"))).toEqual([]);
    expect(
      findings
        .filter((finding) => finding.severity === "error")
        .map((finding) => `${finding.rule} ${finding.line} ${finding.expected ?? ""} ${finding.actual ?? ""}`),
    ).toEqual(expected.errors);
    expect(findings.filter((finding) => finding.severity === "warning").map((finding) => `${finding.rule} ${finding.line}`)).toEqual(expected.warnings);

    // A document whose hand-checked relations hold has no error.
    const relations = (JSON.parse(readFileSync(new URL(`${folder}/relations.json`, corpus), "utf8")) as { relations: Relation[] }).relations;
    if (!relations.some((relation) => relation.verdict === "discrepancy")) expect(expected.errors).toEqual([]);
  });
});
