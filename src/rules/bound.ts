import { type Declaration, type Project } from "../model/declaration.js";
import { decimalString, Exact, type Amount } from "../model/figure.js";
import { declaredInterval } from "../rounding/tolerance.js";
import { figureNames, figureOf, yearFigure } from "./relation-report.js";
import { checkRelation, relationMessages, type RelationMessage } from "./relation.js";
import { declarationExample, defineRule, type Messages, type Report } from "./rule.js";

const partOfWhole = { zh: "部分不超过整体", en: "a part never exceeds its whole" };

/** Each project once, by id, with the earlier budgets it states (the fullest listing wins). */
function distinctProjects(declaration: Declaration): Project[] {
  const byId = new Map<string, Project>();
  for (const table of declaration.tables) {
    for (const project of table.projects) {
      const known = byId.get(project.id);
      if (!known || project.history.size > known.history.size) byId.set(project.id, project);
    }
  }
  return [...byId.values()];
}

/** The department's total for an earlier year, where a table states it. */
function departmentTotal(declaration: Declaration, year: number): { amount: Amount; label: { zh: string; en: string } } | undefined {
  for (const kind of ["performance-overall", "summary"]) {
    const line = declaration.tables.find((table) => table.kind === kind)?.linesByKey.get("expenditure");
    const amount = line?.history.get(year);
    if (line && amount) return { amount, label: figureOf(line.label, yearFigure(year)) };
  }
  return undefined;
}

function checkProjectHistory(declaration: Declaration, report: Report<Message>) {
  const projects = distinctProjects(declaration);
  const years = new Set(projects.flatMap((project) => [...project.history.keys()]));
  for (const year of [...years].sort()) {
    const whole = departmentTotal(declaration, year);
    if (!whole) continue;
    const budgets = projects.flatMap((project) => {
      const amount = project.history.get(year);
      return amount ? [{ project, amount }] : [];
    });
    const sum = budgets.reduce((total, { amount }) => total.plus(amount.value), new Exact(0));
    const tolerance = budgets.reduce((total, { amount }) => total.plus(declaredInterval(amount).half), declaredInterval(whole.amount).half);
    const difference = sum.minus(whole.amount.value);
    const last = budgets[budgets.length - 1];
    if (!last || difference.lte(tolerance)) continue;
    report({
      messageId: "projects-exceed",
      path: last.amount.path,
      data: {
        year,
        projects: budgets.map(({ project, amount }) => `${project.name} ${decimalString(amount.value)}`).join(" + "),
        actual: decimalString(sum),
        whole: whole.label,
        expected: decimalString(whole.amount.value),
        difference: decimalString(difference),
      },
      actual: decimalString(sum),
      expected: decimalString(whole.amount.value),
      difference: decimalString(difference),
      tolerance: decimalString(tolerance),
      related: [...budgets.slice(0, -1).map(({ amount }) => amount.path), whole.amount.path],
    });
  }
}

const messages = {
  "compare-exceeds": relationMessages["compare-exceeds"],
  "projects-exceed": {
    severity: "warning",
    text: {
      zh: "所列项目 {year} 年预算之和 {actual}（{projects}）超过了{whole} {expected}，超出 {difference}",
      en: "The listed projects' budgets for {year} add up to {actual} ({projects}), above {whole}, {expected}, by {difference}",
    },
  },
} satisfies Messages;
type Message = keyof typeof messages;

export const bound = defineRule({
  id: "bound",
  meta: {
    name: "PartWithinWhole",
    description: {
      zh: "部分不超过整体：任何一行不超过表合计；所列项目以前年度预算之和不超过当年部门支出总额（警告）。",
      en: "A part never exceeds its whole: no line above its table total; the earlier budgets of the listed projects not above that year's department total (a warning).",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 100 }
            lines:
              - { name: 甲, amount: 120 }
      `),
      passing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 120 }
            lines:
              - { name: 甲, amount: 120 }
      `),
    },
    docs: {
      zh: "不论在哪一层，表中任何一行的金额都不应超过表合计（超出尾差容差即为错误）。项目绩效目标表列出项目前两年的预算；同一年所列项目预算之和不应超过该年部门支出总额（整体绩效目标表或部门收支总表中以前年度的支出合计）。所列项目可能只是当年项目的一部分，所以这只能是上限，不符时报警告：多半是某个数字抄错了单位或小数点。",
      en: "Whatever its depth, no line of a table may exceed the table total beyond rounding (an error). Project performance tables list each project's budgets of the two years before; for one year, the listed projects' budgets together may not exceed that year's department total (the earlier-year expenditure total of the overall performance table or the summary table). The listed projects may be only some of that year's, so this is only an upper bound, and a breach is a warning: most often one figure was copied in the wrong unit or with a misplaced decimal point.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const table of declaration.tables) {
      const total = table.total?.amount;
      if (!total || !table.total) continue;
      const whole = { amount: total, label: figureOf(table.total.label, figureNames.amount) };
      for (const line of table.allLines) {
        if (line.amount)
          checkRelation(
            // A compare relation reports only compare-exceeds, which is bound's own.
            report as Report<RelationMessage>,
            { kind: "compare", left: { amount: line.amount, label: figureOf(line.label, figureNames.amount) }, right: whole, what: partOfWhole },
            declaration.ratioBasis,
          );
      }
    }
    checkProjectHistory(declaration, report);
  },
});
