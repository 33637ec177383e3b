import type { Document, Node } from "yaml";
import type { Problem } from "../../problem.js";
import { mapValue, scalarText, seqItems } from "../../load/yaml-tree.js";
import { moneyUnitPowers } from "../figure.js";

/**
 * What every builder needs: the document (to resolve aliases), where structural problems go, and the
 * precision amounts are rounded to at this level (a table or a line may declare its own).
 */
export interface BuildContext {
  readonly doc: Document;
  readonly problems: Problem[];
  readonly precision: number;
  /** The document's money unit, and how many powers of ten finer a figure here is printed (元 in 万元: 4). */
  readonly unit?: string;
  readonly shift?: number;
  /** The declaration was read from a document: tables are named as it prints them. */
  readonly printed?: boolean;
}

export function nodeAt(context: BuildContext, owner: unknown, key: string): Node | undefined {
  return mapValue(context.doc, owner, key);
}

export function textAt(context: BuildContext, owner: unknown, key: string): string | undefined {
  return scalarText(mapValue(context.doc, owner, key));
}

export function integerAt(context: BuildContext, owner: unknown, key: string): number | undefined {
  const text = textAt(context, owner, key);
  return text === undefined ? undefined : Number.parseInt(text, 10);
}

export function itemsAt(context: BuildContext, owner: unknown, key: string): Node[] {
  return seqItems(context.doc, mapValue(context.doc, owner, key));
}

/** How many powers of ten finer than the document's a stated figure's money `unit` is (元 in 万元: 4), if it names one. */
export function unitShift(context: BuildContext, node: unknown): number | undefined {
  const unit = textAt(context, node, "unit");
  if (unit === undefined || context.unit === undefined || textAt(context, node, "count") !== undefined) return undefined;
  const [own, documents] = [moneyUnitPowers[unit], moneyUnitPowers[context.unit]];
  return own === undefined || documents === undefined ? undefined : documents - own;
}

/** The context for a node that may declare its own `precision`; unchanged (not copied) when it does not. */
export function within(context: BuildContext, node: unknown): BuildContext {
  const precision = integerAt(context, node, "precision");
  return precision === undefined ? context : { ...context, precision };
}

/**
 * The context for a stated figure, which may also print its amounts in a finer money unit than the
 * document's (2500元 in a 万元 document). A coarser one (1.2亿元) is refused at its `unit`: its rounding is
 * coarser than any figure of the document can say.
 */
export function withinFigure(outer: BuildContext, node: unknown, path: string): BuildContext {
  const context = within(outer, node);
  const shift = unitShift(outer, node);
  if (shift === undefined) return context;
  if (shift >= 0) return { ...context, shift };
  const data = { unit: textAt(outer, node, "unit") ?? "", document: outer.unit ?? "" };
  outer.problems.push({ rule: "schema", messageId: "coarser-unit", path: `${path}/unit`, data });
  return context;
}
