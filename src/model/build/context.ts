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

/** The context for a node that may declare its own `precision`; unchanged (not copied) when it does not. */
export function within(context: BuildContext, node: unknown): BuildContext {
  const precision = integerAt(context, node, "precision");
  return precision === undefined ? context : { ...context, precision };
}
