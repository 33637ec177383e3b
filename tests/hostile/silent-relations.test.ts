import { describe, expect, it } from "vitest";
import { checkText } from "../../src/run/check-text.js";
import { parseConfig } from "../../src/config/config.js";
import { declaration } from "../rule-tester.js";

/**
 * Relations a declaration states but the rules could skip in silence: each is checked or reported,
 * never passed with exit 0 and no word. (The rules' own tables hold the finer cases.)
 */
describe("no relation is switched off in silence", () => {
  it.each([
    {
      name: "a total with lines: []",
      body: "tables:\n  - id: t\n    title: 表\n    total: { amount: 9 }\n    lines: []\n",
      finding: { rule: "sum", messageId: "no-parts", line: 8 },
    },
    {
      name: "a part with no amount, the rest above the total",
      body: "tables:\n  - id: t\n    title: 表\n    total: { amount: 9.00 }\n    lines: [{ name: 甲, amount: 10.00 }, { name: 乙 }]\n",
      finding: { rule: "sum", messageId: "bound-below", line: 8, severity: "error" },
    },
    {
      name: "a part with no amount, the rest within the total",
      body: "tables:\n  - id: t\n    title: 表\n    total: { amount: 9.00 }\n    lines: [{ name: 甲, amount: 5.00 }, { name: 乙 }]\n",
      finding: { rule: "sum", messageId: "partial", line: 8, severity: "info" },
    },
    {
      name: "a shareOf whose whole states no amount",
      body: "tables:\n  - id: t\n    title: 表\n    lines: [{ id: w, name: 整体 }, { name: 甲, amount: 5, share: 50%, shareOf: t/w }]\n",
      finding: { rule: "share", messageId: "no-whole", line: 8 },
    },
    {
      name: "a shareOf whose whole is 0",
      body: "tables:\n  - id: t\n    title: 表\n    lines: [{ id: w, name: 整体, amount: 0 }, { name: 甲, amount: 5, share: 50%, shareOf: t/w }]\n",
      finding: { rule: "share", messageId: "zero-whole", line: 8, severity: "error" },
    },
    {
      name: "a statement restating a line with no amount",
      body: "tables:\n  - id: t\n    title: 表\n    lines: [{ id: a, name: 甲 }]\nstatements:\n  - text: 甲 5 万元。\n    figures: [{ restates: t/a, amount: 5 }]\n",
      finding: { rule: "statement", messageId: "line-without-amount", line: 11 },
    },
    {
      name: "a stated figure that neither restates a line nor says what it is",
      body: "statements:\n  - text: 甲 5 万元。\n    figures: [{ amount: 5 }]\n",
      finding: { rule: "schema", messageId: "figure-without-subject", line: 7, severity: "error" },
    },
    {
      name: "a restated line given a count, which is its table's",
      body: "tables:\n  - id: t\n    title: 表\n    total: { amount: 5 }\n    lines: [{ name: 甲, amount: 5 }]\nstatements:\n  - text: 合计 5 万元，共 1 项。\n    figures: [{ restates: t, amount: 5, count: 1 }]\n",
      finding: { rule: "schema", messageId: "restated-with-own", line: 12, severity: "error" },
    },
    {
      name: "a figure in 亿元 in a 万元 declaration, which its rounding cannot be read in",
      body: "statements:\n  - text: 总额 1.2 亿元。\n    figures: [{ name: 总额, amount: 1.2, unit: 亿元 }]\n",
      finding: { rule: "schema", messageId: "coarser-unit", line: 7, severity: "error" },
    },
    {
      name: "persons listed as parts of an amount of money",
      body: "statements:\n  - text: 人员经费 50 万元，其中在职 36 人。\n    figures: [{ name: 人员经费, amount: 50, parts: [{ name: 在职, count: 36, unit: 人 }] }]\n",
      finding: { rule: "schema", messageId: "unit-mix", line: 7, severity: "error" },
    },
    {
      name: "a figure with both a count and an amount",
      body: "statements:\n  - text: 车辆 3 辆，50 万元。\n    figures: [{ name: 车辆, count: 3, unit: 辆, amount: 50 }]\n",
      finding: { rule: "schema", messageId: "count-and-amount", line: 7, severity: "error" },
    },
    {
      name: "names listed with no count to check",
      body: "statements:\n  - text: 内设机构有办公室、财务科。\n    figures: [{ name: 内设机构, items: [办公室, 财务科] }]\n",
      finding: { rule: "schema", messageId: "items-without-count", line: 7, severity: "error" },
    },
    {
      name: "an amount in a column declared not printed",
      body: "tables:\n  - id: t\n    title: 表\n    columns: [{ id: all, name: 合计, sum: [b, p] }, { id: b, name: 基本 }, { id: p, name: 项目, printed: false }]\n    total: { amount: { all: 5, b: 4, p: 1 } }\n",
      finding: { rule: "schema", messageId: "unprinted-with-amount", line: 9, severity: "error" },
    },
    {
      name: "a table that takes the narrative's name",
      body: "tables:\n  - id: narrative\n    title: 表\n    total: { amount: 5 }\n    lines: [{ name: 甲, amount: 5 }]\nstatements:\n  - text: 收入 5 万元。\n    figures: [{ name: 收入, amount: 5 }]\n",
      finding: { rule: "schema", messageId: "reserved-id", line: 6, severity: "error" },
    },
    {
      name: "a table declared empty that also has data",
      body: "tables:\n  - id: t\n    title: 表\n    empty: { reason: 本年度无此项支出 }\n    total: { amount: 5 }\n",
      finding: { rule: "schema", messageId: "empty-with-data", line: 8, severity: "error" },
    },
    {
      name: "a column that is its own part",
      body: "tables:\n  - id: t\n    title: 表\n    columns: [{ id: all, name: 合计, sum: [all, b] }, { id: b, name: 基本 }]\n    total: { amount: { all: 5, b: 4 } }\n",
      finding: { rule: "schema", messageId: "sum-of-itself", line: 8, severity: "error" },
    },
    {
      name: "a history year written as a number and as a string",
      body: 'tables:\n  - id: t\n    title: 表\n    lines: [{ name: 甲, amount: 5, history: { 2023: 4, "2023": 3 } }]\n',
      finding: { rule: "schema", messageId: "duplicate-year", line: 8, severity: "error" },
    },
    {
      name: "an indicator year written twice",
      body: 'tables:\n  - id: t\n    title: 表\n    indicators: [{ name: 场次, values: { 2024: 9, "2024": 10 } }]\n',
      finding: { rule: "schema", messageId: "duplicate-year", line: 8, severity: "error" },
    },
    {
      // yaml compares 0x7E7 and 2023 as the same number: a duplicate key.
      name: "a history year in hexadecimal beside the same year in decimal",
      body: "tables:\n  - id: t\n    title: 表\n    lines: [{ name: 甲, amount: 5, history: { 2023: 4, 0x7E7: 3 } }]\n",
      finding: { rule: "yaml", line: 8, severity: "error" },
    },
    {
      name: "a sentence printing 388.6 for a figure of 388.5",
      body: "tables:\n  - id: t\n    title: 表\n    lines: [{ id: a, name: 甲, amount: 388.5 }]\nstatements:\n  - text: 甲 388.6 万元。\n    figures: [{ restates: t/a, amount: 388.5 }]\n",
      finding: { rule: "statement", messageId: "not-in-text", line: 11, severity: "error" },
    },
    {
      name: "a sentence whose only match is a year",
      body: "tables:\n  - id: t\n    title: 表\n    lines: [{ id: a, name: 甲, amount: 2025 }]\nstatements:\n  - text: 2025 年甲有所增加。\n    figures: [{ restates: t/a, amount: 2025 }]\n",
      finding: { rule: "statement", messageId: "not-in-text", line: 11, severity: "error" },
    },
  ])("$name", ({ body, finding }) => {
    const findings = checkText(declaration(body), { lang: "en" }).findings;
    expect(findings).toContainEqual(expect.objectContaining(finding));
  });

  it.each([
    ["equal and compare", "checks:\n  - id: two\n    equal: [t.amount, u.amount]\n    compare: { less: t.amount, more: u.amount }\n", "equal and compare"],
    [
      "sum and ratio",
      "checks:\n  - id: two\n    sum: { total: t.amount, parts: [u.amount] }\n    ratio: { percent: t.share, part: u.amount, whole: t.amount }\n",
      "sum and ratio",
    ],
  ])("a custom check with two relations (%s) is refused, not half checked", (_name, config, named) => {
    expect(() => parseConfig(config, "budget-rules.config.yaml", "en")).toThrow(named);
  });
});
