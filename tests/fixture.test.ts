import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { checkText } from "../src/check.js";
import { childPointer } from "../src/load/json-pointer.js";
import { reportOf } from "../src/report/report.js";

const seedPath = new URL("../fixtures/wuchang-2025.yaml", import.meta.url);
const seed = readFileSync(seedPath, "utf8");

describe("the seed fixture (武昌区科技创新和人才服务中心 2025)", () => {
  it("reconciles, but for the two rounding residuals the document itself prints", () => {
    const { findings } = checkText(seed, { lang: "en" });
    expect(findings.map(({ rule, messageId, severity, path, expected, actual, difference, tolerance }) => ({ rule, messageId, severity, path, expected, actual, difference, tolerance }))).toEqual([
      // §四 prints 卫生健康支出 35.07; its 项 in §五(三) are 15.18 + 19.88 = 35.06.
      { rule: "sum", messageId: "rounding", severity: "info", path: "/tables/4/lines/2/lines/0/amount", expected: "35.06", actual: "35.07", difference: "0.01", tolerance: "0.015" },
      // §四 prints 住房保障支出 59.29; its 项 are 33.70 + 5.93 + 19.65 = 59.28.
      { rule: "sum", messageId: "rounding", severity: "info", path: "/tables/4/lines/3/lines/0/amount", expected: "59.28", actual: "59.29", difference: "0.01", tolerance: "0.02" },
    ]);
  });

  it("the JSON report matches its published schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object);
    const report = reportOf([checkText(seed, { file: "fixtures/wuchang-2025.yaml" })]);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });

  /**
   * Every figure that takes part in a relation the foundation rules check, with the figures that
   * only cross-table rules relate left out, each with the reason.
   */
  const crossTableOnly: [RegExp, string][] = [
    [/^\/tables\/11\/projects\//, "表11 (t11)'s project list equals 表10's: a cross-table relation"],
    [/\/projects\/\d+\/(budget|history)/, "a project's total and earlier budgets relate only across tables"],
    [/^\/tables\/14\/total\/change$/, "政府采购 (procurement)'s change has no prior or rate beside it"],
  ];

  const figures: { path: string; offset: [number, number]; text: string; percent: boolean }[] = [];
  const doc = parseDocument(seed);
  const collect = (node: unknown, path: string, inFigure: boolean) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const figureKey = ["amount", "prior", "change", "growth", "share", "history"].includes(key);
        collect(pair.value, childPointer(path, key), inFigure || figureKey);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => collect(item, childPointer(path, index), inFigure));
    } else if (isScalar(node) && inFigure && node.range && !/indicators|goals/.test(path)) {
      const text = (node as Node & { source?: string }).source ?? String(node.value);
      figures.push({ path, offset: [node.range[0], node.range[1]], text, percent: text.includes("%") });
    }
  };
  collect(doc.contents, "", false);
  const related = figures.filter(({ path }) => !crossTableOnly.some(([pattern]) => pattern.test(path)));

  it("has every kind of figure to perturb", () => {
    expect(related.length).toBeGreaterThan(120);
  });

  it.each(related.map((figure) => [figure.path, figure] as const))("%s changed by 1.00 (or 0.10 points) is an error at its relation", (_path, figure) => {
    const changed = figure.percent
      ? `${(Number.parseFloat(figure.text) * 100 + 10) / 100}%`.replace(/^(-?\d+\.\d{1,3})\d*%$/, "$1%")
      : `${(Math.round(Number.parseFloat(figure.text) * 100) + 100) / 100}`;
    const text = seed.slice(0, figure.offset[0]) + changed + seed.slice(figure.offset[1]);
    const line = seed.slice(0, figure.offset[0]).split("\n").length;
    const errors = checkText(text).findings.filter((finding) => finding.severity === "error");
    expect(errors.length, `changing ${figure.text} to ${changed}`).toBeGreaterThan(0);
    expect(errors.some((finding) => finding.line === line || finding.related?.some((place) => place.line === line))).toBe(true);
  });
});
