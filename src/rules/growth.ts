import { allRows, type AnyRow, type Declaration } from "../model/declaration.js";
import { inUnitOf, writtenDecimals, type Amount, type Exact, type Percent } from "../model/figure.js";
import type { Text } from "../text.js";
import { declaredInterval, differenceInterval, roundsTo, type Interval } from "../rounding/tolerance.js";
import { figureNames, figureOf } from "./figure-name.js";
import { checkRelation, messagesFor } from "./relation.js";
import { declarationExample, defineRule, type Messages, type Report } from "./rule.js";
import { decimalString, printedAmount, printedPercent } from "../model/figure.js";

/**
 * What a row's amount is compared with: the prior year (上年数, 增减额, 增长率), or in a final account the
 * initial budget (年初预算数, 较年初预算增减额, 增减率). Both are checked alike.
 */
interface Comparison {
  base?: Amount;
  change?: Amount;
  rate?: Percent;
  /** The base as a ratio's whole shows it, and as “the … would be below zero” names it. */
  names: { change: Text; rate: Text; difference: Text; whole: Text; below: Text };
}

export const againstPrior = {
  whole: { zh: "上年数", en: "prior" },
  below: { zh: "上年数", en: "prior year" },
  change: figureNames.change,
  rate: figureNames.growth,
  difference: { zh: "本年数 − 上年数之差", en: "amount − prior" },
};

export const againstBudget = {
  whole: figureNames.budgeted,
  below: figureNames.budgeted,
  change: figureNames.budgetChange,
  rate: figureNames.budgetGrowth,
  difference: { zh: "决算数 − 年初预算数之差", en: "amount − initial budget" },
};

function comparisons(row: AnyRow): Comparison[] {
  return [
    { base: row.prior, change: row.change, rate: row.growth, names: againstPrior },
    { base: row.budgeted, change: row.budgetChange, rate: row.budgetGrowth, names: againstBudget },
  ];
}

const messages = {
  ...messagesFor("sum", "ratio"),
  "zero-base": {
    text: {
      zh: "{target} {actual} 以 0 为基数：上年数为 0 时没有增长率",
      en: "{target} {actual} is against a prior of 0: there is no growth rate when the prior year is 0",
    },
  },
  "negative-prior": {
    text: {
      zh: "{target} {change} 大于本年数 {amount}：{base}将为 {prior}，低于零",
      en: "{target}, {change}, is more than the amount {amount}: the {base} would be {prior}, below zero",
    },
  },
  "no-base": {
    severity: "info",
    text: {
      zh: "{target} {actual} 无法核对：需要本年数、{base}、增减额中的两个，所写的不足两个",
      en: "{target} {actual} cannot be checked: that needs two of the amount, the {base} and the change, and fewer are stated",
    },
  },
  "sign-mismatch": {
    text: {
      zh: "{target} {actual} 与增减额 {change} 的符号相反",
      en: "{target} {actual} has the opposite sign to the change {change}",
    },
  },
} satisfies Messages;

export const growth = defineRule({
  id: "growth",
  meta: {
    name: "GrowthMatchesChange",
    description: {
      zh: "增减额 = 本年数 − 上年数；增长率 = 增减额 ÷ 上年数（以上年为基数）；只写本年数和增减额时，上年数 = 本年数 − 增减额；上年为 0 不能写增长率；增减额与增长率符号一致。",
      en: "Change = amount − prior; growth = change ÷ prior (the prior year is the base); where only amount and change are stated, prior = amount − change; a growth rate against a prior of 0 is an error; change and growth have the same sign.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t5-1
            title: 一般公共预算支出表
            lines:
              - { code: "2010350", name: 事业运行, amount: 308.86, change: 87.37, growth: 28.29% }
      `),
      passing: declarationExample(`
        tables:
          - id: t5-1
            title: 一般公共预算支出表
            lines:
              - { code: "2010350", name: 事业运行, amount: 308.86, change: 87.37, growth: 39.45% }
      `),
    },
    docs: {
      zh: "同比增长率以上年数为基数：增长率 = 增减额 ÷ 上年数，而不是除以本年数。多数情况说明只写本年数、增减额和增长率，上年数由本年数 − 增减额推出，其四舍五入区间为两者区间之和。增长率按所写的小数位核对，规则与占比相同。上年数为 0（新设单位或科目）时没有增长率，写了增长率就是错误。增减额为正而增长率为负（或相反）也是错误。",
      en: "A year-on-year growth rate is based on the prior year: growth = change ÷ prior, not ÷ the current year. Most narratives state only the amount, the change and the rate; the prior is then amount − change, whose rounding interval is the sum of both. The rate is checked at the decimals it is written with, as shares are. A prior of 0 (a new unit or item) has no growth rate: stating one is an error. A positive change with a negative rate (or the reverse) is an error too.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const row of allRows(declaration)) {
      for (const comparison of comparisons(row)) if (checkChange(row, comparison, report)) checkGrowthRate(row, comparison, declaration.ratioBasis, report);
    }
  },
});

type GrowthReport = Report<keyof typeof messages>;

/** The change against amount − base; false when the change implies a base below zero, so that its rate is not checked too. */
function checkChange(row: AnyRow, { base: prior, change, names }: Comparison, report: GrowthReport): boolean {
  const { amount } = row;
  if (amount && prior && change) {
    checkRelation(report, {
      kind: "sum",
      figure: { amount: change, label: () => figureOf(row.label, names.change) },
      terms: [
        { amount, sign: 1 },
        { amount: prior, sign: -1 },
      ],
      parts: names.difference,
    });
  }
  // 收入 128.8 万元, “增加 130 万元”: last year would have been below zero, which no budget is.
  if (amount && change && !prior) {
    const implied = differenceInterval(amount, change);
    if (implied.mid.plus(implied.half).isNegative()) {
      report({
        messageId: "negative-prior",
        path: change.path,
        data: {
          target: figureOf(row.label, names.change),
          base: names.below,
          amount: printedAmount(amount),
          change: printedAmount(change),
          prior: decimalString(inUnitOf(implied.mid, amount)),
        },
        related: [amount.path],
      });
      return false;
    }
  }
  return true;
}

/** The rate against change ÷ base, each stated or derived from the two other figures. */
function checkGrowthRate(row: AnyRow, { base: prior, change, rate, names }: Comparison, basis: Declaration["ratioBasis"], report: GrowthReport): void {
  const { amount } = row;
  if (!rate) return;
  // The common case first, on the printed figures alone: the rate is their ratio, rounded.
  const wholeMid = prior ? prior.value : amount && change ? amount.value.minus(change.value) : undefined;
  const partMid = change ? change.value : amount && prior ? amount.value.minus(prior.value) : undefined;
  if (partMid && wholeMid && roundsTo(rate, partMid, wholeMid)) return;
  const target = () => figureOf(row.label, names.rate);
  if (change && !change.value.isZero() && !rate.value.isZero() && change.value.isNegative() !== rate.value.isNegative()) {
    report({
      messageId: "sign-mismatch",
      path: rate.path,
      data: { target: target(), actual: printedPercent(rate), change: printedAmount(change) },
      related: [change.path],
    });
    return;
  }
  let part: Interval | undefined;
  let whole: Interval | undefined;
  if (prior) whole = declaredInterval(prior);
  else if (amount && change) whole = differenceInterval(amount, change);
  if (change) part = declaredInterval(change);
  else if (amount && prior) part = differenceInterval(amount, prior);
  if (!part || !whole) {
    // A rate with only its change (增加 2.27 万元，增长 29.37%) or only its amount: said, never skipped silently.
    report({
      messageId: "no-base",
      path: rate.path,
      data: { target: target(), actual: printedPercent(rate), base: names.whole },
      ...(change ? { related: [change.path] } : {}),
    });
    return;
  }
  const related = () => [amount?.path, prior?.path, change?.path].filter((path): path is string => path !== undefined);
  if (whole.mid.isZero()) {
    // 0 万元，增加/减少 0 万元，增长/下降 0%: a template's nothing against nothing is not a rate.
    if (rate.value.isZero() && part.mid.isZero()) return;
    const actual = printedPercent(rate);
    report({ messageId: "zero-base", path: rate.path, data: { target: target(), actual }, actual, related: related() });
    return;
  }
  // Printed figures as printed; a derived one at the decimals of those it comes from.
  const derived = (value: Exact, from: (Amount | undefined)[]) =>
    inUnitOf(value, amount).toFixed(Math.max(0, ...from.map((figure) => (figure ? writtenDecimals(figure) : 0))));
  const changeShown = () => (change ? printedAmount(change) : derived(part.mid, [amount, prior]));
  const priorShown = () => (prior ? printedAmount(prior) : derived(whole.mid, [amount, change]));
  checkRelation(report, {
    kind: "ratio",
    figure: { percent: rate, label: target },
    part: { interval: part, shown: () => ({ zh: `增减额 ${changeShown()}`, en: `change ${changeShown()}` }) },
    whole: { interval: whole, shown: () => ({ zh: `${names.whole.zh} ${priorShown()}`, en: `${names.whole.en} ${priorShown()}` }) },
    basis,
    related,
    ...(amount && change ? { misread: onThisYear(amount, names) } : {}),
  });
}

/** The classic slip: the change divided by this year's amount instead of the base. */
function onThisYear(amount: Amount, names: Comparison["names"]) {
  return {
    whole: declaredInterval(amount),
    says: () => ({
      zh: `；这是增减额 ÷ 本年数 ${printedAmount(amount)} 的结果：${names.rate.zh}应以${names.whole.zh}为基数`,
      en: `; it is the change ÷ this year's amount ${printedAmount(amount)}: a ${names.rate.en} is based on the ${names.whole.en}`,
    }),
  };
}
