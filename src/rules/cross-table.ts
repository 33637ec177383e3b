import { childPointer } from "../load/json-pointer.js";
import { type Declaration, type Line, type Project, type Row, type Table } from "../model/declaration.js";
import { Exact, type Amount } from "../model/figure.js";
import type { Text } from "../text.js";
import { columnFigure, figureNames, figureOf, yearFigure } from "./figure-name.js";
import { aside, checkRelation, messagesFor, sumOf, type Figure, type Relation } from "./relation.js";
import { declarationExample, defineRule, type Messages } from "./rule.js";

/** The relations between tables: the same figure twice, a sum, a part within its whole. */
type Link = Extract<Relation, { kind: "same" | "sum" | "at-most" }>;

/** The first table of a standard kind; links apply only where both sides are declared. */
function tableOf(declaration: Declaration, kind: string): Table | undefined {
  return declaration.tables.find((table) => table.kind === kind);
}

/** A table's total (or one column of it); an empty table's total is 0. */
function totalOf(table: Table | undefined, column?: string): Figure | undefined {
  if (!table) return undefined;
  if (table.empty !== undefined && !table.total) {
    const zero: Amount = { value: new Exact(0), decimals: 0, precision: 0, path: childPointer(table.path, "empty") };
    return { amount: zero, label: { zh: `${table.shown}（空表）`, en: `${table.shown} (empty)` } };
  }
  const total = table.total;
  if (!total) return undefined;
  if (column === undefined) return total.amount ? { amount: total.amount, label: figureOf(total.label, figureNames.amount) } : undefined;
  const amount = total.columns.get(column);
  const name = table.columns.find((declared) => declared.id === column)?.name ?? column;
  return amount ? { amount, label: figureOf(total.label, columnFigure(name)) } : undefined;
}

/** A two-sided table's side: its top-level line `income` or `expenditure`. */
function sideOf(table: Table | undefined, side: "income" | "expenditure"): Line | undefined {
  const line = table?.linesByKey.get(side);
  return line && !line.parent ? line : undefined;
}

/** The standard funds, by their column and line ids (一般公共预算, 政府性基金, 国有资本经营). */
const funds = ["general", "government-fund", "state-capital"] as const;

/**
 * A fund's income as a table states it: the line with the fund's id on a two-sided table's income side
 * (一般公共预算拨款收入), or in the income table either such a line or the fund's column of its total.
 */
function fundIncome(table: Table | undefined, fund: (typeof funds)[number]): Figure | undefined {
  if (!table) return undefined;
  const side = sideOf(table, "income");
  const lines = side ? side.lines : table.kind === "income" ? table.lines : [];
  return lineFigure(lines.find((line) => line.id === fund)) ?? (table.kind === "income" ? totalOf(table, fund) : undefined);
}

/** Each fund's income is one figure in the summary, income and appropriation tables (the 财政拨款 rows of each). */
function sameFundIncome(declaration: Declaration): Link[] {
  const tables = [tableOf(declaration, "summary"), tableOf(declaration, "income"), tableOf(declaration, "appropriation")];
  return funds.flatMap((fund) => {
    const stated = tables.map((table) => fundIncome(table, fund)).filter((figure): figure is Figure => figure !== undefined);
    return stated.slice(1).flatMap((figure, index) => equal(stated[index], figure, words.fundIncome));
  });
}

function lineFigure(line: Line | undefined): Figure | undefined {
  return line?.amount ? { amount: line.amount, label: figureOf(line.label, figureNames.amount) } : undefined;
}

function equal(left: Figure | undefined, right: Figure | undefined, what: Text): Link[] {
  return left && right ? [{ kind: "same", figure: left, other: right, note: aside(what) }] : [];
}

const words = {
  balance: { zh: "收支平衡：收入总计 = 支出总计", en: "balance: total income = total expenditure" },
  sameTotal: { zh: "同一合计在各表中相同", en: "the same total in every table" },
  appropriation: { zh: "财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营", en: "appropriations = general budget + government funds + state capital" },
  byUnit: { zh: "分功能科目与分单位的一般公共预算支出合计相同", en: "the general budget by function and by unit have one total" },
  basic: { zh: "基本支出表合计 = 基本支出栏", en: "the basic expenditure table's total = the basic expenditure column" },
  projects: { zh: "项目支出表合计 = 项目支出栏", en: "the project table's total = the project expenditure column" },
  fundColumn: {
    zh: "政府性基金 / 国有资本经营预算支出表合计 = 财政拨款收支总表的对应栏",
    en: "the fund table's total = its column of the appropriation table",
  },
  fundIncome: { zh: "同一财政拨款收入在各表中相同", en: "one fund's income is the same in every table" },
  generalColumn: {
    zh: "一般公共预算支出表合计 = 财政拨款收支总表的一般公共预算栏",
    en: "the general budget table's total = its column of the appropriation table",
  },
  sameProject: { zh: "同一项目在绩效目标表与项目支出表中金额相同", en: "a project has the same amount in its performance table and the project table" },
  personnelInBasic: { zh: "人员经费是基本支出的一部分", en: "personnel costs are part of basic expenditure" },
  generalInAppropriation: { zh: "一般公共预算拨款是财政拨款的一部分", en: "the general budget is part of appropriations" },
  appropriationInExpenditure: { zh: "财政拨款支出是部门全部支出的一部分", en: "appropriated expenditure is part of all expenditure" },
  classOrder: { zh: "同一科目：一般公共预算 ≤ 财政拨款 ≤ 部门收支", en: "one classification code: general budget ≤ appropriations ≤ department total" },
  personnel: {
    zh: "惯例：人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助",
    en: "convention: personnel costs = 301 wages and benefits + 303 transfers to households",
  },
  publicCosts: { zh: "惯例：公用经费 = 302 商品和服务支出（+ 310 资本性支出）", en: "convention: public costs = 302 goods and services (+ 310 capital)" },
} satisfies Record<string, Text>;

/** The same line (side, total) of two tables: the amounts, and every earlier year both state. */
function sameRow(left: Line | undefined, right: Line | undefined, what: Text): Link[] {
  if (!left || !right) return [];
  const relations = equal(lineFigure(left), lineFigure(right), what);
  for (const [year, amount] of left.history) {
    const other = right.history.get(year);
    if (other)
      relations.push({
        kind: "same",
        figure: { amount, label: figureOf(left.label, yearFigure(year)) },
        other: { amount: other, label: figureOf(right.label, yearFigure(year)) },
        note: aside(what),
      });
  }
  return relations;
}

/** Rows of different tables that print the same figure: their prior years are one too. */
export function sameRows(declaration: Declaration): [Row, Row][] {
  const summary = tableOf(declaration, "summary");
  const overall = tableOf(declaration, "performance-overall");
  const pairs: [Row | undefined, Row | undefined][] = [
    [sideOf(summary, "income"), tableOf(declaration, "income")?.total],
    [sideOf(summary, "expenditure"), tableOf(declaration, "expenditure")?.total],
    [sideOf(overall, "income"), sideOf(summary, "income")],
    [sideOf(overall, "expenditure"), sideOf(summary, "expenditure")],
    [tableOf(declaration, "general-by-function")?.total, tableOf(declaration, "general-by-unit")?.total],
  ];
  return pairs.filter((pair): pair is [Row, Row] => pair[0] !== undefined && pair[1] !== undefined);
}

/** The links that always hold between the standard tables (表间勾稽关系). */
function exactLinks(declaration: Declaration): Link[] {
  const summary = tableOf(declaration, "summary");
  const appropriation = tableOf(declaration, "appropriation");
  const overall = tableOf(declaration, "performance-overall");
  const byFunction = tableOf(declaration, "general-by-function");
  const projectsTable = tableOf(declaration, "projects");
  const relations: Link[] = [
    ...equal(lineFigure(sideOf(summary, "income")), lineFigure(sideOf(summary, "expenditure")), words.balance),
    ...equal(lineFigure(sideOf(appropriation, "income")), lineFigure(sideOf(appropriation, "expenditure")), words.balance),
    ...equal(lineFigure(sideOf(summary, "income")), totalOf(tableOf(declaration, "income")), words.sameTotal),
    ...equal(lineFigure(sideOf(summary, "expenditure")), totalOf(tableOf(declaration, "expenditure")), words.sameTotal),
    ...sameRow(sideOf(overall, "income"), sideOf(summary, "income"), words.sameTotal),
    ...sameRow(sideOf(overall, "expenditure"), sideOf(summary, "expenditure"), words.sameTotal),
    ...equal(totalOf(byFunction), totalOf(tableOf(declaration, "general-by-unit")), words.byUnit),
    ...equal(totalOf(tableOf(declaration, "general-basic")), totalOf(byFunction, "basic"), words.basic),
    ...equal(totalOf(projectsTable), totalOf(tableOf(declaration, "expenditure"), "project"), words.projects),
    ...equal(totalOf(byFunction), totalOf(appropriation, "general"), words.generalColumn),
    ...equal(totalOf(tableOf(declaration, "government-fund")), totalOf(appropriation, "government-fund"), words.fundColumn),
    ...equal(totalOf(tableOf(declaration, "state-capital")), totalOf(appropriation, "state-capital"), words.fundColumn),
  ];
  // Without a summary table, the income and expenditure tables still balance each other.
  if (!summary) relations.push(...equal(totalOf(tableOf(declaration, "income")), totalOf(tableOf(declaration, "expenditure")), words.balance));
  // 人员经费 is part of 基本支出, whichever tables state them.
  const personnel = totalOf(tableOf(declaration, "general-basic"), "personnel");
  const basicColumn = totalOf(byFunction, "basic") ?? totalOf(tableOf(declaration, "expenditure"), "basic");
  if (personnel && basicColumn) relations.push({ kind: "at-most", figure: personnel, limit: basicColumn, note: aside(words.personnelInBasic) });
  const appropriationTotal = lineFigure(sideOf(appropriation, "expenditure")) ?? totalOf(appropriation);
  const fundTotals = [totalOf(byFunction), totalOf(tableOf(declaration, "government-fund")), totalOf(tableOf(declaration, "state-capital"))];
  if (appropriationTotal && fundTotals.every((fund): fund is Figure => fund !== undefined)) {
    relations.push(sumOf(appropriationTotal, fundTotals, words.appropriation));
  } else {
    // Not every fund's table is declared: the totals that are still nest (a summary table or not).
    const byFunctionTotal = totalOf(byFunction);
    if (byFunctionTotal && appropriationTotal)
      relations.push({ kind: "at-most", figure: byFunctionTotal, limit: appropriationTotal, note: aside(words.generalInAppropriation) });
  }
  const expenditureTotal = totalOf(tableOf(declaration, "expenditure"));
  if (appropriationTotal && expenditureTotal)
    relations.push({ kind: "at-most", figure: appropriationTotal, limit: expenditureTotal, note: aside(words.appropriationInExpenditure) });
  relations.push(...sameFundIncome(declaration), ...sameProjects(declaration, projectsTable));
  // A classification code's amount: the general budget is part of appropriations, which are part of the whole.
  const byCode = (table: Table | undefined) =>
    new Map([...(table ? table.allLines : [])].flatMap((line) => (line.code !== undefined && line.amount ? [[line.code, line] as const] : [])));
  const chain = [
    byCode(byFunction),
    byCode(sideOf(appropriation, "expenditure") ? appropriation : undefined),
    byCode(sideOf(summary, "expenditure") ? summary : undefined),
  ];
  for (let index = 0; index + 1 < chain.length; index += 1) {
    for (const [code, line] of chain[index] ?? []) {
      const whole = chain[index + 1]?.get(code) ?? chain[index + 2]?.get(code);
      const left = lineFigure(line);
      const right = lineFigure(whole);
      if (left && right) relations.push({ kind: "at-most", figure: left, limit: right, note: aside(words.classOrder) });
    }
  }
  return relations;
}

/** Each project, by id, has one amount and one total budget wherever it is listed; the project table's listing first. */
function sameProjects(declaration: Declaration, projectsTable: Table | undefined): Link[] {
  const occurrences = new Map<string, Project[]>();
  const tables = projectsTable ? [projectsTable, ...declaration.tables.filter((table) => table !== projectsTable)] : declaration.tables;
  for (const table of tables) for (const project of table.projects) occurrences.set(project.id, [...(occurrences.get(project.id) ?? []), project]);
  const relations: Link[] = [];
  for (const projects of occurrences.values()) {
    for (const key of ["amount", "budget"] as const) {
      const figure = key === "amount" ? figureNames.amount : { zh: "项目总预算", en: "total budget" };
      const stating = projects.filter((project) => project[key] !== undefined);
      const [first, ...others] = stating;
      const right = first?.[key];
      if (!first || !right) continue;
      for (const project of others) {
        const left = project[key];
        if (left)
          relations.push({
            kind: "same",
            figure: { amount: left, label: figureOf(project.label, figure) },
            other: { amount: right, label: figureOf(first.label, figure) },
            note: aside(words.sameProject),
          });
      }
    }
  }
  return relations;
}

/** Conventions that most, not all, departments follow: warnings. */
function conventionLinks(declaration: Declaration): Link[] {
  const basic = tableOf(declaration, "general-basic");
  if (!basic) return [];
  const relations: Link[] = [];
  const linesWith = (codes: readonly string[]) => basic.allLines.filter((line) => line.code !== undefined && codes.includes(line.code) && line.amount);
  for (const [column, codes, what] of [
    ["personnel", ["301", "303"], words.personnel],
    ["public", ["302", "310"], words.publicCosts],
  ] as const) {
    const total = totalOf(basic, column);
    const parts = linesWith(codes)
      .map(lineFigure)
      .filter((figure): figure is Figure => figure !== undefined);
    if (total && parts.length > 0) relations.push({ ...sumOf(total, parts, what), severity: "warning" });
  }
  return relations;
}

const messages = {
  // Cross-table links are equalities, sums and part-of-whole comparisons; never ratios.
  ...messagesFor("same", "sum", "at-most"),
  "target-count": {
    text: {
      zh: "说明称设置了 {stated} 个项目支出绩效目标，但声明了 {tables} 张项目支出绩效目标表",
      en: "The narrative says {stated} project performance targets were set, but {tables} project performance tables are declared",
    },
  },
} satisfies Messages;

export const crossTable = defineRule({
  id: "cross-table",
  meta: {
    name: "SameFigureAcrossTables",
    description: {
      zh: "表间勾稽关系：各表的同一合计相同，收支平衡，财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营，基本支出表、项目支出表与对应栏一致，同一项目在各表中金额相同，同一科目一般公共预算 ≤ 财政拨款 ≤ 部门收支；人员经费 = 301 + 303 等惯例为警告。",
      en: "Links between tables: the same total agrees in every table, income balances expenditure, appropriations = general budget + government funds + state capital, the basic expenditure and project tables equal their columns, a project has one amount in every table, one code's general budget ≤ appropriations ≤ department total; conventions such as personnel = 301 + 303 are warnings.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t1
            title: 部门收支总表
            kind: summary
            lines:
              - { id: income, name: 收入总计, amount: 825.04 }
              - { id: expenditure, name: 支出总计, amount: 826.04 }
      `),
      passing: declarationExample(`
        tables:
          - id: t1
            title: 部门收支总表
            kind: summary
            lines:
              - { id: income, name: 收入总计, amount: 825.04 }
              - { id: expenditure, name: 支出总计, amount: 825.04 }
      `),
    },
    docs: {
      zh: "部门预算的各张表互相勾稽（财预〔2016〕143号）。只有两边都声明了的链接才核对；表的种类由 kind 标明。两栏表（部门收支总表、财政拨款收支总表）的两边是 id 为 income 和 expenditure 的顶层行；标准栏 id 为 basic、project、personnel、public、government-fund、state-capital。同一个数字在两张表中印两次必须一字不差。每条发现都列出所涉及的全部位置（related）。人员经费 = 301 + 303、公用经费 = 302 + 310 只是多数部门的惯例（有的把委托业务费计入人员经费），不符时报警告。",
      en: "The tables of a department budget are linked (财预〔2016〕143号). A link is checked only where both of its sides are declared; `kind` says which standard table a table is. The two sides of a two-sided table (部门收支总表, 财政拨款收支总表) are its top-level lines with ids income and expenditure; the standard column ids are basic, project, personnel, public, government-fund and state-capital. One figure printed in two tables must be identical. Every finding lists all the places involved (related). Personnel = 301 + 303 and public costs = 302 + 310 are conventions most departments follow (some count 委托业务费 as personnel): a mismatch is a warning.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const relation of exactLinks(declaration)) checkRelation(report, relation);
    // “设置了……2 个项目支出绩效目标”: one project performance table for each target set.
    const projectTables = declaration.tables.filter((table) => table.kind === "performance-project");
    for (const statement of declaration.statements) {
      if (statement.projectTargets === undefined || statement.projectTargets === projectTables.length) continue;
      report({
        messageId: "target-count",
        path: `${statement.path}/projectTargets`,
        data: { stated: statement.projectTargets, tables: projectTables.length },
        expected: String(projectTables.length),
        actual: String(statement.projectTargets),
        difference: String(statement.projectTargets - projectTables.length),
        related: projectTables.map((table) => table.path),
      });
    }
    for (const relation of conventionLinks(declaration)) checkRelation(report, relation);
  },
});
