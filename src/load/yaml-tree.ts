import { aliasTarget } from "./aliases.js";
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from "yaml";

/** Reading the YAML tree with aliases resolved, shared by the locator and the model builder. */

export function resolved(doc: Document, node: unknown): Node | undefined {
  let current = node;
  // An alias may point at another alias; yaml rejects cycles, the bound is belt and braces.
  for (let hops = 0; isAlias(current) && hops < 64; hops += 1) current = aliasTarget(doc, current);
  return isAlias(current) ? undefined : (current as Node | undefined);
}

/** A scalar's value as text; YAML scalars hold primitives only. */
function primitiveText(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : "";
}

export function keyText(key: unknown): string | undefined {
  return isScalar(key) ? primitiveText(key.value) : undefined;
}

/** The pair of a map whose key is `key`. */
export function pairOf(map: YAMLMap, key: string) {
  return map.items.find((pair) => keyText(pair.key) === key);
}

export function mapValue(doc: Document, map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = pairOf(map, key);
  return pair ? resolved(doc, pair.value) : undefined;
}

export function seqItems(doc: Document, node: unknown): Node[] {
  if (!isSeq(node)) return [];
  return node.items.map((item) => resolved(doc, item)).filter((item): item is Node => item !== undefined);
}

/** A scalar's text as written: the source of a plain number, the value of a string. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === "string") return node.value;
  if (node.value === null) return undefined;
  return node.source ?? primitiveText(node.value);
}
