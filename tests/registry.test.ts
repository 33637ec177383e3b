import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules } from "../src/rules/index.js";

const testsFolder = new URL("./rules/", import.meta.url);
const sources = [
  new URL("../src/rules/", import.meta.url),
  new URL("../src/schema/", import.meta.url),
  new URL("../src/load/", import.meta.url),
  new URL("../src/read/text/", import.meta.url),
  new URL("../src/", import.meta.url),
]
  .flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => readFileSync(new URL(name, folder), "utf8")),
  )
  .join("\n")
  // The schema marks the formats whose messages explain them: "$comment": "budget-rules format: amount".
  .concat(
    ["budget.schema.json", "config.schema.json"]
      .map((name) => readFileSync(new URL(`../schemas/${name}`, import.meta.url), "utf8"))
      .join("\n")
      .replace(/budget-rules format: ([\w-]+)/g, '"$1"'),
  );

describe("the rule registry", () => {
  it("is sorted by id, each id once", () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))("%s describes itself in both languages", (_id, rule) => {
    for (const text of [rule.meta.description, rule.meta.docs, ...Object.values(rule.meta.messages).map((message) => message.text)]) {
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      // English prose may quote Chinese terms, but not Chinese sentences.
      expect(text.en).toMatch(/[A-Za-z]{3,}/);
      expect(text.en).not.toMatch(/[，。；：]/);
      const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(text.en)).toEqual(placeholders(text.zh));
    }
  });

  it.each(rules.filter((rule) => rule.check).map((rule) => [rule.id] as const))("%s has its table of passing and failing cases", (id) => {
    expect(existsSync(new URL(`${id}.test.ts`, testsFolder))).toBe(true);
  });

  it.each(rules.flatMap((rule) => Object.keys(rule.meta.messages).map((messageId) => [rule.id, messageId] as const)))(
    "%s reports its message %s somewhere",
    (_id, messageId) => {
      expect(sources).toMatch(new RegExp(`["']${messageId}["']`));
    },
  );
});

describe("the config schema", () => {
  it("lets a config set the severity of every rule that checks, and only those (npm run generate writes the list)", () => {
    const url = new URL("../schemas/config.schema.json", import.meta.url);
    const text = readFileSync(url, "utf8");
    const ids = rules.filter((rule) => rule.check).map((rule) => rule.id);
    const schema = JSON.parse(text) as { properties: { rules: { propertyNames: { enum: string[] } } } };
    if (process.env.UPDATE_GENERATED) {
      // The one line of the list, replaced in place so that the file keeps its layout.
      writeFileSync(url, text.replace(/("propertyNames": \{\s*"enum": )\[[^\]]*\]/, `$1${JSON.stringify(ids).replace(/,/g, ", ")}`));
      schema.properties.rules.propertyNames.enum = ids;
    }
    expect(schema.properties.rules.propertyNames.enum).toEqual(ids);
  });
});
