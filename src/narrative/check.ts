import { Exact, Ratio, decimalString, type Amount, type Percent } from "../model/figure.js";
import {
  compareHundred,
  compareIntervals,
  compareLinear,
  compareRatio,
  compareSum,
  declaredInterval,
  derivedInterval,
  roundsTo,
  type Comparison,
  type Interval,
} from "../rounding/tolerance.js";
import type { MessageData } from "../text.js";
import { againstBudget, againstPrior } from "../rules/growth.js";
import { unitPower, type Figure } from "./figures.js";
import type { Breakdown, BudgetYear, Count, Product, Growth, List, Reading, Relation, Share } from "./relations.js";

/** A finding before it is placed and rendered: offsets in the normalised text. */
export interface TextProblem {
  messageId: string;
  data: MessageData;
  start: number;
  end: number;
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  related?: number[];
}

/** A figure as an Amount in `unit` (万元 → 元 shifts the value and the decimals), so that the rounding model applies. */
function amountIn(figure: Figure, unit: string, sign: 1 | -1 = 1): Amount {
  const shift = figure.kind === "count" ? 0 : (unitPower(figure.unit) ?? unitPower(unit) ?? 0) - (unitPower(unit) ?? 0);
  const value = figure.value.times(new Exact(10).pow(shift)).times(sign);
  const decimals = figure.kind === "count" ? 30 : figure.decimals - shift;
  return { value, decimals, precision: decimals, path: "" };
}

function percentOf(figure: Figure, sign: 1 | -1 = 1): Percent {
  return { value: figure.value.times(sign), decimals: figure.decimals, path: "" };
}

/** The common unit of a relation's amounts: the first figure's with a unit. */
function unitOf(figures: readonly (Figure | undefined)[]): string {
  return figures.find((figure) => figure && figure.kind !== "percent" && figure.unit !== "")?.unit ?? "";
}

function show(value: Exact, unit: string): string {
  return `${decimalString(value)}${unit === "%" ? "%" : ""}`;
}

function figures(comparison: Comparison, unit = "") {
  const [difference, tolerance] = [decimalString(comparison.difference), decimalString(comparison.tolerance)];
  return {
    expected: show(comparison.expected, unit),
    actual: show(comparison.actual, unit),
    // Percentages differ in percentage points: the messages say so, and the figures carry no “%”.
    difference,
    tolerance,
    differenceUnit: points(difference),
    toleranceUnit: points(tolerance),
  };
}

/** “个百分点”, “percentage point(s)”, as the number before it needs. */
function points(value: string): { zh: string; en: string } {
  return { zh: "个百分点", en: /^-?1$/.test(value) ? "percentage point" : "percentage points" };
}

/** How a message names a figure: the start of its clause up to the figure (“2020 年度“三公”经费 41 万元”). */
type Namer = (figure: Figure) => { zh: string; en: string };

/** The change and the prior year's amount, each stated or else derived from the two other figures. */
function changeAndPrior(growth: Growth, unit: string, sign: 1 | -1): { part?: Interval; whole?: Interval } {
  const { subject, prior, change } = growth;
  let part: Interval | undefined;
  let whole: Interval | undefined;
  if (change) part = declaredInterval(amountIn(change, unit, sign));
  if (prior) whole = declaredInterval(amountIn(prior, unit));
  else if (subject && change)
    whole = derivedInterval([
      { amount: amountIn(subject, unit), sign: 1 },
      { amount: amountIn(change, unit, sign), sign: -1 },
    ]);
  if (!part && prior && subject)
    part = derivedInterval([
      { amount: amountIn(subject, unit), sign: 1 },
      { amount: amountIn(prior, unit), sign: -1 },
    ]);
  return { ...(part ? { part } : {}), ...(whole ? { whole } : {}) };
}

function checkGrowth(growth: Growth, name: Namer, problems: TextProblem[]): void {
  const { subject, prior, change, rate } = growth;
  const about = subject ?? prior ?? change ?? rate;
  if (!about || !rate) return;
  if (change?.value.isZero() && (rate.value.isZero() || rate.sign === 0)) return; // 增加/减少 0 万元，增长/下降 0%: unchanged
  const subjectName = name(about);
  const related = [subject, prior, change].filter((figure): figure is Figure => figure !== undefined).map((figure) => figure.start);
  if (change && change.sign !== 0 && rate.sign !== 0 && change.sign !== rate.sign && !change.value.isZero() && !rate.value.isZero()) {
    problems.push({
      messageId: "growth-sign",
      data: { subject: subjectName, changeWord: change.word, change: change.text, rateWord: rate.word, actual: rate.text },
      start: rate.start,
      end: rate.end,
      related,
    });
    return;
  }
  const sign = rate.sign === 0 ? change?.sign || 1 : rate.sign;
  const unit = unitOf([subject, prior, change]);
  const { part, whole } = changeAndPrior(growth, unit, sign);
  if (!part || !whole) {
    if (change && !subject && !prior) problems.push({ messageId: "growth-no-base", data: { subject: subjectName }, start: rate.start, end: rate.end, related });
    return;
  }
  const stated = percentOf(rate, sign);
  const comparison = compareRatio(stated, part, whole);
  if (comparison.agreement === "exact") return;
  // Against the prior year, or in a final account against the initial budget (较年初预算).
  const against = growth.againstBudget ? againstBudget : againstPrior;
  const base = { change: decimalString(part.mid), prior: decimalString(whole.mid), base: against.whole, rate: against.rate };
  if (comparison.agreement === "zero-base") {
    problems.push({
      messageId: "growth-zero-base",
      data: { subject: subjectName, ...base, actual: rate.text },
      start: rate.start,
      end: rate.end,
      related,
    });
    return;
  }
  const shown = figures(comparison, "%");
  if (comparison.agreement !== "mismatch") {
    problems.push({ messageId: "growth-rounding", data: { subject: subjectName, ...base, ...shown }, start: rate.start, end: rate.end, ...shown, related });
    return;
  }
  const currentBase = subject && change && roundsTo(percentOf(rate), amountIn(change, unit).value, amountIn(subject, unit).value);
  problems.push({
    messageId: currentBase ? "growth-current-base" : "growth-mismatch",
    data: { subject: subjectName, ...base, ...shown, ...(currentBase && subject ? { amount: decimalString(amountIn(subject, unit).value) } : {}) },
    start: rate.start,
    end: rate.end,
    ...shown,
    related,
  });
}

function checkShare(share: Share, all: readonly Share[], name: Namer, problems: TextProblem[]): boolean {
  const { part, whole, parts } = share;
  const at = { start: share.share.start, end: share.share.end };
  if (!part) {
    problems.push({ messageId: "share-no-part", data: { actual: share.share.text }, ...at });
    return false;
  }
  const unit = unitOf([whole, part, ...(parts ?? [])]);
  let interval: Interval | undefined;
  let wholeName = whole ? name(whole) : undefined;
  if (whole) interval = declaredInterval(amountIn(whole, unit));
  else if (parts) {
    // Shares of one sentence without a stated whole: if they add up to 100%, their parts are the whole.
    const group = all.filter((other) => other.parts === parts).map((other) => percentOf(other.share));
    if (compareHundred(group).agreement !== "mismatch") {
      interval = derivedInterval(parts.map((figure) => ({ amount: amountIn(figure, unit), sign: 1 as const })));
      wholeName = { zh: `各部分之和 ${decimalString(interval.mid)}`, en: `the sum of the parts, ${decimalString(interval.mid)}` };
    }
  }
  if (!interval || !wholeName) {
    problems.push({ messageId: "share-no-whole", data: { actual: share.share.text, part: name(part) }, ...at, related: [part.start] });
    return false;
  }
  const related = [part.start, ...(whole ? [whole.start] : [])];
  const comparison = compareRatio(percentOf(share.share), declaredInterval(amountIn(part, unit)), interval);
  if (comparison.agreement === "zero-base") {
    if (!share.share.value.isZero() || !part.value.isZero()) {
      problems.push({ messageId: "share-zero-whole", data: { part: name(part), whole: wholeName, actual: share.share.text }, ...at, related });
      return true;
    }
    return false;
  }
  if (comparison.agreement === "exact") return false;
  const shown = figures(comparison, "%");
  const data = { part: name(part), whole: wholeName, ...shown };
  if (comparison.agreement !== "mismatch") {
    problems.push({ messageId: "share-rounding", data, ...at, ...shown, related });
    return false;
  }
  const ratio = new Ratio(amountIn(part, unit).value).div(interval.mid).times(100);
  const truncated = ratio.toDecimalPlaces(share.share.decimals, Exact.ROUND_DOWN).eq(share.share.value);
  problems.push({ messageId: truncated ? "share-truncated" : "share-mismatch", data, ...at, ...shown, related });
  return true;
}

/** Whether the parts of a list add up to its whole, as an equality when the list is complete, else as a bound. */
function checkList(list: List, shares: readonly Share[], name: Namer, problems: TextProblem[]): void {
  const { whole, parts } = list;
  if (!whole) return;
  if (list.ambiguous) {
    if (problems.some((problem) => problem.messageId === "list-ambiguous" && problem.start === whole.start)) return;
    problems.push({ messageId: "list-ambiguous", data: { whole: name(whole) }, start: whole.start, end: whole.end, related: parts.map((part) => part.start) });
    return;
  }
  const partShares = parts.map((part) => shares.find((share) => share.part === part && share.whole === whole));
  const sharesComplete =
    partShares.every((share) => share !== undefined) && compareHundred(partShares.map((share) => percentOf(share.share))).agreement !== "mismatch";
  const reason = list.complete ?? (sharesComplete ? "占比合计 100%" : undefined);
  const unit = whole.kind === "count" ? "" : unitOf([whole, ...parts]);
  const comparison = compareSum(
    amountIn(whole, unit),
    parts.map((part) => amountIn(part, unit)),
  );
  const partsText = parts.map((part) => part.text).join(" + ");
  const data = { whole: name(whole), parts: partsText, reason: reason ?? "" };
  const at = { start: whole.start, end: whole.end, related: parts.map((part) => part.start) };
  if (comparison.agreement === "exact") return;
  const shown = figures(comparison);
  if (comparison.agreement !== "mismatch") {
    if (reason || comparison.difference.isNegative()) problems.push({ messageId: "sum-rounding", data: { ...data, ...shown }, ...at, ...shown });
    return;
  }
  if (reason) problems.push({ messageId: "sum-mismatch", data: { ...data, ...shown }, ...at, ...shown });
  else if (comparison.difference.isNegative()) problems.push({ messageId: "sum-exceeds", data: { ...data, ...shown }, ...at, ...shown });
}

/** The main changes (主要是…) do not claim to be every change: a sum that differs is said, never an error. */
function checkBreakdown(breakdown: Breakdown, name: Namer, problems: TextProblem[]): void {
  const { total, parts } = breakdown;
  if (total.sign === 0 || parts.some((part) => part.sign === 0)) return;
  const unit = unitOf([total, ...parts]);
  const signOf = (figure: Figure): 1 | -1 => (figure.sign < 0 ? -1 : 1);
  const comparison = compareLinear(
    amountIn(total, unit, signOf(total)),
    parts.map((part) => ({ amount: amountIn(part, unit, signOf(part)), sign: 1 as const })),
  );
  if (comparison.agreement === "exact") return;
  const shown = figures(comparison);
  const named = parts.map((part) => `${part.word}${part.text}`).join("、");
  problems.push({
    messageId: comparison.agreement === "mismatch" ? "breakdown-partial" : "breakdown-rounding",
    data: { whole: name(total), parts: named, ...shown },
    start: total.start,
    end: total.end,
    ...shown,
    related: parts.map((part) => part.start),
  });
}

/** A count times a rate (年人均 2400 元计 643200 元) states its total: each of the count's rates may round. */
function checkProduct(product: Product, name: Namer, problems: TextProblem[]): void {
  const { count, rate, total } = product;
  const unit = unitOf([total, rate]);
  const each = declaredInterval(amountIn(rate, unit));
  const times = count.value;
  const comparison = compareIntervals(declaredInterval(amountIn(total, unit)), { mid: each.mid.times(times), half: each.half.times(times) });
  if (comparison.agreement === "exact") return;
  const shown = figures(comparison);
  problems.push({
    messageId: comparison.agreement === "mismatch" ? "product-mismatch" : "product-rounding",
    data: { whole: name(total), count: count.text, rate: rate.text, ...shown },
    start: total.start,
    end: total.end,
    ...shown,
    related: [count.start, rate.start],
  });
}

function checkYear(year: BudgetYear, problems: TextProblem[]): void {
  if (year.stated === year.expected) return;
  const [expected, actual] = [String(year.expected), String(year.stated)];
  problems.push({ messageId: "budget-year", data: { expected, actual }, start: year.start, end: year.end, expected, actual });
}

function checkCount(count: Count, problems: TextProblem[]): void {
  if (count.names.length === count.stated) return;
  problems.push({
    messageId: "count-mismatch",
    data: { actual: String(count.stated), expected: String(count.names.length), names: count.names.join("、") },
    start: count.start,
    end: count.end,
    expected: String(count.names.length),
    actual: String(count.stated),
    difference: String(count.stated - count.names.length),
    tolerance: "0",
  });
}

/** Every finding the reading gives: the relations checked, and what was not read. */
export function checkReading(reading: Reading, name: Namer): TextProblem[] {
  const problems: TextProblem[] = [];
  const relations: readonly Relation[] = reading.relations;
  const shares = relations.filter((relation): relation is Share => relation.kind === "share");
  const failedShares = new Set<Share>();
  for (const relation of relations) {
    if (relation.kind === "growth") checkGrowth(relation, name, problems);
    else if (relation.kind === "share" && checkShare(relation, shares, name, problems)) failedShares.add(relation);
    else if (relation.kind === "sum") checkList(relation, shares, name, problems);
    else if (relation.kind === "count") checkCount(relation, problems);
    else if (relation.kind === "breakdown") checkBreakdown(relation, name, problems);
    else if (relation.kind === "product") checkProduct(relation, name, problems);
    else if (relation.kind === "year") checkYear(relation, problems);
    else if (relation.kind === "restated")
      problems.push({
        messageId: "restated-differs",
        data: { label: relation.label, first: relation.first.text, actual: relation.second.text },
        start: relation.second.start,
        end: relation.second.end,
        related: [relation.first.start],
      });
  }
  // The shares of a complete list add up to 100%: checked even when one is already wrong, as the share rule does.
  for (const list of relations.filter((relation): relation is List => relation.kind === "sum" && !relation.ambiguous)) {
    const group = list.parts.map((part) => shares.find((share) => share.part === part && share.whole === list.whole));
    if (!list.whole || group.length < 2 || group.some((share) => share === undefined)) continue;
    const unit = unitOf([list.whole, ...list.parts]);
    const sum = compareSum(
      amountIn(list.whole, unit),
      list.parts.map((part) => amountIn(part, unit)),
    );
    if (sum.agreement === "mismatch") continue;
    const comparison = compareHundred(group.map((share) => percentOf((share as Share).share)));
    if (comparison.agreement === "exact") continue;
    const shown = figures(comparison, "%");
    problems.push({
      messageId: comparison.agreement === "mismatch" ? "hundred-mismatch" : "hundred-rounding",
      data: { whole: name(list.whole), ...shown },
      // At the last share, where the shares are all stated, as the share rule reports it.
      start: (group[group.length - 1] as Share).share.start,
      end: (group[group.length - 1] as Share).share.end,
      ...shown,
      related: [list.whole.start, ...group.map((share) => (share as Share).share.start)],
    });
  }
  for (const unread of reading.unread)
    problems.push({
      messageId: unread.kind === "table" ? "not-read-table" : "not-read",
      data: { excerpt: unread.excerpt },
      start: unread.start,
      end: unread.end,
    });
  return problems;
}
