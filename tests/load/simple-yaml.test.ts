import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
// @ts-expect-error: the bench's generator is plain JavaScript
import { declaration as generated } from "../bench/generate.mjs";
import { parseSimpleYaml } from "../../src/load/simple-yaml.js";

/**
 * The simple reader may decline a text, never read it differently from yaml: every node's kind, value,
 * source, type, format and range, the document's range and the line starts must be the same.
 */
function shape(node: unknown): unknown {
  if (isMap(node) || isSeq(node)) {
    const items = (node.items as unknown[]).map((item) => (isPair(item) ? [shape(item.key), shape(item.value)] : shape(item)));
    return { kind: isMap(node) ? "map" : "seq", flow: node.flow ?? false, range: node.range, items };
  }
  if (isScalar(node)) {
    const value = typeof node.value === "number" && Number.isNaN(node.value) ? "NaN" : node.value;
    return { value, of: typeof node.value, source: node.source, type: node.type, format: node.format, digits: node.minFractionDigits, range: node.range };
  }
  return node;
}

type Outcome = "declined" | "same" | { yaml: object; simple: object };

function compare(text: string): Outcome {
  const simpleLines = new LineCounter();
  const simple = parseSimpleYaml(text, simpleLines);
  if (simple === undefined) return "declined";
  const yamlLines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: yamlLines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const expected = { range: doc.range, contents: shape(doc.contents), problems: doc.errors.length + doc.warnings.length, lines: yamlLines.lineStarts };
  const actual = { range: simple.range, contents: shape(simple.contents), problems: 0, lines: simpleLines.lineStarts };
  return JSON.stringify(expected) === JSON.stringify(actual) ? "same" : { yaml: expected, simple: actual };
}

/** Declined or the same; a difference shows as one, node by node. */
function expectParity(text: string): void {
  const outcome = compare(text);
  if (typeof outcome !== "string") expect({ text, ...outcome.simple }).toEqual({ text, ...outcome.yaml });
}

const tracked = execFileSync("git", ["ls-files", "*.yaml", "*.yml"], { cwd: new URL("../..", import.meta.url), encoding: "utf8" })
  .split("\n")
  .filter((path) => path !== "" && !path.startsWith("node_modules"));
const declaration = generated as (lines: number, seed: number) => string;
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const seed = read("fixtures/wuchang-2025.yaml");

describe("the simple YAML reader", () => {
  it.each(tracked)("reads %s as yaml does, or leaves it to yaml", (path) => {
    expectParity(read(path));
  });

  it("reads the seed, the bench's declarations and most committed declarations itself", () => {
    expect(compare(seed)).toBe("same");
    expect(compare(declaration(3000, 7))).toBe("same");
    const outcomes = tracked.map((path) => compare(read(path)));
    expect(outcomes.filter((outcome) => outcome === "same").length).toBeGreaterThan(tracked.length * 0.6);
  });

  // What it leaves to yaml, each for a reason yaml reads and reports better.
  it.each([
    ["an anchor and an alias", "a: &x 1\nb: *x\n"],
    ["a block scalar", "a: |\n  text\n"],
    ["a tab", "a:\t1\n"],
    ["CRLF line ends", "a: 1\r\nb: 2\r\n"],
    ["a byte-order mark", "\uFEFFa: 1\n"],
    ["a tag", "a: !!str 1\n"],
    ["a document marker", "---\na: 1\n"],
    ["a directive", "%YAML 1.1\n---\na: 010\n"],
    ["a plain scalar over two lines", "a: one\n  two\n"],
    ["a quoted scalar over two lines", 'a: "one\n  two"\n'],
    ["an escape", 'a: "\\u4e07"\n'],
    ["a repeated key", "a: 1\na: 2\n"],
    ["a repeated key in a row", "a: { b: 1, b: 2 }\n"],
    ["a comment where a nested block ends", "a:\n  b: 1\n  # note\nc: 2\n"],
    ["a comment after the last line", "a: 1\n# end\n"],
    ["a comment deeper than the line after it", "a: 1\n  # note\nb: 2\n"],
    ["a key and value run together", "a:1\n"],
    ["an explicit key", "? a\n: 1\n"],
    ["a list inside a list on one line", "- - a\n"],
    ["a trailing comma", "a: [1, 2, ]\n"],
    ["a mapping in a value", "a: b: c\n"],
    ["a bad indent", "a:\n  b: 1\n c: 2\n"],
    ["a list item after keys", "a: 1\n- b\n"],
    ["nothing", "# only a comment\n"],
    ["a dash alone in a flow row (yaml reads a block list there, and an error)", "a: [a, -]\n"],
    ["an empty item after a comment (yaml stretches its range back)", "- a\n# c\n-\n"],
    ["nesting deeper than 64", Array.from({ length: 70 }, (_, depth) => `${" ".repeat(depth)}a:`).join("\n")],
  ])("leaves %s to yaml", (_why, text) => {
    expect(compare(text)).toBe("declined");
  });

  // Pieces the reader must get exactly right, and pieces near the edge of what it reads.
  const piece = fc.constantFrom(
    "a",
    "b",
    "名称",
    "收入合计",
    "0",
    "7",
    "-3",
    "+4",
    "007",
    "1.50",
    "2.",
    ".5",
    "1e3",
    "0x1F",
    "0o17",
    ".inf",
    "-.Inf",
    ".nan",
    "null",
    "~",
    "true",
    "False",
    "yes",
    "1_000",
    "a:b",
    "a#b",
    "-a",
    "http://x",
    "'q''t'",
    "'s'",
    '"d"',
    '""',
    "''",
    "a b",
    "100％",
    "（一）",
  );
  const key = fc.constantFrom("a", "b", "c", "id", "name", "amount", "2023", "2024", '"k"', "'k'", "名称", "1.5", "null");
  const gap = fc.constantFrom("", " ", "  ", " # note", "  #note", "#x");
  const row = (depth: number): fc.Arbitrary<string> =>
    fc.oneof(
      fc.array(depth > 0 ? fc.oneof(piece, row(depth - 1)) : piece, { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
      fc
        .array(fc.tuple(key, depth > 0 ? fc.oneof(piece, row(depth - 1)) : piece), { maxLength: 4 })
        .map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(", ")} }`),
      fc.constantFrom("[]", "{}", "[a,b]", "{a: 1,b: 2}", "[ a , b ]", "{ a: 1 , b: 2 }", "[a, [b]]"),
    );
  const scalarOrRow = fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: row(1) });

  /** A block node as lines at `indent`: a map or a list of scalars, rows and nested blocks. */
  const block = (depth: number): fc.Arbitrary<(indent: number) => string[]> =>
    fc.oneof(
      fc
        .array(fc.tuple(key, depth > 0 ? fc.oneof(scalarOrRow, block(depth - 1), fc.constant(null)) : scalarOrRow, gap, fc.integer({ min: 1, max: 3 })), {
          minLength: 1,
          maxLength: 4,
        })
        .map(
          (entries) => (indent: number) =>
            entries.flatMap(([k, value, after, step]) => {
              const pad = " ".repeat(indent);
              if (value === null) return [`${pad}${k}:${after}`];
              if (typeof value === "string") return [`${pad}${k}: ${value}${after}`];
              return [`${pad}${k}:${after}`, ...value(indent + step)];
            }),
        ),
      fc
        .array(fc.tuple(depth > 0 ? fc.oneof(scalarOrRow, block(depth - 1)) : scalarOrRow, gap, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 4 })
        .map(
          (items) => (indent: number) =>
            items.flatMap(([value, after, step]) => {
              const pad = " ".repeat(indent);
              if (typeof value === "string") return [`${pad}- ${value}${after}`];
              const lines = value(indent + 1 + step);
              // The first line of a nested map sits on the dash's line, the rest under its key.
              const first = lines[0]!.trimStart();
              const compact = !first.startsWith("-") && step >= 1;
              return compact ? [`${pad}-${" ".repeat(step)}${first}`, ...lines.slice(1)] : [`${pad}-`, ...lines];
            }),
        ),
    );

  /** Blank and comment lines slipped in between, at random indents; the final newline kept or not. */
  const text = fc
    .tuple(block(3), fc.array(fc.tuple(fc.nat(), fc.constantFrom("", "   ", "# c", "  # c", "    # c")), { maxLength: 3 }), fc.boolean())
    .map(([build, extra, newline]) => {
      const lines = build(0);
      for (const [at, line] of extra) lines.splice(at % (lines.length + 1), 0, line);
      return lines.join("\n") + (newline ? "\n" : "");
    });

  it("reads generated declarations as yaml does, or leaves them to yaml", () => {
    let read = 0;
    fc.assert(
      fc.property(text, (source) => {
        const outcome = compare(source);
        if (outcome === "same") read += 1;
        expectParity(source);
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    // The generator must reach what the reader reads, or the comparison proves little.
    expect(read).toBeGreaterThan(400);
  });

  /** The seed, a window of its lines, with one small edit: a character, an indent, a line moved. */
  const seedLines = seed.split("\n");
  const edited = fc
    .tuple(
      fc.nat(seedLines.length - 1),
      fc.integer({ min: 2, max: 30 }),
      fc.nat(),
      fc.constantFrom(" ", "  ", ":", ": ", "#", " #", "-", "- ", "'", '"', "[", "]", "{", "}", ",", "\n", "\n  ", "", "x", "0", "."),
      fc.boolean(),
    )
    .map(([from, length, at, insert, remove]) => {
      const window = seedLines.slice(from, from + length).join("\n");
      const offset = at % (window.length + 1);
      return window.slice(0, offset) + insert + window.slice(offset + (remove ? 1 : 0));
    });

  it("reads the seed's lines, edited, as yaml does, or leaves them to yaml", () => {
    fc.assert(
      fc.property(edited, (source) => {
        expectParity(source);
      }),
      { numRuns: 3000, seed: 27 },
    );
  });
});
