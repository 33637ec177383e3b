import type { Figure } from "./figures.js";
import type { Relation } from "./relations.js";

/** Every figure a relation holds. */
function figuresOf(relation: Relation): (Figure | undefined)[] {
  switch (relation.kind) {
    case "growth":
      return [relation.subject, relation.prior, relation.change, relation.rate];
    case "unchanged":
      return [relation.subject];
    case "share":
      return [relation.share, relation.part, relation.whole, ...(relation.parts ?? []), ...(relation.list ? figuresOf(relation.list) : [])];
    case "sum":
      return [relation.whole, ...relation.parts];
    case "restated":
      return [relation.first, relation.second];
    case "breakdown":
      return [relation.total, ...relation.parts];
    case "product":
      return [relation.count, relation.rate, relation.total];
    case "count":
    case "year":
      return [];
  }
}

/**
 * The relations that hold no amount whose value is unknown (一千二百万元, 1200万): one that does is not
 * read, and its figures are reported as not read, never checked against a value the reader made up.
 */
export function withoutUnknown(relations: readonly Relation[]): Relation[] {
  const kept: Relation[] = [];
  const dropped: Relation[] = [];
  for (const relation of relations) (figuresOf(relation).some((figure) => figure?.unknown) ? dropped : kept).push(relation);
  for (const relation of dropped) for (const figure of figuresOf(relation)) if (figure) Object.assign(figure, { read: false, alone: false });
  return kept;
}
