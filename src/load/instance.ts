import { isAlias, isMap, isScalar, isSeq, type Document } from "yaml";
import { aliasTarget, expandedSize } from "./aliases.js";
import { keyText } from "./yaml-tree.js";

/** More nodes than this after expanding aliases is an alias bomb, not a budget. */
const maxExpandedNodes = 2_000_000;

export class AliasExpansionError extends Error {}

const plainDecimal = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * The plain value the schema validator sees. A number the YAML wrote in any form other than plain
 * decimal notation (`0x1F`, `1e999`, `.nan`) is handed over as its source text, so that the schema
 * rejects it where an amount is expected. Amounts themselves are read from the source text later;
 * the JS numbers here only tell the validator "this is a number".
 */
export function instanceOf(doc: Document): unknown {
  const expansion = expandedSize(doc, maxExpandedNodes);
  if ("refused" in expansion) throw new AliasExpansionError(expansion.refused === "recursive" ? "recursive alias" : "alias expansion too large");
  let budget = maxExpandedNodes;
  const seen = new Set<unknown>();
  const convert = (node: unknown): unknown => {
    budget -= 1;
    if (budget < 0) throw new AliasExpansionError("alias expansion too large");
    if (isAlias(node)) {
      const target = aliasTarget(doc, node);
      if (seen.has(target)) throw new AliasExpansionError("recursive alias");
      seen.add(target);
      const value = convert(target);
      seen.delete(target);
      return value;
    }
    if (isScalar(node)) {
      const { value } = node;
      if (typeof value === "number") {
        const source = node.source ?? String(value);
        // A number a double cannot hold exactly (too many digits, or Infinity) goes on as its text, which
        // the schema takes as a decimal string and the model reads exactly.
        return plainDecimal.test(source) && Number.isFinite(value) && source.replace(/\D/g, "").replace(/^0+/, "").length <= 15 ? value : source;
      }
      if (typeof value === "bigint") return node.source ?? String(value);
      return value instanceof Uint8Array ? node.source : value;
    }
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        // The key as the model reads it, so the schema validates the very key the model will use.
        const key = keyText(pair.key) ?? String(convert(pair.key));
        const value = convert(pair.value);
        // A key named __proto__ is data, never the object's prototype.
        if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        else object[key] = value;
      }
      return object;
    }
    if (isSeq(node)) return node.items.map(convert);
    return node ?? null;
  };
  return convert(doc.contents);
}
