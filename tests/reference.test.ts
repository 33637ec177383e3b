import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFigureReference, parseReference } from "../src/model/reference.js";

describe("parseReference: table[/line][:column]", () => {
  it.each([
    { text: "t5-1", parts: { table: "t5-1" } },
    { text: "t5-1/2010350", parts: { table: "t5-1", line: "2010350" } },
    { text: "t5-1:basic", parts: { table: "t5-1", column: "basic" } },
    { text: "t5-1/2010350:basic", parts: { table: "t5-1", line: "2010350", column: "basic" } },
    { text: "t/a/b", parts: { table: "t", line: "a/b" } },
    { text: "t/a.amount", parts: { table: "t", line: "a.amount" } },
    { text: "t:a.b", parts: { table: "t", column: "a.b" } },
    { text: "t:a:b", parts: { table: "t", column: "a:b" } },
    { text: "表5-1/项目:基本", parts: { table: "表5-1", line: "项目", column: "基本" } },
  ])("$text", ({ text, parts }) => {
    expect(parseReference(text)).toStrictEqual(parts);
  });

  it.each(["", "/a", ":b", "t/", "t:", "t/:b", "/"])("%j is not a reference", (text) => {
    expect(parseReference(text)).toBeUndefined();
  });
});

describe("parseFigureReference: table[/line][:column].field[.year]", () => {
  it.each([
    { text: "t5-1.amount", parts: { table: "t5-1", field: "amount" } },
    { text: "t5-1/2010350.amount", parts: { table: "t5-1", line: "2010350", field: "amount" } },
    { text: "t5-1/2010350:basic.amount", parts: { table: "t5-1", line: "2010350", column: "basic", field: "amount" } },
    { text: "t6:personnel.prior", parts: { table: "t6", column: "personnel", field: "prior" } },
    { text: "t11/income.history.2023", parts: { table: "t11", line: "income", field: "history", year: 2023 } },
    { text: "t/a.b.share", parts: { table: "t", line: "a.b", field: "share" } },
    { text: "t/a.amount.amount", parts: { table: "t", line: "a.amount", field: "amount" } },
    { text: "t.x/a.growth", parts: { table: "t.x", line: "a", field: "growth" } },
    { text: "t.change.2024", parts: { table: "t", field: "change", year: 2024 } },
  ])("$text", ({ text, parts }) => {
    expect(parseFigureReference(text)).toStrictEqual(parts);
  });

  it.each([
    "t5-1",
    "t5-1/2010350:basic",
    "t.total",
    "t.amount.",
    "t.history.20231",
    "t.history.202",
    ".amount",
    "t/.amount",
    "t:.amount",
    // A column holding a dot is refused, as the config has always read it.
    "t:a.b.amount",
  ])("%j is not a figure reference", (text) => {
    expect(parseFigureReference(text)).toBeUndefined();
  });

  // The grammar the config used before this parser; both must read every text alike.
  const configGrammar = /^([^/:]+)(?:\/([^:]+?))?(?::([^.]+))?\.(amount|prior|change|growth|share|history)(?:\.(\d{4}))?$/;
  it("reads every text as the config's own grammar did", () => {
    const piece = fc.constantFrom("t", "a", "1", "2023", ".", "/", ":", "amount", "history", "share", "-");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join("");
        const match = configGrammar.exec(text);
        const expected = match
          ? {
              table: match[1],
              ...(match[2] === undefined ? {} : { line: match[2] }),
              ...(match[3] === undefined ? {} : { column: match[3] }),
              field: match[4],
              ...(match[5] === undefined ? {} : { year: Number(match[5]) }),
            }
          : undefined;
        expect(parseFigureReference(text)).toStrictEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
