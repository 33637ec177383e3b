import { describe, expect, it } from "vitest";
import { checkText } from "../../src/run/check-text.js";
import { declaration } from "../rule-tester.js";

/** Two indicator tables naming one indicator, the second's name spelt as given, with a different value. */
const indicators = (name: string) =>
  declaration(`
    tables:
      - id: t11
        title: 部门整体支出绩效目标表
        indicators: [{ name: 招聘活动场次（次）, values: { 2024: 9 } }]
      - id: t12
        title: 项目支出绩效目标表
        indicators: [{ name: "${name}", values: { 2024: 10 } }]
  `);

describe("names are compared as a reader sees them", () => {
  it.each([
    ["the same name", "招聘活动场次（次）"],
    ["half-width brackets", "招聘活动场次(次)"],
    ["a zero-width space inside", "招聘活动\u200b场次（次）"],
    ["a zero-width joiner and a BOM", "\ufeff招聘\u200d活动场次（次）"],
    ["a no-break space and an ideographic space", "招聘活动\u00a0场次\u3000（次）"],
    ["a soft hyphen", "招聘活动场\u00ad次（次）"],
    ["a trailing ideographic space", "招聘活动场次（次）　"],
  ])("a look-alike name (%s) links the two values, and their difference is reported", (_name, name) => {
    const mismatches = checkText(indicators(name), { lang: "en" }).findings.filter((finding) => finding.rule === "indicator");
    expect(mismatches).toEqual([expect.objectContaining({ messageId: "mismatch", expected: "9", actual: "10", severity: "error" })]);
  });

  it("a different name is a different indicator", () => {
    expect(checkText(indicators("招聘活动人数（人）"), { lang: "en" }).findings.filter((finding) => finding.rule === "indicator")).toEqual([]);
  });

  it.each([
    ["full-width brackets", "政府办公厅（室）及相关机构事务"],
    ["half-width brackets", "政府办公厅(室)及相关机构事务"],
    ["a zero-width space", "政府办公厅（室）\u200b及相关机构事务"],
  ])("a code's official name written with %s is the official name", (_name, name) => {
    const text = declaration(`
      tables:
        - id: t
          title: 表
          lines: [{ code: "20103", name: "${name}", amount: 1 }]
    `);
    expect(checkText(text, { lang: "en" }).findings.filter((finding) => finding.rule === "code")).toEqual([]);
  });
});
