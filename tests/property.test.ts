import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument, stringify } from "yaml";
import { checkText } from "../src/run/check-text.js";

/**
 * Random declarations that are consistent by construction: amounts rounded to 2 decimals, parents the
 * exact sum of their children, shares and growth rates computed exactly and rounded half-up at a random
 * number of decimals, statements restating random lines. The check must find no error in them, and an
 * error at (or related to) any single figure pushed beyond its tolerance.
 */

interface LineShape {
  cents: number;
  children: LineShape[];
  change?: number;
  growthDecimals: number;
  shareDecimals: number;
}

const leaf: fc.Arbitrary<LineShape> = fc.record({
  cents: fc.integer({ min: 10_000, max: 100_000_000 }),
  children: fc.constant([]),
  change: fc.option(fc.integer({ min: -5_000, max: 50_000_000 }), { nil: undefined }),
  growthDecimals: fc.integer({ min: 0, max: 3 }),
  shareDecimals: fc.integer({ min: 0, max: 3 }),
});

const tree: fc.Arbitrary<LineShape[]> = fc.letrec<{ line: LineShape; lines: LineShape[] }>((tie) => ({
  line: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc
      .record({ children: tie("lines"), growthDecimals: fc.integer({ min: 0, max: 3 }), shareDecimals: fc.integer({ min: 0, max: 3 }) })
      .map((shape) => ({ ...shape, cents: 0 })),
  ),
  lines: fc.array(tie("line"), { minLength: 1, maxLength: 4 }),
})).lines;

const money = (cents: Decimal) => cents.div(100).toFixed(2);
const rounded = (value: Decimal, decimals: number) => `${value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals)}%`;

/** A figure and how far it must move to leave its tolerance (in its own unit). */
interface Built {
  text: string;
  figures: { path: (string | number)[]; beyond: Decimal; decimals: number }[];
}

/** How far part ÷ whole (in percent) can move within the printed figures' rounding, plus 2 units of the rate. */
function ratioReach(part: Decimal, partHalf: Decimal, whole: Decimal, wholeHalf: Decimal, decimals: number): Decimal {
  const high = part.abs().plus(partHalf).div(whole.minus(wholeHalf));
  const low = part.abs().minus(partHalf).div(whole.plus(wholeHalf));
  return high.minus(low).times(100).plus(new Decimal(10).pow(-decimals).times(2));
}

function build(shapes: LineShape[], restated: number[]): Built {
  const figures: Built["figures"] = [];
  const totalOf = (shape: LineShape): Decimal =>
    shape.children.length === 0 ? new Decimal(shape.cents) : shape.children.reduce((sum, child) => sum.plus(totalOf(child)), new Decimal(0));
  const total = shapes.reduce((sum, shape) => sum.plus(totalOf(shape)), new Decimal(0));
  let counter = 0;
  const flat: { line: Record<string, unknown>; path: (string | number)[] }[] = [];
  const toLine = (shape: LineShape, path: (string | number)[], topLevel: boolean): Record<string, unknown> => {
    counter += 1;
    const cents = totalOf(shape);
    const line: Record<string, unknown> = { id: `l${counter}`, name: `行${counter}`, amount: money(cents) };
    figures.push({ path: [...path, "amount"], beyond: new Decimal(1), decimals: 2 });
    if (shape.children.length === 0 && shape.change !== undefined && cents.minus(shape.change).gte(10_000)) {
      const change = new Decimal(shape.change);
      const prior = cents.minus(change);
      line.change = money(change);
      line.growth = rounded(change.div(prior).times(100), shape.growthDecimals);
      line.reason = "测试";
      const change100 = change.div(100);
      const prior100 = prior.div(100);
      const reach = ratioReach(change100, new Decimal(0.005), prior100, new Decimal(0.01), shape.growthDecimals);
      // Moving the change by prior × reach moves the rate by at least reach.
      figures.push(
        { path: [...path, "growth"], beyond: reach, decimals: shape.growthDecimals },
        { path: [...path, "change"], beyond: prior100.times(reach).div(100).plus(0.01), decimals: 2 },
      );
    }
    if (topLevel) {
      line.share = rounded(cents.div(total).times(100), shape.shareDecimals);
      figures.push({
        path: [...path, "share"],
        beyond: ratioReach(cents.div(100), new Decimal(0.005), total.div(100), new Decimal(0.005), shape.shareDecimals),
        decimals: shape.shareDecimals,
      });
    }
    flat.push({ line, path });
    if (shape.children.length > 0) line.lines = shape.children.map((child, index) => toLine(child, [...path, "lines", index], false));
    return line;
  };
  const lines = shapes.map((shape, index) => toLine(shape, ["tables", 0, "lines", index], true));
  figures.push({ path: ["tables", 0, "total", "amount"], beyond: new Decimal(1), decimals: 2 });
  const statements = [...new Set(restated.map((pick) => pick % flat.length))].map((index) => {
    const line: Record<string, unknown> = flat[index]?.line ?? {};
    const change = line.change === undefined ? undefined : new Decimal(line.change as string);
    const words =
      change === undefined
        ? ""
        : `，比上年${change.isNegative() ? "减少" : "增加"} ${change.abs().toFixed(2)} 万元，${change.isNegative() ? "下降" : "增长"} ${String(line.growth).replace("-", "")}`;
    const figure: Record<string, unknown> = { restates: `t/${String(line.id)}`, amount: line.amount };
    if (change !== undefined) Object.assign(figure, { change: line.change, growth: line.growth });
    return { text: `${String(line.name)} ${String(line.amount)} 万元${words}。`, figures: [figure] };
  });
  const declaration = {
    version: 1,
    department: { name: "随机部门", year: 2025 },
    unit: "万元",
    precision: 2,
    tables: [{ id: "t", title: "随机表", total: { amount: money(total) }, lines }],
    ...(statements.length > 0 ? { statements } : {}),
  };
  return { text: stringify(declaration), figures };
}

const declarations = fc.tuple(tree, fc.array(fc.nat(), { maxLength: 3 })).map(([shapes, restated]) => build(shapes, restated));

function lineOf(text: string, path: (string | number)[]): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
  return lineCounter.linePos(node?.range?.[0] ?? 0).line;
}

describe("property: consistent declarations pass, perturbed ones fail where they were perturbed", () => {
  it("a consistent declaration has no error", () => {
    fc.assert(
      fc.property(declarations, ({ text }) => {
        const errors = checkText(text).findings.filter((finding) => finding.severity === "error");
        expect(errors, text).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("one figure pushed beyond its tolerance is an error at that figure or its relation", () => {
    fc.assert(
      fc.property(declarations, fc.nat(), ({ text, figures }, pick) => {
        const figure = figures[pick % figures.length];
        if (!figure) return;
        const doc = parseDocument(text);
        const value = String(doc.getIn(figure.path));
        const percent = value.endsWith("%");
        const moved = new Decimal(value.replace(/%$/, "")).plus(figure.beyond).toDecimalPlaces(figure.decimals, Decimal.ROUND_UP).toFixed(figure.decimals);
        const perturbed = percent ? `${moved}%` : moved;
        // A change moved past its amount would make the prior negative: not a budget.
        fc.pre(!figure.path.includes("change") || new Decimal(String(doc.getIn([...figure.path.slice(0, -1), "amount"]))).minus(moved).gt(1));
        doc.setIn(figure.path, perturbed);
        const changed = doc.toString();
        const line = lineOf(changed, figure.path);
        const errors = checkText(changed).findings.filter((finding) => finding.severity === "error");
        expect(
          errors.some((finding) => finding.line === line || finding.related?.some((place) => place.line === line)),
          `${figure.path.join("/")}: ${value} → ${perturbed}\n${changed}`,
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
