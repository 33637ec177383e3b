import { isAlias, isScalar, parseDocument, visit, type Alias } from "yaml";
import { describe, expect, it } from "vitest";
import { aliasTarget, expandedSize } from "../src/load/aliases.js";

function aliasesOf(text: string) {
  const doc = parseDocument(text);
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_key, node) => void aliases.push(node) });
  return { doc, aliases };
}

const bomb = (levels: number) =>
  Array.from(
    { length: levels },
    (_, level) => `l${level}: &l${level} [${Array.from({ length: 9 }, () => (level === 0 ? "x" : `*l${level - 1}`)).join(", ")}]`,
  ).join("\n");

describe("aliases", () => {
  it.each([
    ["the anchor before it", "a: &x 1\nb: *x", ["1"]],
    ["the last of two anchors with one name", "a: &x 1\nb: *x\nc: &x 2\nd: *x", ["1", "2"]],
    ["an anchor on a key", "? &k name\n: v\nb: *k", ["name"]],
    ["nothing, for an anchor defined after it", "a: *x\nb: &x 1", [undefined]],
  ])("an alias refers to %s", (_name, text, expected) => {
    const { doc, aliases } = aliasesOf(text);
    expect(aliases.map((alias) => aliasTarget(doc, alias)).map((node) => (isScalar(node) ? String(node.value) : node))).toEqual(expected);
  });

  it.each([
    ["no alias", "a: [1, 2, 3]", { nodes: 6 }],
    ["one alias, counted as what it expands to", "a: &x [1, 2]\nb: *x", { nodes: 9 }],
    [
      "a 4,000-line table reusing one anchored reason",
      `lines:\n${Array.from({ length: 4000 }, (_, index) => `  - { amount: 1, reason: ${index === 0 ? "&r 增加" : "*r"} }`).join("\n")}`,
      { nodes: 3 + 4000 * 5 },
    ],
    ["a nine-level bomb (9⁹ leaves), refused without expanding it", bomb(9), { refused: "too-large" }],
    ["a bomb of 40 levels, whose size is no longer a safe integer", bomb(40), { refused: "too-large" }],
    ["an alias inside its own anchor", "a: &x [1, *x]", { refused: "recursive" }],
  ])("%s", (_name, text, expected) => {
    expect(expandedSize(parseDocument(text), 2_000_000)).toEqual(expected);
  });

  it("are resolved from one walk of the document, however many there are", () => {
    const { doc, aliases } = aliasesOf(`a: &r 1\n${Array.from({ length: 3000 }, (_, index) => `k${index}: *r`).join("\n")}`);
    expect(aliases).toHaveLength(3000);
    // yaml's own resolve walks the document per alias; ours asks the document for nothing after the first.
    let walks = 0;
    const items = doc.contents as unknown as { items: unknown[] };
    const counted = new Proxy(items.items, {
      get(target, key, receiver) {
        if (key === Symbol.iterator || key === "length") walks += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(aliasTarget(doc, aliases[0]!)).toBeDefined();
    items.items = counted;
    for (const alias of aliases) expect(isAlias(alias) && aliasTarget(doc, alias)).toBeTruthy();
    expect(walks).toBe(0);
  });
});
