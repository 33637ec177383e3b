import { aliasTarget } from "./aliases.js";
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from "yaml";

/**
 * The one way every stage reads the YAML tree: aliases resolved, scalars as written. The schema's
 * instance, the locator, the model and the config all read keys by `keyText`, so they agree on them.
 */

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

/** A scalar's text as written: the source of a plain number, the value of a string. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === "string") return node.value;
  if (node.value === null) return undefined;
  return node.source ?? primitiveText(node.value);
}

/**
 * A map key's text, as written like any scalar: `2023` and `"2023"` are the same key (the model reports
 * the year twice), while `0x7E7` stays `0x7E7`, so the schema refuses it rather than the model misreading it.
 */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return scalarText(key) ?? key.source ?? "";
}

/** The pair of a map whose key is `key`: a short scan, cheaper than an index for each of a large declaration's rows. */
export function pairOf(map: YAMLMap, key: string) {
  return map.items.find((pair) => keyText(pair.key) === key);
}

export function mapValue(doc: Document, map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = pairOf(map, key);
  return pair ? resolved(doc, pair.value) : undefined;
}

/** A map's entries in document order, keys as text; non-scalar keys are skipped. */
export function mapEntries(doc: Document, map: unknown): { key: string; value: Node | undefined }[] {
  if (!isMap(map)) return [];
  const entries: { key: string; value: Node | undefined }[] = [];
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key !== undefined) entries.push({ key, value: resolved(doc, pair.value) });
  }
  return entries;
}

export function seqItems(doc: Document, node: unknown): Node[] {
  if (!isSeq(node)) return [];
  return node.items.map((item) => resolved(doc, item)).filter((item): item is Node => item !== undefined);
}
