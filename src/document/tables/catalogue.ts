import { matchWords } from "./grid.js";

/**
 * The official tables of a department's budget (and final account) disclosure, as data: one entry a
 * template, with the words its printed title is matched by. A province's variant is one more alias or
 * entry here, and its example in tests/document/tables/catalogue.test.ts (docs/tables.md).
 */
export interface TableTemplate {
  /** The declaration's `kind` (docs/format.md, Tables). */
  kind: TableKind;
  /** The national template's name. */
  name: string;
  /** Titles as printed, after normalising (no 表N, spaces, punctuation, 部门/单位, 预算/决算): any one matches. */
  titles: readonly RegExp[];
  /** How its rows are read: by classification code, as two sides (收入 | 支出), as one row of columns, as named lines. */
  shape: "coded" | "two-sided" | "columns-row" | "named" | "projects" | "performance";
}

export type TableKind =
  | "summary"
  | "income"
  | "expenditure"
  | "appropriation"
  | "general-by-function"
  | "general-by-unit"
  | "general-basic"
  | "three-public"
  | "government-fund"
  | "state-capital"
  | "projects"
  | "performance-overall"
  | "performance-project"
  | "procurement"
  | "purchased-services";

/** Earlier entries win: 财政拨款收支总表 before 收支总表, 基本支出表 before 支出表. */
export const catalogue: readonly TableTemplate[] = [
  { kind: "appropriation", name: "财政拨款收支总表", shape: "two-sided", titles: [/^财政拨款收支总表$/, /^财政拨款收入支出总表$/] },
  { kind: "summary", name: "部门收支总表", shape: "two-sided", titles: [/^收支总表$/, /^收入支出总表$/] },
  { kind: "income", name: "部门收入总表", shape: "coded", titles: [/^收入总表$/] },
  { kind: "expenditure", name: "部门支出总表", shape: "coded", titles: [/^支出总表$/] },
  {
    kind: "three-public",
    name: "一般公共预算“三公”经费支出表",
    shape: "columns-row",
    titles: [/^(?:一般公共预算)?(?:财政拨款)?三公经费(?:和机关运行经费)?(?:支出)?(?:情况)?表$/],
  },
  {
    kind: "general-basic",
    name: "一般公共预算基本支出表",
    shape: "coded",
    titles: [/^(?:一般公共预算)?(?:财政拨款)?基本支出(?:情况)?表(?:\(?按?(?:部门)?经济分类(?:科目)?\)?)?$/],
  },
  { kind: "general-by-unit", name: "一般公共预算支出表（分单位）", shape: "named", titles: [/^一般公共预算(?:财政拨款)?支出(?:情况)?表\(?分单位\)?$/] },
  {
    kind: "general-by-function",
    name: "一般公共预算支出表（分功能科目）",
    shape: "coded",
    titles: [/^一般公共预算(?:财政拨款)?支出(?:情况)?表(?:\(?(?:分|按)?功能(?:分类)?(?:科目)?\)?)?$/],
  },
  { kind: "government-fund", name: "政府性基金预算支出表", shape: "coded", titles: [/^政府性基金(?:预算)?(?:财政拨款)?支出(?:情况)?表$/] },
  { kind: "state-capital", name: "国有资本经营预算支出表", shape: "coded", titles: [/^国有资本经营(?:预算)?(?:财政拨款)?支出(?:情况)?表$/] },
  { kind: "performance-overall", name: "部门整体支出绩效目标表", shape: "performance", titles: [/^整体支出绩效目标(?:申报)?表$/] },
  {
    kind: "performance-project",
    name: "项目支出绩效目标表",
    shape: "performance",
    titles: [/^项目支出绩效目标(?:申报)?表(?:\(.+\))?$/, /^项目申报表\(含绩效目标\)$/],
  },
  { kind: "projects", name: "项目支出表", shape: "projects", titles: [/^项目支出(?:情况|预算)?表$/] },
  { kind: "procurement", name: "政府采购预算表", shape: "named", titles: [/^政府采购(?:预算|支出)?(?:情况|明细)?表$/] },
  { kind: "purchased-services", name: "政府购买服务预算表", shape: "named", titles: [/^政府购买服务(?:预算)?(?:情况|明细)?表$/] },
];

/** A title's words as the catalogue matches them: no 表N or 附表N, no spaces or punctuation, no 部门/单位/预算/决算 qualifiers. */
export function titleWords(printed: string): string {
  return matchWords(printed)
    .replace(/^\s*(?:附)?表\s*(?:\d+(?:\s*[-—－]\s*\d+)?|[一二三四五六七八九十]+(?=[\s.、:：]))\s*[.、:：]?/, "")
    .replace(/^\s*[\d]+(?:[.-]\d+)*\s*[.、]?(?=\D)/, "")
    .replace(/[\s“”"'‘’·、.,:;（）()]/g, (char) => (char === "（" || char === "(" ? "(" : char === "）" || char === ")" ? ")" : ""))
    .replace(/\d{4}年(?:度)?/g, "")
    .replace(/^[^表]*?(?=部门|单位|一般公共|财政拨款|政府性|国有资本|项目支出|整体支出|三公|政府采购|政府购买)/, "")
    .replace(/^(?:部门|单位)/, "")
    .replace(/(?<!一般公共|政府性基金|国有资本经营)(?:预算|决算)/g, "")
    .replace(/\(\)/g, "")
    .replace(/\(?单位(?:为)?(?:万元|千元|亿元|元)\)?$/, "")
    .replace(/(?:情况)?(?:统计|明细|汇总|一览)?表$/, "表");
}

/** The template a printed title names, if one does. */
export function templateOf(printed: string): TableTemplate | undefined {
  const words = titleWords(printed);
  if (words === "" || words.length > 40) return undefined;
  return catalogue.find((template) => template.titles.some((title) => title.test(words)));
}
