import { childPointer } from "../load/json-pointer.js";
import { narrativeTableId, tableRows, type Row, type Table } from "../model/declaration.js";
import { decimalString, Exact, type Amount } from "../model/figure.js";
import type { Term } from "../rounding/tolerance.js";
import type { Text } from "../text.js";
import { columnFigure, figureNames, figureOf, yearFigure } from "./figure-name.js";
import { checkRelation, messagesFor } from "./relation.js";
import { declarationExample, defineRule, type Messages, type Report } from "./rule.js";

const parts = {
  children: { zh: "下级行", en: "its child lines" },
  list: { zh: "其中所列各项", en: "the parts its 其中 list names" },
  /** A complete 其中 list of a figure the narrative states on its own. */
  named: { zh: "所列各部分", en: "the parts it lists" },
  lines: { zh: "各行", en: "the table's lines" },
  projects: { zh: "各项目", en: "the projects" },
  funding: { zh: "各资金来源", en: "the funding sources" },
} satisfies Record<string, Text>;

function columnsText(table: Table, ids: readonly string[]): Text {
  const names = ids.map((id) => table.columns.find((column) => column.id === id)?.name ?? id);
  return { zh: `${names.map((name) => `「${name}」`).join("")}各栏`, en: `the columns ${names.map((name) => `“${name}”`).join(", ")}` };
}

const sumOf = (what: Text): Text => ({ zh: `${what.zh}之和`, en: `the sum of ${what.en}` });

/** A blank cell beside stated ones in the same row reads as 0. */
function blankCell(row: Row, column: string, precision: number): Amount {
  return { value: new Exact(0), decimals: precision, precision, path: childPointer(childPointer(row.path, "amount"), column) };
}

const added = (amounts: readonly Amount[]): Term[] => amounts.map((amount) => ({ amount, sign: 1 }));

function compare(report: Report<Message>, target: Amount, partAmounts: Amount[], label: () => Text, what: Text, related?: () => string[]) {
  checkRelation(report, {
    kind: "sum",
    figure: { amount: target, label },
    terms: added(partAmounts),
    parts: () => sumOf(what),
    ...(related ? { related } : {}),
  });
}

/** “甲、乙” / “甲, 乙”: the parts that state no amount. */
function namesOf(rows: readonly Row[]): Text {
  return { zh: rows.map((row) => row.label.zh).join("、"), en: rows.map((row) => row.label.en).join(", ") };
}

/**
 * A total some of whose parts state no amount (XBRL Calculations 1.1 checks the contributors that are
 * reported): amounts are not negative, so the reported parts cannot exceed the total; beyond that the
 * relation is not checkable, and the report says so rather than passing in silence.
 */
function checkPartialSum(report: Report<Message>, target: Amount, label: () => Text, reported: Amount[], unreported: readonly Row[], what: Text) {
  const data = () => ({ target: label(), parts: what, missing: namesOf(unreported) });
  if (reported.length === 0) {
    report({ messageId: "not-checkable", path: target.path, data: data(), related: unreported.map((row) => row.path) });
    return;
  }
  const limit = () => ({ zh: `${what.zh}中已列金额之和`, en: `the sum of ${what.en} that state an amount` });
  const note = () => ({ zh: `（${namesOf(unreported).zh}未列金额）`, en: ` (${namesOf(unreported).en} state no amount)` });
  if (checkRelation(report, { kind: "at-least", figure: { amount: target, label }, terms: added(reported), limit, note })) return;
  const expected = reported.reduce((sum, amount) => sum.plus(amount.value), new Exact(0));
  const show = { expected: decimalString(expected), actual: decimalString(target.value) };
  report({ messageId: "partial", path: target.path, data: { ...data(), ...show }, related: unreported.map((row) => row.path) });
}

/**
 * Parts that need not be all of them (a 其中 list that does not say it is complete, the printed columns
 * beside one that is not printed): amounts are not negative, so they add up to at most their whole.
 */
function checkBound(report: Report<Message>, target: Amount, partAmounts: Amount[], label: () => Text, what: Text) {
  if (partAmounts.length === 0) return;
  const limit = () => ({ zh: `${what.zh}之和`, en: `what ${what.en} add up to` });
  const note = () => ({ zh: "：所列只是部分组成，不能超过整体", en: "; they are only some of its parts and cannot exceed it" });
  checkRelation(report, { kind: "at-least", figure: { amount: target, label }, terms: added(partAmounts), limit, note });
}

/** target = Σ parts for every figure they all state: each column, prior, change, initial budget, each earlier year. */
function checkRowSum(report: Report<Message>, table: Table, target: Row, partRows: readonly Row[], what: Text) {
  if (partRows.length === 0) return;
  const columnIds = table.columns.length > 0 ? table.columns.map((column) => column.id) : [undefined];
  for (const column of columnIds) {
    const targetAmount = column === undefined ? target.amount : target.columns.get(column);
    if (!targetAmount) continue;
    const partAmounts: Amount[] = [];
    const unreported: Row[] = [];
    for (const part of partRows) {
      const amount = column === undefined ? part.amount : part.columns.get(column);
      if (amount) partAmounts.push(amount);
      // A blank cell in a row that states other columns is 0; a row with no amount at all is not printed.
      else if (column === undefined || part.columns.size === 0) unreported.push(part);
    }
    const figure =
      column === undefined || column === table.columns[0]?.id ? figureNames.amount : columnFigure(table.columns.find((c) => c.id === column)?.name ?? column);
    if (unreported.length > 0) {
      checkPartialSum(report, targetAmount, () => figureOf(target.label, figure), partAmounts, unreported, what);
      continue;
    }
    compare(
      report,
      targetAmount,
      partAmounts,
      () => figureOf(target.label, figure),
      what,
      () => partRows.map((part) => (column === undefined ? part.amount?.path : part.columns.get(column)?.path) ?? part.path),
    );
  }
  for (const key of ["prior", "change", "budgeted", "budgetChange"] as const) {
    const targetAmount = target[key];
    const partAmounts = partRows.map((part) => part[key]);
    if (!targetAmount) continue;
    if (partAmounts.every((amount): amount is Amount => amount !== undefined)) {
      compare(report, targetAmount, partAmounts, () => figureOf(target.label, figureNames[key]), what);
    } else if (partAmounts.some((amount) => amount !== undefined)) {
      // Some parts state it and some do not: a change may be of either sign, so not even a bound holds.
      const missing = partRows.filter((part) => part[key] === undefined);
      report({
        messageId: "parts-unstated",
        path: targetAmount.path,
        data: { target: figureOf(target.label, figureNames[key]), parts: what, missing: namesOf(missing) },
        related: missing.map((part) => part.path),
      });
    }
  }
  for (const [year, targetAmount] of target.history) {
    const partAmounts = partRows.map((part) => part.history.get(year));
    if (partAmounts.every((amount): amount is Amount => amount !== undefined)) {
      compare(report, targetAmount, partAmounts, () => figureOf(target.label, yearFigure(year)), what);
    }
  }
}

const messages = {
  ...messagesFor("sum", "at-least"),
  partial: {
    severity: "info",
    text: {
      zh: "{target} 只能核对上限：{missing}未列金额，其余{parts}之和 {expected} 不超过 {actual}",
      en: "{target} can be checked only as a bound: {missing} state no amount, and the rest of {parts} add up to {expected}, within {actual}",
    },
  },
  "parts-unstated": {
    severity: "info",
    text: {
      zh: "{target}无法与{parts}核对：{missing}未列此数",
      en: "{target} cannot be checked against {parts}: {missing} state none",
    },
  },
  "no-parts": {
    severity: "info",
    text: {
      zh: "{target} 无法在本表核对：表中没有可加总的行、项目或分栏",
      en: "{target} cannot be checked within its table: the table has no lines, projects or part columns to add up",
    },
  },
  "not-checkable": {
    severity: "info",
    text: {
      zh: "{target} 无法核对：{parts}都未列金额（{missing}）",
      en: "{target} cannot be checked: none of {parts} states an amount ({missing})",
    },
  },
} satisfies Messages;
type Message = keyof typeof messages;

export const sum = defineRule({
  id: "sum",
  meta: {
    name: "TotalIsSumOfParts",
    description: {
      zh: "合计等于各组成部分之和：上级行等于下级行之和，表合计等于各行之和，合计栏等于各分栏之和，项目之和等于表合计，资金来源之和等于项目预算；本年数、上年数、增减额和以前年度金额都核对。",
      en: "Totals equal the sum of their parts: a parent line its child lines, a table total its lines, a sum column its part columns, the projects their table total, the funding sources their project; for this year, the prior year, the change and every earlier year stated.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 826.04 }
            lines:
              - { name: 基本支出, amount: 436.54 }
              - { name: 项目支出, amount: 388.5 }
      `),
      passing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 825.04 }
            lines:
              - { name: 基本支出, amount: 436.54 }
              - { name: 项目支出, amount: 388.5 }
      `),
    },
    docs: {
      zh: "公开的表格里，每个合计都应等于其组成部分之和（类 = Σ款 = Σ项，合计 = 基本支出 + 项目支出）。金额按四舍五入打印，所以允许尾差：合计与 n 个部分相容，当 |合计 − Σ部分| ≤ ½·10^−d（合计）+ Σ½·10^−d（部分）。恰好相等不报告；只靠尾差相容报 info；超出容差报 error，给出应为、实为、差额和容差。少写小数位的金额（如 128.9）在按所写位数理解时相容也算相容，但报 info。",
      en: "In a published table every total must equal the sum of its parts (类 = Σ款 = Σ项, 合计 = 基本支出 + 项目支出). Amounts are printed rounded, so rounding residuals (尾差) are allowed: a total and n parts agree when |total − Σparts| ≤ ½·10^−d(total) + Σ½·10^−d(parts). Exact agreement is silent; agreement only through rounding is info; beyond the tolerance is an error with the expected and stated values, the difference and the tolerance. An amount written with fewer decimals than the precision (128.9) also agrees if it agrees at the decimals written, reported as info.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const table of declaration.tables) {
      for (const column of table.columns) {
        if (!column.sum || column.unprinted) continue;
        const partColumns = column.sum.filter((id) => id !== column.id && table.columns.some((c) => c.id === id));
        const printedParts = partColumns.filter((id) => !table.columns.some((c) => c.id === id && c.unprinted));
        for (const row of tableRows(table)) {
          if (row.columns.size === 0) continue;
          const precision = [...row.columns.values()][0]?.precision ?? declaration.precision;
          const target = row.columns.get(column.id) ?? blankCell(row, column.id, precision);
          const partAmounts = printedParts.flatMap((id) => row.columns.get(id) ?? []);
          if (partAmounts.length === 0) continue;
          const label = () => figureOf(row.label, columnFigure(column.name));
          if (printedParts.length < partColumns.length) checkBound(report, target, partAmounts, label, columnsText(table, printedParts));
          else compare(report, target, partAmounts, label, columnsText(table, partColumns));
        }
      }
      if (table.total) checkRowSum(report, table, table.total, table.lines, parts.lines);
      // A total with nothing to add up (no lines, projects or part columns) is checked nowhere in its table.
      if (table.total?.amount && table.lines.length === 0 && table.projects.length === 0 && !table.columns.some((column) => column.sum)) {
        report({ messageId: "no-parts", path: table.total.amount.path, data: { target: figureOf(table.total.label, figureNames.amount) } });
      }
      for (const row of tableRows(table)) {
        if (row.kind !== "line") continue;
        if (!row.partialList) checkRowSum(report, table, row, row.lines, table.id === narrativeTableId ? parts.named : parts.children);
        else if (row.amount) {
          const amount = row.amount;
          checkBound(
            report,
            amount,
            row.lines.flatMap((part) => part.amount ?? []),
            () => figureOf(row.label, figureNames.amount),
            parts.list,
          );
        }
      }
      const projectAmounts = table.projects.map((project) => project.amount);
      if (table.total?.amount && projectAmounts.length > 0 && projectAmounts.every((amount): amount is Amount => amount !== undefined)) {
        const total = table.total;
        compare(report, table.total.amount, projectAmounts, () => figureOf(total.label, figureNames.amount), parts.projects);
      }
      for (const project of table.projects) {
        if (project.amount && project.funding.length > 0) {
          compare(
            report,
            project.amount,
            project.funding.map((source) => source.amount),
            () => figureOf(project.label, figureNames.amount),
            parts.funding,
          );
        }
      }
    }
  },
});
