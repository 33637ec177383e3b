import { allRows, tableRows, type Declaration, type Line, type Row } from "../model/declaration.js";
import { resolveReference } from "../model/reference.js";
import { declaredInterval, differenceInterval, type Interval } from "../rounding/tolerance.js";
import type { Text } from "../text.js";
import { figureOf } from "./figure-name.js";
import { sameRows } from "./cross-table.js";
import { checkRelation, messagesFor } from "./relation.js";
import { declarationExample, defineRule, type Report } from "./rule.js";

/** A prior-year amount as the declaration gives it, directly or through a row's change. */
interface Prior {
  row: Row;
  interval: Interval;
  path: string;
  how: "stated" | "history" | "derived";
  label: () => Text;
}

const how = {
  stated: { zh: "上年数", en: "prior-year amount" },
  history: { zh: "上年金额", en: "amount for the prior year" },
  derived: { zh: "本年数 − 增减额", en: "amount − change" },
} satisfies Record<Prior["how"], Text>;

function ownPriors(row: Row, year: number): Prior[] {
  const priors: Prior[] = [];
  const label = (kind: Prior["how"]) => () => figureOf(row.label, how[kind]);
  if (row.prior) priors.push({ row, interval: declaredInterval(row.prior), path: row.prior.path, how: "stated", label: label("stated") });
  const history = row.history.get(year - 1);
  if (history) priors.push({ row, interval: declaredInterval(history), path: history.path, how: "history", label: label("history") });
  if (row.amount && row.change) {
    priors.push({
      row,
      interval: differenceInterval(row.amount, row.change),
      path: row.change.path,
      how: "derived",
      label: label("derived"),
    });
  }
  return priors;
}

/** Rows that print the same figure: a statement and the row it restates, the same total in two tables. */
class SameFigure {
  private readonly parent = new Map<Row, Row>();
  find(row: Row): Row {
    let root = row;
    for (let next = this.parent.get(root); next && next !== root; next = this.parent.get(root)) root = next;
    return root;
  }
  join(a: Row, b: Row): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    this.members.add(a).add(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
  /** Whether the row was ever joined to another. */
  joined(row: Row): boolean {
    return this.members.has(row);
  }
  private readonly members = new Set<Row>();
}

const preference: Record<Prior["how"], number> = { stated: 0, history: 1, derived: 2 };

const messages = messagesFor("agree");
type Message = keyof typeof messages;

export const priorYear = defineRule({
  id: "prior-year",
  meta: {
    name: "PriorYearAddsUp",
    description: {
      zh: "上年数（写明的、以前年度金额中的，或由本年数 − 增减额推出的）像本年数一样逐级加总，并与声明中其他地方给出的同一上年合计一致；推出的上年数带两次四舍五入，容差相应放宽。",
      en: "Prior-year amounts (stated, listed among earlier years, or derived as amount − change) add up like the current year's, level by level, and agree with the same prior-year total stated elsewhere; a derived prior carries two roundings, and the tolerance widens with it.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 30, change: 8 }
            lines:
              - { name: 甲, amount: 10, change: 5 }
              - { name: 乙, amount: 20, change: 5 }
      `),
      passing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 30, change: 10 }
            lines:
              - { name: 甲, amount: 10, change: 5 }
              - { name: 乙, amount: 20, change: 5 }
      `),
    },
    docs: {
      zh: "情况说明通常只写本年数和增减额。由此推出的上年数 = 本年数 − 增减额，其区间是两者区间之和。各项的上年数之和应等于上级和合计的上年数（例如各项增减额之和应约等于总增减额），也应等于声明中其他地方写明的上年合计，例如整体绩效目标表中上年的支出合计。同一个数字（说明与所述表行、各表中的同一合计）的上年数互相核对。",
      en: "The narrative usually states only the amount and the change. The prior is then amount − change, whose interval is the sum of both. The priors of the items must add up to the prior of their parent and of the total (so the items' changes add up to the total change), and agree with a prior-year total stated elsewhere, such as last year's expenditure total in the overall performance table. The priors of one figure (a statement and the line it restates, the same total in two tables) are checked against each other.",
    },
    messages,
  },
  check({ declaration, report }) {
    const { same, restates } = sameFigures(declaration);
    const groups = priorGroups(allRows(declaration), same, declaration.year);
    const alone = new Map<Row, Prior | undefined>();
    const priorOf = (row: Row): Prior | undefined => {
      const root = same.find(row);
      if (root !== row || same.joined(row)) return groups.get(root)?.[0];
      if (!alone.has(row)) alone.set(row, ownPriors(row, declaration.year).sort((a, b) => preference[a.how] - preference[b.how])[0]);
      return alone.get(row);
    };
    checkSamePriors(groups, restates, report);
    checkPriorSums(declaration, priorOf, report);
  },
});

/** Rows that are one figure: a statement and the line it restates, the same total in two tables. */
function sameFigures(declaration: Declaration): { same: SameFigure; restates: Map<Row, Row> } {
  const same = new SameFigure();
  const restates = new Map<Row, Row>();
  for (const statement of declaration.statements) {
    for (const figure of statement.figures) {
      const resolution = resolveReference(declaration, figure.restates);
      if (!resolution.found || (resolution.column !== undefined && resolution.table.columns[0]?.id !== resolution.column)) continue;
      same.join(resolution.row, figure);
      restates.set(figure, resolution.row);
    }
  }
  for (const [a, b] of sameRows(declaration)) same.join(a, b);
  return { same, restates };
}

/** Each joined figure's priors, the preferred first. */
function priorGroups(rows: readonly Row[], same: SameFigure, year: Declaration["year"]): Map<Row, Prior[]> {
  // Only rows joined to others form groups; a row alone has its own priors, worked out when asked for
  // (most 项 are never asked: their parents state no prior of their own).
  const groups = new Map<Row, Prior[]>();
  for (const row of rows) {
    const root = same.find(row);
    if (root === row && !same.joined(row)) continue;
    const priors = ownPriors(row, year);
    if (priors.length === 0) continue;
    const group = groups.get(root);
    if (group) group.push(...priors);
    else groups.set(root, priors);
  }
  for (const priors of groups.values()) priors.sort((a, b) => preference[a.how] - preference[b.how]);
  return groups;
}

/**
 * One figure's priors agree: the preferred one against each from another row. A statement's prior of
 * the same kind as its line's is the statement rule's to compare.
 */
function checkSamePriors(groups: ReadonlyMap<Row, Prior[]>, restates: ReadonlyMap<Row, Row>, report: Report<Message>): void {
  for (const priors of groups.values()) {
    const [anchor, ...others] = priors;
    if (!anchor) continue;
    for (const other of others) {
      if (other.row === anchor.row) continue;
      const direct = restates.get(other.row) === anchor.row || restates.get(anchor.row) === other.row;
      if (direct && other.how === anchor.how) continue;
      compare(report, other, anchor.interval, anchor.label(), anchor.path);
    }
  }
}

/** Priors add up like the current year: a row's prior against the priors of its parts. */
function checkPriorSums(declaration: Declaration, priorOf: (row: Row) => Prior | undefined, report: Report<Message>): void {
  const derivedFromParts = (parts: readonly Line[]): Interval | undefined => {
    const intervals: Interval[] = [];
    for (const part of parts) {
      const interval = priorOf(part)?.interval ?? (part.lines.length > 0 && !part.partialList ? derivedFromParts(part.lines) : undefined);
      if (!interval) return undefined;
      intervals.push(interval);
    }
    return intervals.reduce((sum, interval) => ({ mid: sum.mid.plus(interval.mid), half: sum.half.plus(interval.half) }));
  };
  for (const table of declaration.tables) {
    for (const row of tableRows(table)) {
      const parts = row.kind === "total" ? table.lines : row.lines;
      // A 其中 list that may leave parts out says nothing of how its parts' priors add up.
      if (parts.length === 0 || (row.kind === "line" && row.partialList)) continue;
      const own = priorOf(row);
      if (!own) continue;
      const sum = derivedFromParts(parts);
      if (!sum) continue;
      const partsLabel = { zh: `各组成部分的上年数之和`, en: "the sum of its parts' prior-year amounts" };
      compare(report, own, sum, partsLabel, parts[0]?.path ?? row.path);
    }
  }
}

function compare(report: Report<Message>, prior: Prior, expected: Interval, expectedLabel: Text, expectedPath: string) {
  checkRelation(report, { kind: "agree", figure: prior, other: { interval: expected, label: expectedLabel, path: expectedPath } });
}
