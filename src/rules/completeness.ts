import { childPointer } from "../load/json-pointer.js";
import { allRows, type AnyRow, type Declaration, type Line, type Row } from "../model/declaration.js";
import { printedAmount } from "../model/figure.js";
import { resolveReference } from "../model/reference.js";
import type { Text } from "../text.js";
import { declarationExample, defineRule, type Messages } from "./rule.js";

/** The standard tables every department budget publishes (the seed's 表1–表11), by kind. */
export const standardTables: readonly [string, Text][] = [
  ["summary", { zh: "部门收支总表", en: "department income and expenditure summary" }],
  ["income", { zh: "部门收入总表", en: "department income table" }],
  ["expenditure", { zh: "部门支出总表", en: "department expenditure table" }],
  ["appropriation", { zh: "财政拨款收支总表", en: "appropriation summary" }],
  ["general-by-function", { zh: "一般公共预算支出表（分功能科目）", en: "general budget expenditure by function" }],
  ["general-by-unit", { zh: "一般公共预算支出表（分单位）", en: "general budget expenditure by unit" }],
  ["general-basic", { zh: "一般公共预算基本支出表", en: "general budget basic expenditure" }],
  ["three-public", { zh: "一般公共预算“三公”经费支出表", en: "“three public” expenses" }],
  ["government-fund", { zh: "政府性基金预算支出表", en: "government fund expenditure" }],
  ["state-capital", { zh: "国有资本经营预算支出表", en: "state capital expenditure" }],
  ["projects", { zh: "项目支出表", en: "project expenditure" }],
  ["performance-overall", { zh: "部门整体支出绩效目标表", en: "overall performance targets" }],
];

const messages = {
  "missing-table": {
    text: {
      zh: "缺少{title}（kind: {kind}）：没有数据也应列为空表并说明",
      en: "The {title} (kind: {kind}) is missing: without data it is still declared, empty, with an explanation",
    },
  },
  "empty-without-reason": {
    text: {
      zh: "表 {table} 没有数据，也没有说明为什么为空（empty.reason）",
      en: "Table {table} has no data and no explanation of why it is empty (empty.reason)",
    },
  },
  "change-without-reason": {
    text: { zh: "{row}的增减额 {change} 没有写明主要原因（reason）", en: "The change {change} of {row} has no reason given (reason)" },
  },
} satisfies Messages;

/**
 * Where the disclosure rules ask for the reason of a change: a total's change (收支总额, a table's 合计,
 * a sentence restating one) and each “三公” item; the lines below a total are explained through it.
 */
function reasonRequired(declaration: Declaration, row: AnyRow): boolean {
  if (row.kind === "total") return true;
  // A top-level line of a table without a total row is one of its totals (收入总计, 支出总计).
  // The narrative's own figures say nothing of which is a total: the text is checked for what it states.
  if (row.kind === "line")
    return row.table.kind === "three-public" || (row.parent === undefined && row.table.total === undefined && row.table.kind !== "narrative");
  const resolution = resolveReference(declaration, row.restates);
  return resolution.found && (resolution.row.kind === "total" || (resolution.row.kind === "line" && reasonRequired(declaration, resolution.row as Line)));
}

/** “主要是基本支出增加 128.8 万元”: a parent's reason that names this line's change explains it. */
function namedByAncestor(row: AnyRow): boolean {
  if (row.kind !== "line" || !row.change) return false;
  const printed = printedAmount(row.change).replace(/^-/, "");
  for (let parent = row.parent; parent; parent = parent.parent) if (parent.reason?.includes(printed)) return true;
  return false;
}

export const completeness = defineRule({
  id: "completeness",
  meta: {
    name: "EveryTableDisclosed",
    description: {
      zh: "部门预算的每张标准表都已声明，没有数据的表声明为空表并说明；情况说明中每个不为 0 的增减都写明原因。",
      en: "Each standard table of a department budget is declared, a table without data declared empty with its explanation; every change the narrative states that is not 0 has a reason.",
    },
    defaultSeverity: "warning",
    example: {
      failing: declarationExample(`
        tables:
          - id: t8
            title: 政府性基金预算支出表
            kind: government-fund
      `),
      passing: declarationExample(`
        tables:
          - id: t8
            title: 政府性基金预算支出表
            kind: government-fund
            empty: { reason: 2025 年没有使用政府性基金预算拨款安排的支出。 }
      `),
    },
    docs: {
      zh: "《地方预决算公开操作规程》要求公开全部标准表，没有数据的表也要列出空表并说明。声明中有部门收支总表（kind: summary）时，视为完整的部门预算，缺少的标准表报警告；任何一张既无数据又无 empty 说明的表也报警告。《预算法》要求对重要事项作出说明：每个不为 0 的增减额都应有主要原因（reason），写在该行或重述它的说明上。",
      en: "The disclosure rules require every standard table to be published, a table without data as an empty table with an explanation. A declaration with a summary table (kind: summary) is taken to be a whole department budget, and a missing standard table is a warning; so is any table with neither data nor an `empty` explanation. The Budget Law requires important items explained: every change that is not 0 should have its main reason (reason), on its line or on a statement restating it.",
    },
    messages,
  },
  check({ declaration, report }) {
    // An excerpt declares only some of the tables on purpose.
    if (!declaration.excerpt && declaration.tables.some((table) => table.kind === "summary")) {
      for (const [kind, title] of standardTables) {
        if (!declaration.tables.some((table) => table.kind === kind)) report({ messageId: "missing-table", path: "/tables", data: { kind, title } });
      }
    }
    for (const table of declaration.tables) {
      const hasData = table.total !== undefined || table.lines.length > 0 || table.projects.length > 0 || table.indicators.length > 0;
      if (!hasData && table.empty === undefined) report({ messageId: "empty-without-reason", path: table.path, data: { table: table.shown } });
    }
    // A reason given on a line covers the statements restating it, and the other way round.
    const explained = new Set<Row>();
    for (const statement of declaration.statements) {
      for (const figure of statement.figures) {
        const resolution = resolveReference(declaration, figure.restates);
        if (!resolution.found) continue;
        if (figure.reason !== undefined) explained.add(resolution.row);
        if (resolution.row.reason !== undefined) explained.add(figure);
      }
    }
    for (const row of allRows(declaration)) {
      if (!row.change || row.change.value.isZero() || row.reason !== undefined || explained.has(row)) continue;
      if (!reasonRequired(declaration, row) || namedByAncestor(row)) continue;
      report({ messageId: "change-without-reason", path: childPointer(row.path, "change"), data: { row: row.label, change: printedAmount(row.change) } });
    }
  },
});
