import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";

const head = "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\n";
const table = (line: string) => `${head}tables:\n  - id: t\n    title: 表\n    lines: [${line}]\n`;

/** Messages that once misled: each says what is wrong with what was written, in the user's terms. */
describe("messages say what was written", () => {
  it.each([
    [
      "a 309-digit amount (a double's Infinity)",
      table(`{ name: 甲, amount: ${"9".repeat(309)} }`),
      "The amount has 309 significant digits, more than the limit of 40",
    ],
    [
      "an 80-digit amount (exponent form in a double)",
      table(`{ name: 甲, amount: ${"1".repeat(80)} }`),
      "The amount has 80 significant digits, more than the limit of 40",
    ],
    ["a 41-digit quoted amount", table(`{ name: 甲, amount: "${"2".repeat(39)}.25" }`), "The amount has 41 significant digits"],
    ["version: '1'", head.replace("version: 1", "version: '1'") + "tables: []\n", 'Expected the number 1, found the text "1": remove the quotes'],
    ["a full-width code", table('{ code: "２０１", name: 甲, amount: 1 }'), "Write ２０１ as 201: a classification code is half-width digits only"],
    ["a full-width amount", table('{ name: 甲, amount: "１２" }'), "Write １２ as 12: an amount is digits only"],
    [
      "a %YAML 1.1 directive (010 would read as 10 or 8)",
      `%YAML 1.1\n---\n${table("{ name: 甲, amount: 010 }")}`,
      "Declarations are read as YAML 1.2; the %YAML 1.1 directive",
    ],
  ])("%s", (_name, text, message) => {
    const messages = checkText(text, { lang: "en" }).findings.map((finding) => finding.message);
    expect(messages.join("\n")).toContain(message);
    expect(messages.join("\n")).not.toMatch(/Infinity|e\+\d|found 1$/m);
  });

  it.each([
    ["a 40-digit amount", table(`{ name: 甲, amount: "${"1".repeat(38)}.25" }`)],
    ["a %YAML 1.2 directive", `%YAML 1.2\n---\n${table("{ name: 甲, amount: 10 }")}`],
  ])("%s is read as written", (_name, text) => {
    expect(checkText(text, { lang: "en" }).findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });
});

describe("percentages are shown as printed and differ in points", () => {
  const share = table("{ id: a, name: 甲, amount: 375.01, share: 18.76% }, { name: 乙, amount: 1624.99 }").replace(
    "    lines:",
    "    total: { amount: 2000.00 }\n    lines:",
  );
  const growth = table("{ name: 甲, amount: 106.90, change: 6.90, growth: 6.50% }");
  const sign = table("{ name: 甲, amount: 106.90, change: 6.90, growth: -6.90% }");
  it.each([
    ["a share, in Chinese", share, "zh", ["应为 18.75%（375.01 ÷ 2000 = 18.7505%），实为 18.76%，差 0.01 个百分点"]],
    ["a share, in English", share, "en", ["should be 18.75% (375.01 ÷ 2000 = 18.7505%) but is 18.76%: off by 0.01 percentage points"]],
    [
      "a growth rate, its figures as printed",
      growth,
      "en",
      ["should be 6.90% (change 6.90 ÷ prior 100.00 = 6.9%) but is 6.50%: off by -0.4 percentage points"],
    ],
    ["a growth rate against the sign of its change", sign, "en", ["-6.90% has the opposite sign to the change 6.90"]],
  ] as const)("%s", (_name, text, lang, fragments) => {
    const findings = checkText(text, { lang }).findings.filter((finding) => finding.severity === "error");
    expect(findings).toHaveLength(1);
    for (const fragment of fragments) expect(findings[0]?.message).toContain(fragment);
  });
});
