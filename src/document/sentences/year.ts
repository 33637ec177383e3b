import type { BudgetYear, Relation } from "./relations.js";

/** A title naming the budget of a year (2025年度部门(单位)预算, 2025年部门预算表), not a comparison (比2024年部门预算). */
const titled = /(?<!比|较|与|对比|相比|上年|上一年)(\d{4})年度?(?:部门|单位)(?:\(单位\))?预算/g;

/** The scope sentence of 部门预算构成: 纳入 X 2025年度部门预算(编制)范围的单位. */
const scope = /纳入[^。\n]{0,40}?(\d{4})年度?(?:部门|单位)(?:\(单位\))?预算(?:编制)?范围/dg;

/** The year most titles name, if it is named at least twice and more often than any other. */
export function documentYear(text: string, skip: readonly [number, number][]): number | undefined {
  const votes = new Map<number, number>();
  for (const match of text.matchAll(titled)) {
    if (skip.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const year = Number(match[1]);
    votes.set(year, (votes.get(year) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return undefined;
  return first[0];
}

/** The year a scope sentence names, against the document's budget year. */
export function readBudgetYear(text: string, relations: Relation[]): void {
  const scopes = [...text.matchAll(scope)];
  if (scopes.length === 0) return;
  const expected = documentYear(
    text,
    scopes.map((match) => [match.index, match.index + match[0].length]),
  );
  if (expected === undefined) return;
  for (const match of scopes) {
    const span = match.indices?.[1];
    if (!span) continue;
    const year: BudgetYear = { kind: "year", stated: Number(match[1]), expected, start: span[0], end: span[1] };
    relations.push(year);
  }
}
