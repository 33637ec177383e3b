import type { AnyRow, Declaration, Table } from "../model/declaration.js";
import { allRows } from "../model/declaration.js";
import type { Amount, Percent } from "../model/figure.js";
import { resolveReference } from "../model/reference.js";
import { compareSum, declaredInterval, derivedInterval, type Interval } from "../rounding/tolerance.js";
import { figureNames, figureOf } from "./figure-name.js";
import { checkRelation, messagesFor } from "./relation.js";
import { declarationExample, defineRule, type Messages, type Report } from "./rule.js";
import type { Text } from "../text.js";
import { decimalString } from "../model/figure.js";

/** The whole a share is of. `key` identifies it, so that shares of the same whole can be added up. */
interface Whole {
  key: string;
  interval: Interval;
  path: string;
  /** The stated amount of the whole, when there is one. */
  amount?: Amount;
  /** The rows whose amounts make up a whole that is not stated (a table without a total row). */
  parts?: readonly AnyRow[];
}

type WholeResult = { whole: Whole } | { unknown: string; path: string } | { unsaid: true } | undefined;

function stated(amount: Amount, key: string): Whole {
  return { key, interval: declaredInterval(amount), path: amount.path, amount };
}

function tableWhole(table: Table): Whole | undefined {
  if (table.total?.amount) return stated(table.total.amount, table.total.path);
  const amounts = table.lines.map((line) => line.amount);
  if (table.lines.length === 0 || !amounts.every((amount): amount is Amount => amount !== undefined)) return undefined;
  return {
    key: `${table.path}#lines`,
    interval: derivedInterval(amounts.map((amount) => ({ amount, sign: 1 }))),
    path: table.path,
    parts: table.lines,
  };
}

function wholeOf(declaration: Declaration, row: AnyRow): WholeResult {
  const base = row.shareOf ?? (row.kind === "line" ? row.table.shareOf : undefined);
  if (base?.kind === "reference") {
    const resolution = resolveReference(declaration, base.reference);
    if (!resolution.found) return { unknown: base.reference.text, path: base.reference.path };
    if (!resolution.amount) return undefined;
    return { whole: stated(resolution.amount, `${resolution.row.path}:${resolution.column ?? ""}`) };
  }
  if (row.kind === "statement") {
    const resolution = resolveReference(declaration, row.restates);
    return resolution.found && resolution.row.kind !== "statement" ? wholeOf(declaration, resolution.row as AnyRow) : undefined;
  }
  if (row.kind === "total") return row.amount ? { whole: stated(row.amount, row.path) } : undefined;
  if (row.kind === "line") {
    if (base?.kind === "parent") {
      if (row.parent) return row.parent.amount ? { whole: stated(row.parent.amount, row.parent.path) } : undefined;
      // A figure the text states on its own is no total of itself: its share needs a shareOf.
      if (row.table.kind === "narrative") return { unsaid: true };
      if (row.table.total?.amount) return { whole: stated(row.table.total.amount, row.table.total.path) };
      return row.amount ? { whole: stated(row.amount, row.path) } : undefined;
    }
    // A 收支总表's sides (income, expenditure) are no parts of one whole: each is the whole of its own lines.
    const sides = ["income", "expenditure"].every((id) => row.table.lines.some((line) => line.id === id));
    if (sides) return row.parent?.amount ? { whole: stated(row.parent.amount, row.parent.path) } : undefined;
    const whole = tableWhole(row.table);
    return whole ? { whole } : undefined;
  }
  return undefined;
}

/** The rows whose shares should add to 100%: siblings, or the figures of one statement, sharing one whole. */
function containerOf(row: AnyRow): string {
  if (row.kind === "line") return row.parent?.path ?? `${row.table.path}#lines`;
  if (row.kind === "statement") return row.statement.path;
  return row.path;
}

const messages = {
  ...messagesFor("ratio", "hundred"),
  "unknown-whole": {
    text: {
      zh: "占比的基数 {reference} 不存在",
      en: "The share is of {reference}, which does not exist",
    },
  },
  "unknown-whole-suggest": {
    text: {
      zh: "占比的基数 {reference} 不存在；引用写成 表/行，是不是 {suggestion}？",
      en: "The share is of {reference}, which does not exist; a reference is table/line: did you mean {suggestion}?",
    },
  },
  "no-part": {
    severity: "info",
    text: {
      zh: "{target}无法核对：没有可作分子的金额",
      en: "{target} cannot be checked: no amount is stated for the part it is the share of",
    },
  },
  "no-base": {
    severity: "info",
    text: {
      zh: "{target}无法核对：没有说明是占什么的比例（用 shareOf 指明整体，如 narrative/income）",
      en: "{target} cannot be checked: nothing says what it is a share of (name the whole with shareOf, e.g. narrative/income)",
    },
  },
  "no-whole": {
    severity: "info",
    text: {
      zh: "{target}无法核对：其基数（整体）未列金额，各部分也不全",
      en: "{target} cannot be checked: its whole states no amount, and not all of its parts do",
    },
  },
  "zero-whole": {
    text: {
      zh: "{target}的基数为 0，不能有非零占比",
      en: "{target} is of a whole of 0, which has no share other than 0 of 0",
    },
  },
} satisfies Messages;
type Message = keyof typeof messages;

/** The whole as a message shows it; one the table does not state says it is the sum of the lines. */
function shownWhole(whole: Whole): Text | string {
  const sum = decimalString(whole.interval.mid);
  return whole.amount ? sum : { zh: `${sum}（各行之和）`, en: `${sum} (the sum of the lines)` };
}

/** The whole a share is of, or a finding saying why there is none to check it against. */
function wholeFor(declaration: Declaration, row: AnyRow, share: Percent, target: Text, report: Report<Message>): Whole | undefined {
  const result = wholeOf(declaration, row);
  if (result && "whole" in result) return result.whole;
  if (!result) report({ messageId: "no-whole", path: share.path, data: { target } });
  else if ("unsaid" in result) report({ messageId: "no-base", path: share.path, data: { target } });
  else {
    // `shareOf: basic` where the line basic of the row's own table was meant.
    const table = row.kind === "statement" ? undefined : row.table;
    const suggestion = table?.linesByKey.has(result.unknown) ? `${table.id}/${result.unknown}` : undefined;
    if (suggestion) report({ messageId: "unknown-whole-suggest", path: result.path, data: { reference: result.unknown, suggestion } });
    else report({ messageId: "unknown-whole", path: result.path, data: { reference: result.unknown } });
  }
  return undefined;
}

export const share = defineRule({
  id: "share",
  meta: {
    name: "ShareIsPartOfWhole",
    description: {
      zh: "所述占比等于部分 ÷ 整体（默认为表合计），同一整体下各部分的占比合计为 100%。",
      en: "A stated share equals part ÷ whole (the table total unless stated otherwise), and the shares of the parts of one whole add up to 100%.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 825.04 }
            lines:
              - { name: 基本支出, amount: 436.54, share: 53.91% }
              - { name: 项目支出, amount: 388.5, share: 47.09% }
      `),
      passing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 825.04 }
            lines:
              - { name: 基本支出, amount: 436.54, share: 52.91% }
              - { name: 项目支出, amount: 388.5, share: 47.09% }
      `),
    },
    docs: {
      zh: "占比 = 部分 ÷ 整体。百分比按所写的小数位理解（75.1% 为 1 位）：只要金额在其四舍五入区间内的某组真值之比能四舍五入成所写的百分比，就算相容。按打印金额算出的比值恰好四舍五入成所写值时不报告；只靠金额尾差相容报 info；否则报 error。整体默认为表合计，可用 shareOf 改为上级行（parent）或任一引用。同一整体下的各部分若全部写了占比且金额之和等于整体，它们的占比之和应为 100%（容差为各占比最后一位的一半之和）；占比之和等于 100% 并不能证明单个占比正确，所以每个占比也单独核对。",
      en: "Share = part ÷ whole. A percentage is read at the decimals it is written with (75.1% has 1): it agrees when some true amounts within the printed amounts' rounding intervals give a ratio that rounds half-up to it. When the ratio of the printed amounts rounds to it, nothing is reported; agreement only through the amounts' rounding is info; otherwise an error. The whole is the table total unless shareOf says parent or names a reference. When every part of one whole states a share and their amounts add up to the whole, the shares must add up to 100% (within half a unit of the last decimal of each); since shares can add to 100% while single shares are wrong, each share is checked on its own too.",
    },
    messages,
  },
  check({ declaration, report }) {
    const groups = new Map<string, { whole: Whole; rows: AnyRow[]; shares: Percent[] }>();
    for (const row of allRows(declaration)) {
      if (!row.share) continue;
      const target = figureOf(row.label, figureNames.share);
      // A sentence that gives only a share is a share of the amount of the line it restates.
      const restated = row.kind === "statement" && !row.amount ? resolveReference(declaration, row.restates) : undefined;
      const amount = row.amount ?? (restated?.found ? restated.amount : undefined);
      if (!amount) {
        report({ messageId: "no-part", path: row.share.path, data: { target } });
        continue;
      }
      const whole = wholeFor(declaration, row, row.share, target, report);
      if (!whole) continue;
      if (whole.interval.mid.isZero()) {
        // Nothing is a share of 0 but 0 itself.
        if (!row.share.value.isZero() || !amount.value.isZero())
          report({ messageId: "zero-whole", path: row.share.path, data: { target }, related: [whole.path] });
        continue;
      }
      checkRelation(report, {
        kind: "ratio",
        figure: { percent: row.share, label: target },
        part: { interval: declaredInterval(amount), shown: () => decimalString(amount.value) },
        whole: { interval: whole.interval, shown: () => shownWhole(whole) },
        basis: declaration.ratioBasis,
        related: () => [amount.path, whole.path],
      });
      if (whole.key === row.path) continue; // a 合计 row's 100% of itself
      const key = `${containerOf(row)}|${whole.key}`;
      const group = groups.get(key) ?? { whole, rows: [], shares: [] };
      group.rows.push(row);
      group.shares.push(row.share);
      groups.set(key, group);
    }
    for (const { whole, rows, shares } of groups.values()) {
      if (rows.length < 2 || !coversWhole(whole, rows)) continue;
      const container = rows[0];
      const group =
        container?.kind === "line" && container.parent
          ? container.parent.label
          : container?.kind === "line"
            ? { zh: `${container.table.shown} 各行`, en: `the lines of ${container.table.shown}` }
            : { zh: "说明中各项", en: "the statement's figures" };
      checkRelation(report, { kind: "hundred", shares, label: { zh: `${group.zh}的占比之和`, en: `the sum of the shares of ${group.en}` } });
    }
  },
});

/** Shares add to 100% only when their parts make up the whole: every part, and nothing else. */
function coversWhole(whole: Whole, rows: readonly AnyRow[]): boolean {
  if (whole.parts) {
    const members = new Set<AnyRow>(rows);
    return whole.parts.every((part) => members.has(part));
  }
  if (!whole.amount) return false;
  const amounts = rows.map((row) => row.amount).filter((amount): amount is Amount => amount !== undefined);
  return compareSum(whole.amount, amounts).agreement !== "mismatch";
}
