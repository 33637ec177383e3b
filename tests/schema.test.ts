import { describe, expect, it } from "vitest";
import { checkText } from "../src/run/check-text.js";
import { declaration } from "./rule-tester.js";

function findings(text: string) {
  return checkText(text, { lang: "en" }).findings.map(({ rule, messageId, line, column, message }) => ({ rule, messageId, line, column, message }));
}

describe("malformed declarations", () => {
  it.each([
    {
      name: "a YAML syntax error",
      text: "version: 1\ndepartment: { name: 甲, year: 2025\nunit: 万元\n",
      expected: { rule: "yaml", messageId: "syntax", line: 3 },
    },
    {
      name: "a duplicate key",
      text: "version: 1\nunit: 万元\nunit: 元\n",
      expected: { rule: "yaml", messageId: "syntax", line: 3, column: 1 },
    },
    {
      name: "two documents in one file",
      text: `${declaration("tables: []")}---\nversion: 1\n`,
      expected: { rule: "yaml", messageId: "syntax", line: 6 },
    },
  ])("$name is a yaml finding at its line", ({ text, expected }) => {
    expect(findings(text)).toContainEqual(expect.objectContaining(expected));
  });

  it("an unknown key is reported at the key, with the key it probably meant", () => {
    const result = findings(
      declaration(`
      tables:
        - id: t
          title: 表
          lines:
            - { name: 甲, ammount: 5 }
    `),
    );
    expect(result).toContainEqual(expect.objectContaining({ rule: "schema", messageId: "unknown-key-suggest", line: 9, column: 20 }));
    expect(result.find((finding) => finding.messageId === "unknown-key-suggest")?.message).toContain("“amount”");
  });

  it("a missing required key is reported at the object that lacks it", () => {
    const result = findings(
      declaration(`
      tables:
        - id: t
          lines: []
    `),
    );
    expect(result).toContainEqual(expect.objectContaining({ rule: "schema", messageId: "missing-key", line: 6 }));
    expect(result.find((finding) => finding.messageId === "missing-key")?.message).toContain("“title”");
  });

  it.each([
    { value: "825.04万元", messageId: "amount-slip" },
    { value: "1,234.5", messageId: "amount-slip" },
    { value: "８２５.０４", messageId: "amount-slip" },
    { value: "-5", messageId: "amount" },
    { value: "0x1F", messageId: "amount" },
    { value: "1e999", messageId: "amount" },
    { value: ".nan", messageId: "amount" },
    { value: "[1, 2]", messageId: "amount" },
  ])("amount $value is one finding that says how to write an amount", ({ value, messageId }) => {
    const result = findings(
      declaration(`
      tables:
        - id: t
          title: 表
          lines:
            - name: 甲
              amount: ${value}
    `),
    ).filter((finding) => finding.rule === "schema" && finding.messageId !== "not-checked");
    expect(result).toEqual([expect.objectContaining({ messageId, line: 10, column: 17 })]);
    // A slip says how to write it; any other bad amount shows the form, 825.04.
    expect(result[0]?.message).toContain(value === "1,234.5" ? "1234.5" : "825.04");
  });

  it.each([
    ["45.26", "percent-slip"],
    ["百分之五", "percent"],
    ["12.3.4%", "percent"],
  ])("percentage %s says how to write a percentage", (value, messageId) => {
    const result = findings(
      declaration(`
      tables:
        - id: t
          title: 表
          lines:
            - { name: 甲, amount: 1, share: "${value}" }
    `),
    ).filter((finding) => finding.rule === "schema" && finding.messageId !== "not-checked");
    expect(result).toEqual([expect.objectContaining({ messageId, line: 9 })]);
  });

  it("a wrong type says what was expected", () => {
    const result = findings(
      declaration(`
      tables:
        id: t
    `),
    );
    expect(result).toContainEqual(expect.objectContaining({ messageId: "type", line: 6 }));
    expect(result.find((finding) => finding.messageId === "type")?.message).toContain("a list");
  });

  it("the rules do not run on a declaration that does not match the schema, and say so", () => {
    const result = findings(
      declaration(`
      tables:
        - { id: t, title: 表, total: { amount: 5 }, lines: [{ name: 甲, amount: 1 }], colour: red }
    `),
    );
    expect(result.map((finding) => finding.messageId)).toEqual(["not-checked", "unknown-key"]);
  });

  it("an empty file and a file of comments are findings, not crashes", () => {
    expect(findings("")).toContainEqual(expect.objectContaining({ rule: "schema", messageId: "type", line: 1 }));
    expect(findings("# nothing here\n")).toContainEqual(expect.objectContaining({ rule: "schema" }));
  });

  it.each([
    ["128.8", 0, "128.8 has 1 decimal, more than the declared precision of 0"],
    ["825.045", 2, "825.045 has 3 decimals, more than the declared precision of 2"],
  ])("%s at precision %d says how many decimals it has", (amount, precision, message) => {
    const text = [
      "version: 1",
      "department: { year: 2025 }",
      "unit: 万元",
      `precision: ${precision}`,
      `tables: [{ id: t, title: 表, lines: [{ name: 甲, amount: ${amount} }] }]`,
    ];
    const result = findings(text.join("\n"));
    expect(result.find((finding) => finding.messageId === "too-precise")?.message).toMatch(new RegExp(`^${message.replace(/[.]/g, "\\.")}`));
  });

  it("an amount for a column the table does not declare", () => {
    const result = findings(
      declaration(`
      tables:
        - id: t
          title: 表
          columns: [{ id: total, name: 合计 }]
          lines:
            - { name: 甲, amount: { total: 1, other: 2 } }
    `),
    );
    expect(result).toContainEqual(expect.objectContaining({ rule: "schema", messageId: "unknown-column", line: 10 }));
  });

  it("a key __proto__ is data, not a prototype", () => {
    findings(
      declaration(`
      tables:
        - id: t
          title: 表
          __proto__: { polluted: true }
    `),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the YAML stage", () => {
  it("refuses an alias bomb with a finding instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const result = findings(`${levels.join("\n")}\n`);
    expect(result).toEqual([expect.objectContaining({ rule: "yaml", messageId: "alias-expansion", line: 1 })]);
  });
});

describe("the JSON Schema", () => {
  it("gives every property a title and a description in Chinese and English", async () => {
    const { readFileSync } = await import("node:fs");
    const schema = JSON.parse(readFileSync(new URL("../schemas/budget.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const definitions = schema.definitions as Record<string, Record<string, unknown>>;
    const untitled: string[] = [];
    const visit = (node: Record<string, unknown>, where: string) => {
      for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const target = typeof property.$ref === "string" ? { ...definitions[property.$ref.replace("#/definitions/", "")], ...property } : property;
        const bilingual = (text: unknown) => typeof text === "string" && /[\u4e00-\u9fff]/.test(text) && /\/ [A-Za-z"“]/.test(text);
        if (!bilingual(target.title) || !bilingual(target.description)) untitled.push(`${where}.${key}`);
      }
    };
    visit(schema, "(root)");
    for (const [name, definition] of Object.entries(definitions)) visit(definition, name);
    expect(untitled).toEqual([]);
  });
});
