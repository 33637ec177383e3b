import type { Figure } from "./figures.js";
import type { Relation, Sentence } from "./relations.js";

const between = (sentence: Sentence, from: number, to: number) => sentence.text.slice(from - sentence.start, to - sentence.start);

const isAmount = (figure: Figure | undefined): figure is Figure => figure?.kind === "amount" && figure.role === "plain" && figure.depth === 0;

/** The total of a count × rate: stated after it (…计 643200 元) or before it (经费 120000 元, 按 12 家…每家 10000 元测算). */
function totalOf(sentence: Sentence, index: number): Figure | undefined {
  const { figures } = sentence;
  const count = figures[index];
  const rate = figures[index + 1];
  if (!count || !rate) return undefined;
  const after = figures[index + 2];
  if (isAmount(after) && /^(?:计|共计|合计|小计)$/.test(between(sentence, rate.end, after.start))) return after;
  const before = figures[index - 1];
  const clause = sentence.clauses[count.clause];
  if (!isAmount(before) || before.clause !== count.clause - 1 || !clause) return undefined;
  const measured =
    /^(?:按|以)/.test(between(sentence, clause.start, count.start)) && /^(?:的?标准)?(?:测算|计算|核定)/.test(between(sentence, rate.end, sentence.end));
  return measured && (!after || after.clause > rate.clause) ? before : undefined;
}

/** 268 名代表，年人均 2400 元计 643200 元 / 经费 120000 元，按 12 家街道工委每家 10000 元测算: a count times a rate. */
export function readProducts(sentences: readonly Sentence[], relations: Relation[]): void {
  for (const sentence of sentences) {
    sentence.figures.forEach((count, index) => {
      const rate = sentence.figures[index + 1];
      if (count.kind !== "count" || rate?.role !== "per" || rate.depth !== 0 || rate.clause - count.clause > 1) return;
      const total = totalOf(sentence, index);
      if (!total) return;
      for (const figure of [count, rate, total]) figure.read = true;
      relations.push({ kind: "product", count, rate, total });
    });
  }
}
