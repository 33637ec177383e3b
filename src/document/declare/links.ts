import type { TableKind } from "../tables/catalogue.js";
import { matchWords } from "../tables/grid.js";
import type { ReadTable, TableLine } from "../tables/read.js";
import type { Declared } from "./declare.js";

/** A table as the declaration names it. */
export interface NamedTable {
  id: string;
  table: ReadTable;
}

/** What linking the narrative to the tables gives: the figures that restate a table's figure, and the ids lines need for it. */
export interface Links {
  restates: Map<Declared, string>;
  lineIds: Map<TableLine, string>;
  /** Figures two lines of one table could be meant by: not linked, and said so. */
  ambiguous: Declared[];
}

/**
 * A name as it is compared: simplified, no quotes or brackets (因公出国(境)费 = 因公出国费), no 其中 or
 * outline number, no year, no 预算/决算 and 数 after it, 经费 and 费用 as 费.
 */
export function nameKey(name: string): string {
  return matchWords(name)
    .replace(/[“”"'‘’「」]/g, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/^其中:?/, "")
    .replace(/^(?:[一二三四五六七八九十]+、|\d+[.、](?!\d))/, "")
    .replace(/\d{4}年度?/g, "")
    .replace(/(?:安排)?情况/g, "")
    .replace(/(?:预算|决算)(?:数|额|总额)?$/, "")
    .replace(/经费|费用/g, "费")
    .replace(/财政拨款/g, "拨款");
}

/** Two keys name the same thing when they are equal, 支出 aside. */
function sameName(a: string, b: string): boolean {
  return a.length >= 2 && a.replace(/支出$/, "") === b.replace(/支出$/, "");
}

/** A 类, 款 or 项 named along a path may drift at its start (其事业单位离退休 for 事业单位离退休): one ending the other will do. */
function samePathName(a: string, b: string): boolean {
  const [x, y] = [a.replace(/支出$/, ""), b.replace(/支出$/, "")];
  return x.length >= 2 && y.length >= 2 && (x.endsWith(y) || y.endsWith(x));
}

/** Names the narrative gives a table's total or side, by the table's kind: the whole name must match. */
const totalNames: { kind: TableKind; name: RegExp; line?: string }[] = [
  { kind: "three-public", name: /^(?:一般公共预算|财政拨款)?三公费(?:支出)?$/ },
  { kind: "appropriation", name: /^(?:部门)?财政拨款收支(?:总预算|预算总额|总计)$/, line: "expenditure" },
  { kind: "summary", name: /^(?:部门)?收支(?:总预算|预算总额|总计)$/, line: "expenditure" },
  { kind: "income", name: /^(?:部门)?(?:预算)?收入(?:预算)?(?:总额|合计|总计)?$/ },
  { kind: "expenditure", name: /^(?:部门)?(?:预算)?支出(?:预算)?(?:总额|合计|总计)?$/ },
  { kind: "general-by-function", name: /^一般公共预算(?:财政)?拨款(?:支出)?$/ },
  { kind: "general-basic", name: /^一般公共预算基本支出$/ },
];

/** The 类, 款 and 项 a name walks down (一般公共服务支出(类)…(款)事业运行(项)), each as a key; none for another name. */
function classPath(name: string): string[] {
  const words = matchWords(name);
  if (!/\((?:类|款|项)\)/.test(words)) return [];
  return words
    .split(/\((?:类|款|项)\)/)
    .slice(0, -1)
    .map(nameKey);
}

/** Every line of a table, children after parents. */
function allLines(lines: readonly TableLine[]): TableLine[] {
  return lines.flatMap((line) => [line, ...allLines(line.lines)]);
}

/** The lines of a table a figure's name names: by its 类/款/项 path when it gives one, else by its name. */
function linesNamed(table: ReadTable, name: string): TableLine[] {
  const path = classPath(name);
  if (path.length === 0) return allLines(table.lines).filter((line) => sameName(nameKey(line.name), nameKey(name)));
  let level: readonly TableLine[] = table.lines;
  let found: TableLine[] = [];
  for (const key of path) {
    found = level.filter((line) => samePathName(nameKey(line.name), key));
    level = found.flatMap((line) => line.lines);
  }
  return found;
}

/** A line's reference: its code or id, else one made for it from its place in the table. */
function lineKey(table: ReadTable, line: TableLine, ids: Map<TableLine, string>): string {
  if (line.code) return line.code;
  if (line.id) return line.id;
  const made = ids.get(line) ?? `r${allLines(table.lines).indexOf(line) + 1}`;
  ids.set(line, made);
  return made;
}

type Target = { reference: string } | "ambiguous" | undefined;

/** The tables a line's name is looked up in first: those that break figures down furthest. */
const preferred: readonly TableKind[] = ["general-by-function", "general-basic", "three-public", "expenditure", "income", "projects"];

function byPreference(tables: readonly NamedTable[]): NamedTable[] {
  const rank = (table: NamedTable) => {
    const at = preferred.indexOf(table.table.template.kind);
    return at < 0 ? preferred.length : at;
  };
  return [...tables].sort((a, b) => rank(a) - rank(b));
}

/** What a figure's name restates: a table's total, a column of its total, or one line; the first table that names it once. */
function targetOf(name: string, all: readonly NamedTable[], ids: Map<TableLine, string>, near?: string): Target {
  const key = nameKey(name);
  // A part is looked for first in the table its whole restates (支出预算 in 表3, so 一般公共服务支出 in 表3 too).
  const tables = near === undefined ? all : [...all.filter((table) => table.id === near), ...all.filter((table) => table.id !== near)];
  for (const { id, table } of tables) {
    const alias = totalNames.find((entry) => entry.kind === table.template.kind && entry.name.test(key));
    if (alias && (alias.line || table.total)) return { reference: alias.line ? `${id}/${alias.line}` : id };
  }
  for (const { id, table } of tables) {
    if (!table.total || table.columns.length < 2) continue;
    const columns = table.columns.slice(1).filter((column) => [column.name, column.header].some((words) => nameKey(words) === key));
    if (columns.length === 1 && columns[0]) return { reference: `${id}:${columns[0].id}` };
  }
  for (const { id, table } of near === undefined ? byPreference(tables) : tables) {
    const lines = linesNamed(table, name);
    if (lines.length > 1) return "ambiguous";
    if (lines[0]) return { reference: `${id}/${lineKey(table, lines[0], ids)}` };
  }
  return undefined;
}

/** A figure that may restate a table's: an amount with a name, nothing of its own the format keeps for stated figures alone. */
function linkable(figure: Declared): boolean {
  return (
    figure.name !== undefined &&
    figure.amount !== undefined &&
    figure.restates === undefined &&
    figure.id === undefined &&
    figure.count === undefined &&
    figure.items === undefined &&
    figure.product === undefined &&
    figure.unit === undefined
  );
}

/**
 * Links each figure of the narrative that names a line of the tables (收入, 支出, 基本支出, a 类/款/项, a
 * “三公” item) to it, so that the rules compare them. Two lines of one table that could be meant: not linked.
 */
export function linkNarrative(figures: readonly Declared[], tables: readonly NamedTable[]): Links {
  const links: Links = { restates: new Map(), lineIds: new Map(), ambiguous: [] };
  const visit = (figure: Declared, near?: string) => {
    if (linkable(figure)) {
      const target = targetOf(figure.name ?? "", tables, links.lineIds, near);
      if (target === "ambiguous") links.ambiguous.push(figure);
      else if (target) links.restates.set(figure, target.reference);
    }
    const restated = links.restates.get(figure) ?? figure.restates;
    const table = restated === undefined ? near : /^[^/:]+/.exec(restated)?.[0];
    for (const part of figure.parts) visit(part, table);
  };
  figures.forEach((figure) => visit(figure));
  return links;
}
