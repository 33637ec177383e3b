import type { CustomCheck, FigureReference } from "../model/custom-check.js";
import type { Declaration } from "../model/declaration.js";
import { decimalString, type Amount, type Percent } from "../model/figure.js";
import { declaredInterval } from "../rounding/tolerance.js";
import { resolveReference } from "../model/reference.js";
import type { Text } from "../text.js";
import { aside, checkRelation, messagesFor, sumOf, type Figure, type Relation } from "./relation.js";
import { defineRule, type Messages, type Report } from "./rule.js";

const messages = {
  ...messagesFor("same", "sum", "ratio", "at-most"),
  "wrong-kind": {
    text: {
      zh: "自定义核对 {check}（{where}）中的 {reference} 是{found}，这里需要{needed}",
      en: "In the custom check {check} ({where}), {reference} is {found} where {needed} is needed",
    },
  },
  "not-in-excerpt": {
    severity: "info",
    text: {
      zh: "自定义核对 {check}（{where}）未核对：本节选没有声明 {table} 表",
      en: "The custom check {check} ({where}) is not checked: this excerpt does not declare table {table}",
    },
  },
  "not-on-document": {
    severity: "info",
    text: {
      zh: "自定义核对 {check}（{where}）未核对：从文档读出的{table}中没有 {reference}（读出的行没有这个 id）",
      en: "The custom check {check} ({where}) is not checked: {table} as read from the document has no {reference} (its lines do not carry that id)",
    },
  },
  "unknown-figure": {
    text: {
      zh: "自定义核对 {check}（{where}）引用的 {reference} 在本声明中不存在",
      en: "The custom check {check} ({where}) refers to {reference}, which this declaration does not state",
    },
  },
} satisfies Messages;

/** Custom checks from a bureau's config report as `custom/<id>` with these messages. */
export const custom = defineRule({
  id: "custom",
  meta: {
    name: "CustomCheck",
    description: {
      zh: "财政局在配置中定义的核对（equal、sum、ratio、compare），与内置规则使用同一舍入模型，报告为 custom/<id>。",
      en: "Checks a finance bureau defines in its config (equal, sum, ratio, compare), with the same rounding model as the built-in rules, reported as custom/<id>.",
    },
    defaultSeverity: "error",
    docs: {
      zh: "在 budget-rules.config.yaml 的 checks 中用引用（表 id/行编码或 id:栏 id.字段）写出本地的勾稽关系，例如湖北的整体绩效目标表中“人员类项目支出”等于基本支出表的人员经费。不执行任何代码。引用的数字在声明中不存在时报错误，绝不悄悄通过；节选（excerpt，如从情况说明原文读出的声明）没有声明所引用的整张表时报提示。",
      en: "A bureau writes its local relations in the `checks` of budget-rules.config.yaml with references (table id/line code or id:column id.field), such as Hubei's 人员类项目支出 in the overall performance table equalling the basic expenditure table's personnel costs. No code is run. A reference to a figure the declaration does not state is an error, never a silent pass; in an excerpt (such as the declaration read from a narrative), a table it does not declare at all is info.",
    },
    messages,
  },
});

type Resolved = { amount: Amount; label: Text } | { percent: Percent; label: Text };

function resolveFigure(declaration: Declaration, reference: FigureReference): Resolved | undefined {
  const resolution = resolveReference(declaration, {
    text: reference.text,
    table: reference.table,
    ...(reference.line !== undefined ? { line: reference.line } : {}),
    ...(reference.column !== undefined ? { column: reference.column } : {}),
    path: "",
  });
  if (!resolution.found) return undefined;
  const label = { zh: reference.text, en: reference.text };
  const { row } = resolution;
  switch (reference.field) {
    case "amount":
      return resolution.amount ? { amount: resolution.amount, label } : undefined;
    case "prior":
    case "change": {
      const amount = row[reference.field];
      return amount ? { amount, label } : undefined;
    }
    case "growth":
    case "share": {
      const percent = row[reference.field];
      return percent ? { percent, label } : undefined;
    }
    case "history": {
      const amount = reference.year === undefined ? undefined : row.history.get(reference.year);
      return amount ? { amount, label } : undefined;
    }
  }
}

/** A check's references in the order its relation states them: a ratio's percentage first. */
function referencesOf(relation: CustomCheck["relation"]): readonly FigureReference[] {
  switch (relation.kind) {
    case "equal":
      return relation.figures;
    case "sum":
      return [relation.total, ...relation.parts];
    case "ratio":
      return [relation.percent, relation.part, relation.whole];
    case "compare":
      return [relation.less, relation.more];
  }
}

/** Runs a config's custom checks; `report` receives each check's problems under `custom/<id>`. */
export function checkCustom(checks: readonly CustomCheck[], declaration: Declaration, report: (checkId: string, problem: Parameters<Report>[0]) => void): void {
  for (const check of checks) {
    const references = referencesOf(check.relation);
    const resolved = references.map((reference) => resolveFigure(declaration, reference));
    const missing = references.find((_, index) => resolved[index] === undefined);
    const local: Report = (problem) => report(check.id, problem);
    if (missing) {
      const at = { check: `custom/${check.id}`, where: missing.where };
      // An excerpt (a document's narrative, a page) leaves tables out: a check on one is said, not failed.
      const table = declaration.tablesById.get(missing.table);
      if (declaration.excerpt && !table) local({ messageId: "not-in-excerpt", severity: "info", path: "", data: { ...at, table: missing.table } });
      // A document's lines are named by the reader, not by the ids a bureau's checks use: said, not failed.
      else if (declaration.printed && table)
        local({ messageId: "not-on-document", severity: "info", path: "", data: { ...at, table: table.shown, reference: missing.text } });
      else local({ messageId: "unknown-figure", severity: "error", path: "", data: { ...at, reference: missing.text } });
      continue;
    }
    if (reportWrongKind(check, references, resolved, local)) continue;
    for (const relation of relationsOf(check, resolved, declaration))
      checkRelation(local, check.severity ? { ...relation, severity: check.severity } : relation);
  }
}

/** A ratio's first figure is a percentage; every other figure is an amount. Reports the first that is not; true when one was. */
function reportWrongKind(check: CustomCheck, references: readonly FigureReference[], resolved: readonly (Resolved | undefined)[], local: Report): boolean {
  const wrong = references.findIndex((_, index) => {
    const figure = resolved[index];
    const wantsPercent = check.relation.kind === "ratio" && index === 0;
    return figure !== undefined && "percent" in figure !== wantsPercent;
  });
  const wrongReference = references[wrong];
  if (!wrongReference) return false;
  const percentWord = { zh: "百分比", en: "a percentage" };
  const amountWord = { zh: "金额", en: "an amount" };
  const wantsPercent = check.relation.kind === "ratio" && wrong === 0;
  local({
    messageId: "wrong-kind",
    severity: "error",
    path: "",
    data: {
      check: `custom/${check.id}`,
      where: wrongReference.where,
      reference: wrongReference.text,
      found: wantsPercent ? amountWord : percentWord,
      needed: wantsPercent ? percentWord : amountWord,
    },
  });
  return true;
}

/** The relations the engine compares for a check whose figures all resolved to the right kind. */
function relationsOf(check: CustomCheck, resolved: readonly (Resolved | undefined)[], declaration: Declaration): Relation[] {
  const what: Text = { zh: check.description ?? `custom/${check.id}`, en: check.description ?? `custom/${check.id}` };
  const amounts = resolved.map((figure) => (figure && "amount" in figure ? figure : undefined));
  const asFigure = (index: number): Figure | undefined => amounts[index];
  const note = aside(what);
  const relations: Relation[] = [];
  switch (check.relation.kind) {
    case "equal": {
      const [first, ...others] = amounts;
      if (first) for (const other of others) if (other) relations.push({ kind: "same", figure: other, other: first, note });
      break;
    }
    case "sum": {
      const [total, ...parts] = amounts;
      if (total && parts.every((part) => part !== undefined)) relations.push(sumOf(total, parts, what));
      break;
    }
    case "ratio": {
      const percent = resolved[0];
      const part = asFigure(1);
      const whole = asFigure(2);
      if (percent && "percent" in percent && part && whole)
        relations.push({
          kind: "ratio",
          figure: percent,
          part: { interval: declaredInterval(part.amount), shown: decimalString(part.amount.value) },
          whole: { interval: declaredInterval(whole.amount), shown: decimalString(whole.amount.value) },
          basis: declaration.ratioBasis,
          related: () => [part.amount.path, whole.amount.path],
          note,
        });
      break;
    }
    case "compare": {
      const left = asFigure(0);
      const right = asFigure(1);
      if (left && right) relations.push({ kind: "at-most", figure: left, limit: right, note });
      break;
    }
  }
  return relations;
}
