import { matchWords } from "./grid.js";

/**
 * A column's role, told from its header words (over merged, multi-row headers: the words of every
 * header row above it, top down). The ids are the format's standard column ids (docs/format.md,
 * "Conventions the cross-table rules rely on"); the first pattern a header matches wins.
 */
export interface ColumnRole {
  id: string;
  pattern: RegExp;
}

export const columnRoles: readonly ColumnRole[] = [
  { id: "growth", pattern: /%|增长率|增减率|增幅|比率|幅度/ },
  { id: "change", pattern: /增减|增加额|减少额|差额|变动/ },
  { id: "carryover", pattern: /结转|结余/ },
  { id: "prior", pattern: /上年|上一年|去年/ },
  { id: "abroad", pattern: /因公出国/ },
  // 公务用车购置及运行维护费 is the vehicles' whole; its parts are named after the last 公务用车 (or alone).
  { id: "vehicle-purchase", pattern: /(?:^|公务用车)购置费?$/ },
  { id: "vehicle-operation", pattern: /(?:^|公务用车)运行(?:维护)?费$/ },
  { id: "vehicles", pattern: /公务用车/ },
  { id: "reception", pattern: /公务接待/ },
  { id: "personnel", pattern: /人员经费|人员支出/ },
  { id: "public", pattern: /公用经费|公用支出/ },
  { id: "basic", pattern: /基本支出/ },
  { id: "project", pattern: /项目支出/ },
  { id: "government-fund", pattern: /政府性基金/ },
  { id: "state-capital", pattern: /国有资本/ },
  { id: "general", pattern: /一般公共预算|公共(?:财政)?预算/ },
  { id: "special-account", pattern: /财政专户/ },
  { id: "unit-funds", pattern: /单位资金|事业收入|经营收入|其他收入|单位自有/ },
  { id: "total", pattern: /合计|总计|小计|本年预算|预算数|金额|本年数|^本年$|^预算$|^决算$|决算数/ },
];

/** The sums between standard columns that a template prints (合计 = 基本 + 项目; 公车 = 购置 + 运行维护 …). */
export const columnSums: readonly { id: string; of: readonly string[] }[] = [
  { id: "total", of: ["basic", "project"] },
  { id: "total", of: ["personnel", "public"] },
  { id: "total", of: ["abroad", "vehicles", "reception"] },
  { id: "vehicles", of: ["vehicle-purchase", "vehicle-operation"] },
  { id: "total", of: ["general", "government-fund", "state-capital", "special-account", "unit-funds", "carryover"] },
];

/** The role of a column from its header words, undefined when none fits. */
export function roleOf(header: string): string | undefined {
  const words = matchWords(header).replace(/[()、]/g, "");
  if (words === "") return undefined;
  // Under 公务用车购置及运行维护费, a 小计 is the vehicles' own sum, and 购置费 / 运行维护费 its parts.
  if (/公务用车/.test(words) && /小计$/.test(words)) return "vehicles";
  return columnRoles.find((role) => role.pattern.test(words))?.id;
}

/** How the columns a table prints sum: each standard sum whose every part is printed (or, for funds, any two). */
export function sumsOf(ids: readonly string[]): Map<string, string[]> {
  const sums = new Map<string, string[]>();
  for (const sum of columnSums) {
    if (!ids.includes(sum.id) || sums.has(sum.id)) continue;
    const parts = sum.of.filter((id) => ids.includes(id));
    const funds = sum.of.includes("general");
    if (parts.length === sum.of.length || (funds && parts.length >= 2)) sums.set(sum.id, parts);
  }
  return sums;
}
