import type { Figure } from "./figures.js";
import { clauseText, type Relation, type Sentence } from "./relations.js";

/** A clause that explains a change by its main parts: 主要是 A 增加 a 万元 / 主要为 B 减少 b 万元. */
const explains = /^(?:主要是|主要为)/;

const isChange = (figure: Figure) => figure.role === "change" && figure.kind === "amount" && figure.depth === 0;

/** The change the explanation explains: the last figure of the clause before it, or of the sentence before (…减少104.67万元。主要是…). */
function totalBefore(sentences: readonly Sentence[], at: number, clause: number): Figure | undefined {
  const sentence = sentences[at];
  if (!sentence) return undefined;
  if (clause > 0) {
    const last = sentence.figures.filter((figure) => figure.clause === clause - 1).at(-1);
    return last && isChange(last) ? last : undefined;
  }
  const previous = sentences[at - 1];
  if (!previous || previous.paragraph !== sentence.paragraph) return undefined;
  const last = previous.figures.at(-1);
  return last && isChange(last) && last.clause === previous.clauses.length - 1 ? last : undefined;
}

/** The parts: one change in each clause from the explaining one on, until a clause without exactly one. */
function partsFrom(sentence: Sentence, clause: number): Figure[] {
  const parts: Figure[] = [];
  for (let index = clause; index < sentence.clauses.length; index += 1) {
    const inClause = sentence.figures.filter((figure) => figure.clause === index);
    const [only] = inClause;
    if (inClause.length !== 1 || !only || !isChange(only) || only.read) break;
    parts.push(only);
  }
  return parts;
}

/** 收入较去年增加 157.93 万元，主要是 A 增加 170.68 万元，B 减少 12.75 万元: the total change and the changes that explain it. */
export function readBreakdowns(sentences: readonly Sentence[], relations: Relation[]): void {
  sentences.forEach((sentence, at) => {
    sentence.clauses.forEach((_, clause) => {
      if (!explains.test(clauseText(sentence, clause))) return;
      const total = totalBefore(sentences, at, clause);
      const parts = partsFrom(sentence, clause);
      if (!total || parts.length === 0) return;
      for (const figure of [total, ...parts]) figure.read = true;
      relations.push({ kind: "breakdown", total, parts });
    });
  });
}
