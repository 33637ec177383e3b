import { isMap, isSeq, type Document, type LineCounter, type Node } from "yaml";
import { segmentsOf } from "./json-pointer.js";
import { pairOf, resolved } from "./yaml-tree.js";

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The offsets of the node a JSON pointer names; a pointer to something missing lands on its closest
 * existing parent, so every finding has a place to show.
 */
export function locateRange(doc: Document, pointer: string, atKey = false): [number, number] {
  let node: Node | undefined = resolved(doc, doc.contents);
  let range: [number, number] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
  const segments = segmentsOf(pointer);
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    let next: unknown;
    if (isMap(node)) {
      const pair = pairOf(node, segment);
      if (!pair) break;
      const key = pair.key as Node | null;
      if (last && atKey && key?.range) return [key.range[0], key.range[1]];
      next = pair.value;
      if (next === null && key?.range) return [key.range[0], key.range[1]];
    } else if (isSeq(node)) {
      next = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
    }
    const child = resolved(doc, next);
    if (!child) break;
    node = child;
    if (node.range) range = [node.range[0], node.range[1]];
  }
  return range;
}

export function spanOf(lineCounter: LineCounter, range: [number, number]): Span {
  const start = position(lineCounter, range[0]);
  const end = position(lineCounter, Math.max(range[1], range[0]));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return line === 0 ? { line: 1, column: offset + 1 } : { line, column: col };
}
