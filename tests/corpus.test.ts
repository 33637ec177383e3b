import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const corpus = new URL("../fixtures/corpus/", import.meta.url);
const folders = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

interface Expected {
  source: string;
  relations: { kind: string; text: string; stated: string | number; expected: string | number; verdict: "exact" | "rounding" | "discrepancy" }[];
}

/** The real-document corpus is data the tests rely on: each note must hold to its own source. */
describe("the corpus of real disclosures", () => {
  it("holds documents of many issuers", () => {
    expect(folders.length).toBeGreaterThanOrEqual(12);
  });

  it.each(folders)("%s: every relation's snippet is in the text as published", (folder) => {
    const source = readFileSync(new URL(`${folder}/source.txt`, corpus), "utf8");
    const expected = JSON.parse(readFileSync(new URL(`${folder}/relations.json`, corpus), "utf8")) as Expected;
    const readme = readFileSync(new URL(`${folder}/README.md`, corpus), "utf8");
    expect(readme).toContain(expected.source);
    expect(expected.source).toMatch(/^https?:\/\//);
    expect(expected.source).not.toContain("117.141.250.58");
    for (const relation of expected.relations ?? []) {
      expect(source, relation.text).toContain(relation.text);
      expect(["exact", "rounding", "discrepancy"]).toContain(relation.verdict);
    }
  });
});
