import { parseDocument, isMap } from "yaml";
import { describe, expect, it } from "vitest";
import { checkText } from "../src/check.js";
import { keyText } from "../src/load/yaml-tree.js";

describe("keyText: a key is read as written, by the schema, the locator and the model alike", () => {
  it.each([
    { written: "2023", text: "2023" },
    { written: '"2023"', text: "2023" },
    { written: "0x7E7", text: "0x7E7" },
    { written: "2023.0", text: "2023.0" },
    { written: "1e3", text: "1e3" },
    { written: "True", text: "True" },
    { written: "~", text: "~" },
    { written: "amount", text: "amount" },
  ])("$written", ({ written, text }) => {
    const map = parseDocument(`${written}: 1\n`).contents;
    expect(isMap(map) ? keyText(map.items[0]?.key) : undefined).toBe(text);
  });
});

describe("a year key the model could not read as written", () => {
  const head = "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\ntables:\n  - id: t\n    title: 表\n";
  it.each(["history: { 0x7E7: 3 }", "history: { 2023.0: 3 }"])("%s is refused where it is written", (history) => {
    const findings = checkText(`${head}    lines: [{ name: 甲, amount: 5, ${history} }]\n`, { lang: "en" }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ rule: "schema", messageId: "year-key", line: 7 }));
  });
});
