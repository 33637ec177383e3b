import type { Document, Node } from "yaml";
import type { Problem } from "../../problem.js";
import { mapValue, scalarText, seqItems } from "../../load/yaml-tree.js";

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
}

/** Powers of ten of each money unit, in 元. */
export const moneyUnitPowers: Readonly<Record<string, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

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

/**
 * The context for a node that may declare its own `precision`, or (a stated figure) its own money `unit`;
 * unchanged (not copied) when it does not. A unit coarser than the document's is not read (a finding).
 */
export function within(context: BuildContext, node: unknown): BuildContext {
  const precision = integerAt(context, node, "precision");
  const shift = unitShift(context, node);
  const finer = shift !== undefined && shift >= 0;
  if (precision === undefined && !finer) return context;
  return { ...context, ...(precision === undefined ? {} : { precision }), ...(finer ? { shift } : {}) };
}
