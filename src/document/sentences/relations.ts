import type { Figure, UnknownWhy } from "./figures.js";
import type { Normalised } from "../text/normalise.js";

/** A sentence (to 。！？ or the end of its line), its clauses (split at , ; : outside brackets) and figures. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of its line's paragraph and of its top-level section (一、 第一部分). */
  paragraph: number;
  section: number;
  /** The heading in force (一、… （一）… 1. …), for context. */
  outline: string;
  clauses: { start: number; end: number; delimiter: string }[];
  figures: Figure[];
}

export interface Growth {
  kind: "growth";
  /** 较年初预算: a final account against its initial budget rather than the prior year. */
  againstBudget?: true;
  subject?: Figure;
  prior?: Figure;
  change?: Figure;
  rate?: Figure;
}
export interface Unchanged {
  kind: "unchanged";
  subject?: Figure;
  start: number;
  end: number;
}
export interface Share {
  kind: "share";
  share: Figure;
  part?: Figure;
  /** A stated whole, or the parts of a whole whose shares add up to 100%. */
  whole?: Figure;
  parts?: Figure[];
  /** The list the part belongs to, for the 100% check. */
  list?: List;
}
export interface List {
  kind: "sum";
  whole?: Figure;
  parts: Figure[];
  /** Why the parts are all the parts (分别为, 划分为, 基本支出 + 项目支出…); undefined: only a bound. */
  complete?: string;
  /** A nested 其中 whose end is not marked: which figures are parts is not known. */
  ambiguous: boolean;
  start: number;
  end: number;
}
export interface Count {
  kind: "count";
  stated: number;
  names: string[];
  start: number;
  end: number;
}
export interface Restated {
  kind: "restated";
  label: string;
  first: Figure;
  second: Figure;
}
/** The document's budget year (from its titles) against the year a scope sentence names (纳入…2024年度部门预算范围). */
export interface BudgetYear {
  kind: "year";
  stated: number;
  expected: number;
  start: number;
  end: number;
}
/** A change explained by its parts' changes (收入较去年增加 T 万元，主要是 A 增加 a 万元，B 减少 b 万元). */
export interface Breakdown {
  kind: "breakdown";
  total: Figure;
  parts: Figure[];
}
/** A count times a rate (268名代表，年人均2400元计643200元). */
export interface Product {
  kind: "product";
  count: Figure;
  rate: Figure;
  total: Figure;
}
export type Relation = Growth | Unchanged | Share | List | Count | Restated | BudgetYear | Breakdown | Product;

export interface Unread {
  kind: "sentence" | "table";
  /** Why, when the sentence holds an amount whose value is unknown (一千二百万元); otherwise its relations were not recognised. */
  why?: UnknownWhy;
  start: number;
  end: number;
  excerpt: string;
}

export interface Reading {
  normalised: Normalised;
  sentences: Sentence[];
  relations: Relation[];
  unread: Unread[];
}

/** The sentence's text from the start of the figure's clause to the figure. */
export function before(sentence: Sentence, figure: Figure): string {
  const clause = sentence.clauses[figure.clause];
  return clause ? sentence.text.slice(clause.start - sentence.start, figure.start - sentence.start) : "";
}

/** The sentence or clause that holds an offset of the normalised text. */
export function holding<T extends { start: number; end: number }>(spans: readonly T[], offset: number): T | undefined {
  return spans.find((span) => span.start <= offset && offset < span.end);
}

export function clauseText(sentence: Sentence, index: number): string {
  const clause = sentence.clauses[index];
  return clause ? sentence.text.slice(clause.start - sentence.start, clause.end - sentence.start) : "";
}
