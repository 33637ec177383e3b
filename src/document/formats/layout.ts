import type { DocumentKind, DocumentText, Place } from "./document.js";

/** A place without its column: what a stretch of the text (a line, a paragraph, a cell) stands for. */
export type Anchor<P extends Place = Place> = P extends Place ? Omit<P, "column"> : never;

/**
 * Builds a document's text piece by piece, keeping where each piece came from, so that every offset
 * maps back to its place: a piece's column 1 is its first character.
 */
export class Layout<P extends Place> {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly anchors: Anchor<P>[] = [];
  private length = 0;

  constructor(private readonly kind: DocumentKind) {}

  /** Text from one place. */
  add(text: string, anchor: Anchor<P>): void {
    this.starts.push(this.length);
    this.anchors.push(anchor);
    this.append(text);
  }

  /** Text between places (a newline, a tab): its offsets belong to the piece before it. */
  append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  get pieces(): number {
    return this.starts.length;
  }

  finish(): DocumentText {
    const { starts, anchors, kind } = this;
    const text = this.parts.join("");
    return {
      kind,
      text,
      locate(offset: number): Place {
        const at = Math.max(0, Math.min(Math.trunc(offset), text.length));
        const index = Math.max(0, lastAtOrBefore(starts, at));
        return { ...anchors[index], column: at - (starts[index] ?? 0) + 1 } as Place;
      },
    };
  }
}

/** The index of the last start at or before `offset` (-1 if none): a binary search of sorted starts. */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle + 1;
    else high = middle - 1;
  }
  return high;
}
