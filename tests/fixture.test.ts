import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { checkText } from "../src/run/check-text.js";
import type { Finding } from "../src/finding.js";
import { childPointer } from "../src/load/json-pointer.js";
import { reportOf } from "../src/report/report.js";

const seedPath = new URL("../fixtures/wuchang-2025.yaml", import.meta.url);
const seed = readFileSync(seedPath, "utf8");
const keyOf = (finding: Finding) => `${finding.rule} ${finding.path} ${finding.message}`;
const baseline = new Set(checkText(seed).findings.map(keyOf));

describe("the seed fixture (武昌区科技创新和人才服务中心 2025)", () => {
  it("gives the findings the document really has, and no others", () => {
    const { findings } = checkText(seed, { lang: "en" });
    expect(findings.map(({ rule, messageId, severity, path }) => `${severity} ${rule}/${messageId} ${path}`)).toEqual([
      // The published name of 20103 and 2010399 drops the official （室）.
      "warning code/name /tables/4/lines/0/lines/0/name",
      "warning code/name /tables/4/lines/0/lines/0/lines/1/name",
      // §四 prints 卫生健康支出 35.07 and 住房保障支出 59.29; their 项 in §五(三) add up to 35.06 and 59.28.
      "info sum/sum-rounding /tables/4/lines/2/lines/0/amount",
      "info sum/sum-rounding /tables/4/lines/3/lines/0/amount",
      // 招聘活动场次 last year: 9 in 表11, 10 in 表12-1.
      "error indicator/mismatch /tables/12/indicators/13/values/2024",
      // The two projects' 2023 budgets (950 + 750) exceed the whole department's 2023 total, 1435.1.
      "warning bound/bound-above /tables/13/projects/0/history/2023",
      // §五(一)'s 825.04 − 353.85 = 471.19 against its 项's priors (amount − change), which add to 471.20.
      "info prior-year/equal-rounding /statements/4/figures/0/change",
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
    const errors = checkText(text).findings.filter((finding) => finding.severity === "error" && !baseline.has(keyOf(finding)));
    expect(errors.length, `changing ${figure.text} to ${changed}`).toBeGreaterThan(0);
    expect(errors.some((finding) => finding.line === line || finding.related?.some((place) => place.line === line))).toBe(true);
  });
});

describe("every relation the seed prints is checked by some rule", () => {
  /** Figures whose change no rule can see, each with the reason. */
  const unrelated: [RegExp, string][] = [
    [/^\/tables\/14\/total\/change$/, "政府采购's change has no prior or rate beside it"],
    [/\/projects\/\d+\/history\/2024$/, "2024's project budgets are far below that year's total: a bound a change of 1 cannot cross"],
    [/\/indicators\/\d+\/(target|values\/\d+)$/, "an indicator value no other table repeats"],
  ];
  const doc = parseDocument(seed);
  const numbers: { path: string; offset: [number, number]; text: string }[] = [];
  const collect = (node: unknown, path: string) => {
    if (isMap(node)) for (const pair of node.items) collect(pair.value, childPointer(path, isScalar(pair.key) ? String(pair.key.value) : ""));
    else if (isSeq(node)) node.items.forEach((item, index) => collect(item, childPointer(path, index)));
    else if (
      isScalar(node) &&
      node.range &&
      typeof node.value === "number" &&
      /\/(amount|budget|prior|change|history|values|target)\b/.test(path) &&
      !/(year|Year|precision|version)$/.test(path)
    ) {
      numbers.push({ path, offset: [node.range[0], node.range[1]], text: (node as Node & { source?: string }).source ?? String(node.value) });
    }
  };
  collect(doc.contents, "");
  const repeatedIndicator = (path: string) => {
    const match = /^(\/tables\/\d+\/indicators\/\d+)\//.exec(path);
    if (!match) return false;
    const id = doc.getIn(
      `${match[1]}/id`
        .split("/")
        .slice(1)
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)),
    ) as string | undefined;
    return id !== undefined && (seed.match(new RegExp(`id: ${id},`, "g")) ?? []).length > 1;
  };
  const related = numbers.filter(({ path }) => repeatedIndicator(path) || !unrelated.some(([pattern]) => pattern.test(path)));

  it.each(related.map((figure) => [figure.path, figure] as const))("%s changed by 1 changes the report", (_path, figure) => {
    const changed = String(Number.parseFloat(figure.text) + 1);
    const text = seed.slice(0, figure.offset[0]) + changed + seed.slice(figure.offset[1]);
    const after = new Set(checkText(text).findings.map(keyOf));
    const fresh = [...after].filter((key) => !baseline.has(key));
    const gone = [...baseline].filter((key) => !after.has(key));
    expect(fresh.length + gone.length, `changing ${figure.text} to ${changed}`).toBeGreaterThan(0);
  });
});
