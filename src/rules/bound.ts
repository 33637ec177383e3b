import { type Declaration, type Project } from "../model/declaration.js";
import { decimalString, type Amount } from "../model/figure.js";
import { derivedInterval } from "../rounding/tolerance.js";
import { figureNames, figureOf, yearFigure } from "./figure-name.js";
import { aside, checkRelation, messagesFor } from "./relation.js";
import { declarationExample, defineRule, type Report } from "./rule.js";

const partOfWhole = aside({ zh: "部分不超过整体", en: "a part never exceeds its whole" });

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
    const last = budgets[budgets.length - 1];
    if (!last) continue;
    const listed = budgets.map(({ project, amount }) => `${project.name} ${decimalString(amount.value)}`).join(" + ");
    checkRelation(report, {
      kind: "at-most",
      figure: {
        interval: derivedInterval(budgets.map(({ amount }) => ({ amount, sign: 1 }))),
        label: { zh: `所列项目 ${year} 年预算之和`, en: `the sum of the listed projects' budgets for ${year}` },
        path: last.amount.path,
      },
      limit: whole,
      note: () => ({ zh: `（${listed}）`, en: ` (${listed})` }),
      related: () => [...budgets.slice(0, -1).map(({ amount }) => amount.path), whole.amount.path],
      // The listed projects may be only some of the year's: a breach is likelier a slip than a certainty.
      severity: "warning",
    });
  }
}

const messages = messagesFor("at-most");
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
          checkRelation(report, {
            kind: "at-most",
            figure: { amount: line.amount, label: () => figureOf(line.label, figureNames.amount) },
            limit: whole,
            note: partOfWhole,
          });
      }
    }
    checkProjectHistory(declaration, report);
  },
});
