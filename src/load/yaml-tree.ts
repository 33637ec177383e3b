import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";

/** Reading the YAML tree with aliases resolved, shared by the locator and the model builder. */

export function resolved(doc: Document, node: unknown): Node | undefined {
  let current = node;
  // An alias may point at another alias; yaml rejects cycles, the bound is belt and braces.
  for (let hops = 0; isAlias(current) && hops < 64; hops += 1) current = current.resolve(doc);
  return isAlias(current) ? undefined : (current as Node | undefined) ?? undefined;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  return undefined;
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
  return (node as YAMLSeq).items.map((item) => resolved(doc, item)).filter((item): item is Node => item !== undefined);
}

/** A scalar's text as written: the source of a plain number, the value of a string. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const scalar = node as Scalar;
  if (typeof scalar.value === "string") return scalar.value;
  if (scalar.value === null) return undefined;
  return scalar.source ?? String(scalar.value);
}
