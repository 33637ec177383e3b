import { childPointer } from "../load/json-pointer.js";
import { tableRows, type Row, type Table } from "../model/declaration.js";
import { decimalString, Exact, type Amount } from "../model/figure.js";
import { compareSum } from "../rounding/tolerance.js";
import type { Text } from "../text.js";
import { columnFigure, figureNames, figureOf, reportComparison, yearFigure } from "./relation-report.js";
import { declarationExample, defineRule, type Messages, type Report } from "./rule.js";

const parts = {
  children: { zh: "下级行", en: "its child lines" },
  lines: { zh: "各行", en: "the table's lines" },
  projects: { zh: "各项目", en: "the projects" },
  funding: { zh: "各资金来源", en: "the funding sources" },
} satisfies Record<string, Text>;

function columnsText(table: Table, ids: readonly string[]): Text {
  const names = ids.map((id) => table.columns.find((column) => column.id === id)?.name ?? id);
  return { zh: `${names.map((name) => `「${name}」`).join("")}各栏`, en: `the columns ${names.map((name) => `“${name}”`).join(", ")}` };
}

/** A blank cell beside stated ones in the same row reads as 0. */
function blankCell(row: Row, column: string, precision: number): Amount {
  return { value: new Exact(0), decimals: precision, precision, path: childPointer(childPointer(row.path, "amount"), column) };
}

function compare(report: Report<Message>, target: Amount, partAmounts: Amount[], label: () => Text, what: Text, relatedPaths?: () => string[]) {
  const comparison = compareSum(target, partAmounts);
  if (comparison.agreement === "exact") return; // the common case: build no message for it
  reportComparison(report, comparison, {
    messages: { mismatch: "mismatch", rounding: "rounding", coarse: "coarse" },
    path: target.path,
    data: { target: label(), parts: what },
    related: relatedPaths?.() ?? partAmounts.map((amount) => amount.path),
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
  const comparison = compareSum(target, reported);
  if (comparison.agreement === "mismatch" && comparison.difference.isNegative()) {
    reportComparison(report, comparison, {
      messages: { mismatch: "partial-exceeds", rounding: "partial" },
      path: target.path,
      data,
      related: reported.map((amount) => amount.path),
    });
    return;
  }
  const show = { expected: decimalString(comparison.expected), actual: decimalString(comparison.actual) };
  report({ messageId: "partial", path: target.path, data: { ...data(), ...show }, related: unreported.map((row) => row.path) });
}

/** target = Σ parts for every figure they all state: each column, prior, change, each earlier year. */
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
  for (const key of ["prior", "change"] as const) {
    const targetAmount = target[key];
    const partAmounts = partRows.map((part) => part[key]);
    if (targetAmount && partAmounts.every((amount): amount is Amount => amount !== undefined)) {
      compare(report, targetAmount, partAmounts, () => figureOf(target.label, figureNames[key]), what);
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
  mismatch: {
    text: {
      zh: "{target}应为{parts}之和 {expected}，实为 {actual}，差 {difference}，超出容差 {tolerance}",
      en: "{target} should be the sum of {parts}, {expected}, but is {actual}: off by {difference}, beyond the tolerance {tolerance}",
    },
  },
  rounding: {
    severity: "info",
    text: {
      zh: "{target} {actual} 与{parts}之和 {expected} 相差 {difference}，在四舍五入尾差容差 {tolerance} 之内",
      en: "{target} {actual} differs from the sum of {parts}, {expected}, by {difference}: a rounding residual within the tolerance {tolerance}",
    },
  },
  "partial-exceeds": {
    text: {
      zh: "{target} {actual} 小于{parts}中已列金额之和 {expected}，差 {difference}，超出容差 {tolerance}（{missing}未列金额）",
      en: "{target}, {actual}, is less than the sum of {parts} that state an amount, {expected}: off by {difference}, beyond the tolerance {tolerance} ({missing} state no amount)",
    },
  },
  partial: {
    severity: "info",
    text: {
      zh: "{target} 只能核对上限：{missing}未列金额，其余{parts}之和 {expected} 不超过 {actual}",
      en: "{target} can be checked only as a bound: {missing} state no amount, and the rest of {parts} add up to {expected}, within {actual}",
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
  coarse: {
    severity: "info",
    text: {
      zh: "{target} {actual} 与{parts}之和 {expected} 相差 {difference}，只有按所写的小数位理解时才在容差 {tolerance} 之内",
      en: "{target} {actual} differs from the sum of {parts}, {expected}, by {difference}: within the tolerance {tolerance} only when figures are read at the decimals they are written with",
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
        if (!column.sum) continue;
        const partColumns = column.sum.filter((id) => id !== column.id && table.columns.some((c) => c.id === id));
        for (const row of tableRows(table)) {
          if (row.columns.size === 0) continue;
          const precision = [...row.columns.values()][0]?.precision ?? declaration.precision;
          const target = row.columns.get(column.id) ?? blankCell(row, column.id, precision);
          const partAmounts = partColumns.flatMap((id) => row.columns.get(id) ?? []);
          if (partAmounts.length === 0) continue;
          compare(report, target, partAmounts, () => figureOf(row.label, columnFigure(column.name)), columnsText(table, partColumns));
        }
      }
      if (table.total) checkRowSum(report, table, table.total, table.lines, parts.lines);
      // A total with nothing to add up (no lines, projects or part columns) is checked nowhere in its table.
      if (table.total?.amount && table.lines.length === 0 && table.projects.length === 0 && !table.columns.some((column) => column.sum)) {
        report({ messageId: "no-parts", path: table.total.amount.path, data: { target: figureOf(table.total.label, figureNames.amount) } });
      }
      for (const row of tableRows(table)) {
        if (row.kind === "line") checkRowSum(report, table, row, row.lines, parts.children);
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
