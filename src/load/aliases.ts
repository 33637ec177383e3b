import { isAlias, isMap, isPair, isSeq, visit, type Alias, type Document, type Node } from "yaml";

/**
 * Each alias's anchored node, found in one walk of the document. yaml's own `Alias.resolve(doc)` walks
 * the whole document for every alias it resolves, which made a long table reusing one anchor quadratic.
 * An alias refers to the last node with its anchor before it, in document order (YAML 1.2 §3.2.2.2).
 */
const targetsByDocument = new WeakMap<Document, Map<Alias, Node | undefined>>();

export function aliasTarget(doc: Document, alias: Alias): Node | undefined {
  let targets = targetsByDocument.get(doc);
  if (targets === undefined) {
    const latest = new Map<string, Node>();
    const found = new Map<Alias, Node | undefined>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) found.set(node, latest.get(node.source));
        else if (node.anchor) latest.set(node.anchor, node);
      },
    });
    targets = found;
    targetsByDocument.set(doc, targets);
  }
  return targets.get(alias);
}

/** Why a document's aliases cannot be expanded: too many nodes, or an alias inside its own anchor. */
export type Expansion = { nodes: number } | { refused: "too-large" | "recursive" };

/**
 * How many nodes the document has once every alias is expanded, counted without expanding anything: each
 * anchored node's size is worked out once (and capped past the limit). So a 1 KB alias bomb is refused
 * in a walk of 1 KB, not after building its billion nodes.
 */
export function expandedSize(doc: Document, limit: number): Expansion {
  // Only anchored nodes can be reached twice, so only they are remembered.
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let recursive = false;
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = aliasTarget(doc, node);
      if (target === undefined) return 1;
      if (open.has(target)) {
        recursive = true;
        return 0;
      }
      return sizes.get(target) ?? size(target);
    }
    if (!isMap(node) && !isSeq(node)) return 1;
    const anchored = node.anchor ? node : undefined;
    if (anchored) open.add(anchored);
    let total = 1;
    for (const item of node.items) total = Math.min(limit + 1, total + (isPair(item) ? size(item.key) + size(item.value) : size(item)));
    if (anchored) {
      open.delete(anchored);
      sizes.set(anchored, total);
    }
    return total;
  };
  const nodes = size(doc.contents);
  if (recursive) return { refused: "recursive" };
  return nodes > limit ? { refused: "too-large" } : { nodes };
}
