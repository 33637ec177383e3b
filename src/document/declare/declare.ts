import type { UnreadWhy } from "../../rules/narrative.js";
import { unitPower, type Figure } from "../sentences/figures.js";
import { before, holding, type Reading, type Relation, type Sentence } from "../sentences/relations.js";

/** Where something is printed: offsets in the normalised text. */
export interface Span {
  start: number;
  end: number;
}

/** One figure as the declaration states it on its own (docs/format.md, "Figures the text states on its own"). */
export interface Declared {
  /** Offset in the normalised text of the figure it declares, for its source comment. */
  at: number;
  /** Where the figure itself ends, so that a finding about it covers it. */
  end: number;
  /** Where a key's value is printed when not at the figure itself (the rate of 增长 5%), so that a finding points at it. */
  spans: Partial<Record<string, Span>>;
  sentence: number;
  id?: string;
  restates?: string;
  name?: string;
  amount?: string;
  prior?: string;
  budgeted?: string;
  change?: string;
  growth?: string;
  budgetChange?: string;
  budgetGrowth?: string;
  share?: string;
  shareOf?: string;
  unchanged?: true;
  count?: number;
  unit?: string;
  items?: string[];
  /** 268名代表，年人均2400元: the count and the rate, in the figure's unit. */
  product?: { count: string; rate: string };
  complete?: true;
  parts: Declared[];
  /** What it would carry but leaves out, and why. */
  notes: Note[];
  /** The last sentence it takes a value from, when after its own (减少 6 万元 in the next sentence). */
  through?: number;
}

/**
 * Why something printed is not declared: the declaration lists it as unread (`unread`, format), so
 * that checking the declaration says so as checking the document does.
 */
export type Why = Exclude<UnreadWhy, "no-relation" | "table">;

/** Something read but not declared, where it is printed. */
export interface Note extends Span {
  why: Why;
}

/** The figures a reading declares, with what it leaves out; statements group them by sentence. */
export interface DeclaredReading {
  unit: string;
  top: Declared[];
  notes: Note[];
}

/** 元 is finer than 万元: a figure in it can be declared in a 万元 document (format: a stated figure's `unit`). */
function finerThan(unit: string, documents: string): boolean {
  const [own, whole] = [unitPower(unit), unitPower(documents)];
  return own !== undefined && whole !== undefined && own < whole;
}

/**
 * The declaration's unit: the coarsest money unit the reading's amounts are written in (万元 when none
 * is), so that every other amount is in a finer unit, which a figure can declare (2500元: `unit: 元`).
 */
export function mainUnit(reading: Reading, fallback = "万元"): string {
  let coarsest: string | undefined;
  for (const sentence of reading.sentences)
    for (const figure of sentence.figures) {
      const power = unitPower(figure.unit);
      if (power !== undefined && !figure.value.isZero() && power > (coarsest === undefined ? -1 : (unitPower(coarsest) ?? -1))) coarsest = figure.unit;
    }
  return coarsest ?? fallback;
}

/** The number as printed, without its unit. */
function digits(figure: Figure): string {
  // 0.00万元 keeps its decimals: a 0 printed to the cent is as precise as the figures beside it.
  return /^\d+(?:\.\d+)?/.exec(figure.text)?.[0] ?? (figure.value.isZero() ? "0" : figure.value.toString());
}

const leading = /^[\s:：,;、]*(?:其中|包括|一是|二是|三是|主要是|主要为|加上)?[:：,]?/;
const numbering = /^(?:\d{4}年度?|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、](?!\d))+/;
const verb = /(?:预算数|预算)?[均各都]?(?:为|是|达到|达|共计|合计|总计|计|安排|完成)$/;
/** 较上年增加, 与2023年预算相比增长, 比2021年预算增加/减少: how it compares, not what it is. */
const comparison = /(?:(?:较|比|与|同比|对比|相比).*)?(?:增加|减少|增长|下降|降低|提高|上升)(?:\/(?:增加|减少|增长|下降))?了?$/;

/** A heading as a name: 二、2022年“三公”经费预算情况 → “三公”经费预算. */
function headingName(outline: string): string {
  return outline
    .replace(numbering, "")
    .replace(numbering, "")
    .replace(/\d[\d.]*(?:万元|千元|亿元|元|%).*$/, "")
    .replace(/(?:情况|说明|情况说明)$/, "")
    .replace(/[:：,;、]$/, "")
    .trim();
}

/**
 * The subject's words: the clause before the figure, after any figure it lists first (A 21万元(B …), without
 * 其中, years, comparisons and linking words; else the heading it stands under; else the figure itself.
 */
export function nameBefore(sentence: Sentence, figure: Figure): string {
  const words = before(sentence, figure)
    .replace(/^.*\d(?:万元|千元|亿元|元|%|人|名|辆|家|项|个)[、,]?/, "")
    .replace(/^.*[(（](?=[^)）]*$)/, "")
    .replace(leading, "")
    .replace(numbering, "");
  const name = words
    .replace(comparison, "")
    .replace(verb, "")
    .replace(/[:：,]$/, "")
    .replace(/(?<=计|额|数)[各均都]$/, "")
    .trim();
  return name || headingName(sentence.outline) || words.replace(verb, "").trim();
}

/** Builds the declared figures of a reading, one per figure, merged across the relations it takes part in. */
class Builder {
  readonly declared = new Map<Figure | Relation, Declared>();
  readonly parent = new Map<Declared, Declared>();
  readonly shareOf = new Map<Declared, Figure>();
  /** The figures a 其中 list has already given parts. */
  readonly listed = new Set<Declared>();
  readonly notes: Note[] = [];
  readonly unit: string;
  private ids = 0;

  /** The sentence of each figure, looked up once: a long document has thousands. */
  private readonly sentences = new Map<Figure, number>();

  constructor(
    readonly reading: Reading,
    fallbackUnit?: string,
  ) {
    this.unit = mainUnit(reading, fallbackUnit);
    reading.sentences.forEach((sentence, index) => sentence.figures.forEach((figure) => this.sentences.set(figure, index)));
  }

  sentenceOf(figure: Figure): number {
    return this.sentences.get(figure) ?? -1;
  }

  /**
   * The figure's declaration; its amount set when it is money in the document's unit (else a note). A change
   * or rate that stands for a subject the text does not state declares no amount: its value is not one.
   */
  get(figure: Figure, key: Figure | Relation = figure, subject = true): Declared {
    const found = this.declared.get(key);
    if (found) return found;
    const at = this.sentenceOf(figure);
    const sentence = this.reading.sentences[at];
    const declared: Declared = { at: figure.start, end: figure.end, spans: {}, sentence: at, parts: [], notes: [] };
    const name = sentence ? nameBefore(sentence, figure) : "";
    declared.name = name === "" ? figure.text : name;
    if (figure.kind === "amount" && subject) {
      const amount = this.money(figure, declared);
      if (amount !== undefined) declared.amount = amount;
    }
    this.declared.set(key, declared);
    return declared;
  }

  /**
   * An amount as printed, in the document's unit or in a finer one that the figure then declares
   * (2500元 in a 万元 document: `unit: 元`), or undefined with a note (0 is 0 in any unit).
   */
  money(figure: Figure, on: Declared): string | undefined {
    const unit = on.unit ?? this.unit;
    // The format takes at most 6 decimals (a hundredth of a 元 in 万元).
    if (figure.decimals > 6) {
      on.notes.push({ start: figure.start, end: figure.end, why: "too-precise" });
      return undefined;
    }
    if (figure.unit === unit || (figure.value.isZero() && unitPower(figure.unit) !== undefined)) return digits(figure);
    const stated = [on.amount, on.prior, on.change, on.budgeted, on.budgetChange].some((value) => value !== undefined);
    if (on.unit === undefined && !stated && finerThan(figure.unit, this.unit)) {
      on.unit = figure.unit;
      return digits(figure);
    }
    on.notes.push({ start: figure.start, end: figure.end, why: "unit" });
    return undefined;
  }

  /** A signed change or rate, or undefined with a note when the text does not say which way (增加/减少). */
  signed(figure: Figure, on: Declared, percent: boolean): string | undefined {
    // 增加/减少 0 万元，增长/下降 0%: no direction is needed for nothing.
    if (figure.sign === 0 && figure.value.isZero()) return percent ? "0%" : this.money(figure, on);
    if (figure.sign === 0) {
      on.notes.push({ start: figure.start, end: figure.end, why: "direction" });
      return undefined;
    }
    const value = percent ? `${digits(figure)}%` : this.money(figure, on);
    if (value === undefined) return undefined;
    return figure.sign < 0 && !figure.value.isZero() ? `-${value}` : value;
  }

  /** The declared figure takes a value from this figure's sentence: its statement runs to it. */
  reach(declared: Declared, figure: Figure): void {
    const at = this.sentenceOf(figure);
    if (at > (declared.through ?? declared.sentence)) declared.through = at;
  }

  /** A figure restating `whole` (narrative/<id>) to list another breakdown of it, placed where the list starts. */
  breakdownOf(whole: Declared, list: Relation & Span): Declared {
    const holder = holding(this.reading.sentences, list.start);
    const sentence = holder ? this.reading.sentences.indexOf(holder) : -1;
    const declared: Declared = { at: list.start, end: list.end, spans: {}, sentence, restates: `narrative/${this.idOf(whole)}`, parts: [], notes: [] };
    this.declared.set(list, declared);
    return declared;
  }

  /** A value of the declared figure, printed at `where`. */
  set(declared: Declared, key: "prior" | "change" | "growth" | "budgeted" | "budgetChange" | "budgetGrowth" | "share", value: string, where: Span): void {
    declared[key] = value;
    declared.spans[key] = { start: where.start, end: where.end };
  }

  idOf(declared: Declared): string {
    declared.id ??= `n${(this.ids += 1)}`;
    return declared.id;
  }

  note(where: Span, why: Why): void {
    this.notes.push({ start: where.start, end: where.end, why });
  }
}

type Reader<K extends Relation["kind"]> = (builder: Builder, relation: Extract<Relation, { kind: K }>) => void;

const declareGrowth: Reader<"growth"> = (builder, { subject, prior, change, rate, againstBudget }) => {
  const anchor = subject ?? change ?? rate ?? prior;
  if (!anchor) return;
  const declared = builder.get(anchor, anchor, anchor === subject);
  for (const figure of [prior, change, rate]) if (figure) builder.reach(declared, figure);
  // 较年初预算: the same figures against the initial budget, in their own keys.
  const keys = againstBudget
    ? ({ prior: "budgeted", change: "budgetChange", rate: "budgetGrowth" } as const)
    : ({ prior: "prior", change: "change", rate: "growth" } as const);
  // 比上年…增长 168.7%；比 2019 年…降低 28.6%: the format states one comparison with the prior year, the first.
  if (declared[keys.prior] !== undefined || declared[keys.change] !== undefined || declared[keys.rate] !== undefined) {
    const stated = [prior, change, rate].filter((figure): figure is Figure => figure !== undefined);
    declared.notes.push({ start: stated[0]?.start ?? anchor.start, end: stated.at(-1)?.end ?? anchor.end, why: "second-comparison" });
    return;
  }
  if (prior) {
    const value = builder.money(prior, declared);
    if (value !== undefined) builder.set(declared, keys.prior, value, prior);
  }
  if (change) {
    const value = builder.signed(change, declared, false);
    if (value !== undefined) builder.set(declared, keys.change, value, change);
  }
  if (rate) {
    const value = builder.signed(rate, declared, true);
    if (value !== undefined) builder.set(declared, keys.rate, value, rate);
  }
};

const declareUnchanged: Reader<"unchanged"> = (builder, { subject, start, end }) => {
  if (subject?.value.isZero()) {
    // 0 万元，与上年持平: unchanged: true also states a growth rate of 0.00%, which has no base when the prior is 0.
    builder.get(subject).notes.push({ start, end, why: "unchanged-at-zero" });
  } else if (subject) {
    const declared = builder.get(subject);
    declared.unchanged = true;
    declared.spans.unchanged = { start, end };
  } else builder.note({ start, end }, "change-in-words");
};

const declareList: Reader<"sum"> = (builder, list) => {
  if (!list.whole || list.ambiguous) {
    builder.note(list, list.whole ? "nested-list" : "no-list-total");
    return;
  }
  const listed = builder.get(list.whole);
  // 按支出功能分类…按支出用途分类: another breakdown of the same total, declared as a figure that restates it.
  const whole = builder.listed.has(listed) ? builder.breakdownOf(listed, list) : listed;
  builder.listed.add(whole);
  // A part already listed under another total (县级收入 in 其中… and in a balance) stays there: this list then lacks it.
  let elsewhere = false;
  for (const figure of list.parts) {
    const part = builder.get(figure);
    if (builder.parent.has(part) || part === whole) {
      elsewhere = true;
      continue;
    }
    builder.parent.set(part, whole);
    whole.parts.push(part);
  }
  const dropped = elsewhere || whole.parts.some((part) => part.amount === undefined && part.count === undefined);
  if (list.complete && !dropped) whole.complete = true;
  else if (list.complete) whole.notes.push({ start: list.start, end: list.end, why: "incomplete-list" });
};

const declareShare: Reader<"share"> = (builder, share) => {
  const part = share.part ? builder.get(share.part) : undefined;
  if (!part) {
    builder.note(share.share, "share-of-nothing");
    return;
  }
  builder.set(part, "share", `${digits(share.share)}%`, share.share);
  const whole = share.whole ?? share.list?.whole;
  if (whole) builder.shareOf.set(part, whole);
};

/** 共 N 个，分别是 A、B: the count, its unit when not 个, and the names it lists. */
const declareCount: Reader<"count"> = (builder, count) => {
  const sentence = holding(builder.reading.sentences, count.start);
  if (!sentence) return;
  const numeral = builder.reading.normalised.text.slice(count.start, count.end);
  if (!/\d/.test(numeral)) {
    builder.note(count, "count-in-words");
    return;
  }
  const clause = holding(sentence.clauses, count.start);
  const name = sentence.text
    .slice((clause?.start ?? sentence.start) - sentence.start, count.start - sentence.start)
    .replace(/^(?:其中|包括)?[:,]?/, "")
    .replace(/(?:共有|共计|共|有|为|是|计)+$/, "");
  const unit = /^[人名辆家项批次]+/.exec(builder.reading.normalised.text.slice(count.end))?.[0];
  const declared: Declared = { at: count.start, end: count.end, spans: {}, sentence: builder.reading.sentences.indexOf(sentence), parts: [], notes: [] };
  declared.name = name === "" ? "数量" : name;
  declared.count = count.stated;
  if (unit && unit !== "个") declared.unit = unit === "名" ? "人" : unit;
  if (count.names.length > 0) declared.items = count.names;
  builder.declared.set(count, declared);
};

const declareRestated: Reader<"restated"> = (builder, { first, second }) => {
  const earlier = builder.get(first);
  const later = builder.get(second);
  later.restates = `narrative/${builder.idOf(earlier)}`;
  delete later.name;
};

/** 268名代表，年人均2400元计643200元: the total's product, its rate in the total's unit. */
const declareProduct: Reader<"product"> = (builder, { count, rate, total }) => {
  const declared = builder.get(total);
  builder.reach(declared, rate);
  const each = declared.amount === undefined ? undefined : builder.money(rate, declared);
  if (each === undefined || !count.value.isInteger()) {
    declared.notes.push({ start: count.start, end: rate.end, why: "not-a-product" });
    return;
  }
  declared.product = { count: count.value.toString(), rate: each };
  declared.spans.product = { start: count.start, end: rate.end };
};

function declareRelation(builder: Builder, relation: Relation): void {
  switch (relation.kind) {
    case "growth":
      return declareGrowth(builder, relation);
    case "unchanged":
      return declareUnchanged(builder, relation);
    case "sum":
      return declareList(builder, relation);
    case "share":
      return declareShare(builder, relation);
    case "count":
      return declareCount(builder, relation);
    case "restated":
      return declareRestated(builder, relation);
    case "year":
      return; // a statement of its own: declarationText's budgetYear
    case "breakdown":
      return builder.note({ start: relation.total.start, end: relation.parts.at(-1)?.end ?? relation.total.end }, "main-changes");
    case "product":
      return declareProduct(builder, relation);
  }
}

/** Every relation of the reading as declared figures; shares of another figure than the one a part is listed under name it by id. */
export function declareReading(reading: Reading, fallbackUnit?: string): DeclaredReading {
  const builder = new Builder(reading, fallbackUnit);
  for (const relation of reading.relations) declareRelation(builder, relation);
  for (const [part, figure] of builder.shareOf) {
    const whole = builder.get(figure);
    if (builder.parent.get(part) !== whole) part.shareOf = `narrative/${builder.idOf(whole)}`;
  }
  const top = [...new Set(builder.declared.values())].filter((declared) => !builder.parent.has(declared));
  return { unit: builder.unit, top, notes: builder.notes };
}
