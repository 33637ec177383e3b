import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type LineCounter, type Node, type ScalarTag } from "yaml";

/**
 * A declaration is written in a small part of YAML: block maps and lists, one-line scalars and one-line
 * flow rows of scalars. That part is read here in one pass over the lines, several times faster than
 * `yaml`'s general parser, into the very nodes `parseDocument` builds (values, `source`, `type` and
 * `range`); comments are not kept, as nothing reads them from the tree. Anything else (anchors, tags,
 * block scalars, multi-line scalars, escapes, tabs, CRLF, a comment where a nested block ends, an error)
 * returns undefined, and `yaml` reads the text: this reader may decline, never differ
 * (tests/load/simple-yaml.test.ts compares it with `parseDocument` on every declaration and on generated
 * ones).
 */
export function parseSimpleYaml(text: string, lineCounter: LineCounter): Document | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  const lines = linesOf(text);
  if (lines === undefined || lines.start.length === 0) return undefined;
  const reader = new Reader(text, lines, new Document(undefined, { prettyErrors: false, uniqueKeys: true }));
  let contents: Node;
  try {
    const read = reader.block(0, lines.indent[0] ?? 0);
    if (read.next !== lines.start.length) return undefined;
    contents = read.node;
  } catch (error) {
    if (error === decline) return undefined;
    throw error;
  }
  for (const start of lines.newLines) lineCounter.addNewLine(start);
  const doc = reader.doc;
  doc.contents = contents;
  // The document starts at its first content line's indent; the blank lines after it are its own, unless
  // its last value is empty (yaml leaves them to that value's pair).
  const end = contents.range![2];
  doc.range = [lines.start[0]!, end, reader.endsEmpty ? end : text.length];
  return doc;
}

/** Thrown inside the reader when the text leaves the simple part; caught once, at the top. */
class Declined extends Error {}
const decline = new Declined("left to yaml");

interface Lines {
  /** Offset, indent and end (the newline or the text's end) of each line holding content. */
  start: number[];
  indent: number[];
  end: number[];
  /** Whether comment lines come between the previous content line and this one. */
  commentBefore: boolean[];
  /** Where each line starts, as yaml's LineCounter records them. */
  newLines: number[];
}

function linesOf(text: string): Lines | undefined {
  const lines: Lines = { start: [], indent: [], end: [], commentBefore: [], newLines: [0] };
  let comments: number[] = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent += 1;
    if (start + indent === end) {
      // blank
    } else if (text.charCodeAt(start + indent) === 35) {
      comments.push(indent);
    } else {
      // Directives and document markers belong to yaml.
      if (indent === 0 && /^(?:%|---(?:\s|$)|\.\.\.(?:\s|$))/.test(text.slice(start, start + 4))) return undefined;
      // A comment more indented than the line after it may belong to the node before (its range would end there).
      if (comments.some((column) => column > indent)) return undefined;
      lines.start.push(start);
      lines.indent.push(indent);
      lines.end.push(end);
      lines.commentBefore.push(comments.length > 0 && lines.start.length > 1);
      comments = [];
    }
    if (newline === -1) break;
    start = newline + 1;
    lines.newLines.push(start);
  }
  // Comments after the last content line go to whichever node yaml's parser has open.
  return comments.length > 0 ? undefined : lines;
}

const space = 32;
const hash = 35;
const colon = 58;

/** Characters that start a plain scalar only in some contexts, or never; such a scalar is yaml's to read. */
const notPlainStart = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);

/** A first character that may make a plain scalar something other than a string (null, bool, number). */
const maybeNotString = /^[-+.0-9~nNtTfF]/;

class Reader {
  private readonly tags: ScalarTag[];
  /** Whether the last value read was empty. */
  endsEmpty = false;
  /** Collections open; deep nesting is yaml's to refuse, not this reader's stack's. */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
    readonly doc: Document,
  ) {
    this.tags = doc.schema.tags.filter((tag): tag is ScalarTag => tag.default === true && tag.test !== undefined && !("collection" in tag && tag.collection));
  }

  /** The block node whose first line is `line`, starting at `column`; `next` is the first line after it. */
  block(line: number, column: number): { node: Node; next: number } {
    const at = this.lines.start[line]! + column;
    if (this.isItem(at)) return this.seq(line, column);
    if (this.keyAt(at, this.lines.end[line]!) !== undefined) return this.map(line, column);
    throw decline;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > 64) throw decline;
  }

  private isItem(at: number): boolean {
    return this.text.charCodeAt(at) === 45 && this.isBlankOrEnd(at + 1);
  }

  private isBlankOrEnd(at: number): boolean {
    const code = this.text.charCodeAt(at);
    return code === space || code === 10 || Number.isNaN(code);
  }

  private map(first: number, column: number): { node: YAMLMap; next: number } {
    this.enter();
    const map = new YAMLMap(this.doc.schema);
    const keys = new Set<unknown>();
    let line = first;
    let valueEnd: number;
    for (;;) {
      const end = this.lines.end[line]!;
      const at = line === first ? this.lines.start[line]! + column : this.lines.start[line]! + this.lines.indent[line]!;
      const key = this.keyAt(at, end);
      if (key === undefined) throw decline;
      this.addKey(keys, key.node);
      const value = this.valueAfter(line, key.after, column, true);
      map.items.push(new Pair(key.node, value.node));
      valueEnd = value.node.range![2];
      line = value.next;
      if (line >= this.lines.start.length || this.lines.indent[line]! < column) break;
      if (this.lines.indent[line]! > column || this.isItem(this.lines.start[line]! + column)) throw decline;
    }
    this.endsAt(line);
    map.range = [this.lines.start[first]! + column, valueEnd, valueEnd];
    this.depth -= 1;
    return { node: map, next: line };
  }

  private seq(first: number, column: number): { node: YAMLSeq; next: number } {
    this.enter();
    const seq = new YAMLSeq(this.doc.schema);
    let line = first;
    let valueEnd: number;
    for (;;) {
      const dash = line === first ? this.lines.start[line]! + column : this.lines.start[line]! + this.lines.indent[line]!;
      const value = this.valueAfter(line, dash + 1, column, false);
      seq.items.push(value.node);
      valueEnd = value.node.range![2];
      line = value.next;
      if (line >= this.lines.start.length || this.lines.indent[line]! < column) break;
      if (this.lines.indent[line]! > column) throw decline;
      if (!this.isItem(this.lines.start[line]! + column)) break;
    }
    this.endsAt(line);
    seq.range = [this.lines.start[first]! + column, valueEnd, valueEnd];
    this.depth -= 1;
    return { node: seq, next: line };
  }

  /** A block collection ends before `line`: a comment between would belong to it in yaml, and stretch its range. */
  private endsAt(line: number): void {
    if (line < this.lines.start.length && this.lines.commentBefore[line]) throw decline;
  }

  /**
   * The value after a key's colon or an item's dash at `from` on `line`: on the same line, or a block on
   * the lines below (for a key, a list may start at the key's own column), or empty.
   */
  private valueAfter(line: number, from: number, column: number, ofKey: boolean): { node: Node; next: number } {
    const end = this.lines.end[line]!;
    let at = from;
    while (this.text.charCodeAt(at) === space) at += 1;
    if (at < end) {
      if (this.text.charCodeAt(at) === hash) throw decline;
      if (!ofKey && this.isItem(at)) throw decline;
      if (!ofKey && this.keyAt(at, end) !== undefined) return this.map(line, at - this.lines.start[line]!);
      const node = this.inline(at, end);
      this.endsEmpty = false;
      return { node, next: line + 1 };
    }
    const below = line + 1;
    if (below < this.lines.start.length) {
      const indent = this.lines.indent[below]!;
      if (indent > column || (ofKey && indent === column && this.isItem(this.lines.start[below]! + indent))) return this.block(below, indent);
      // yaml stretches an empty value's range over the comments after it.
      if (this.lines.commentBefore[below]) throw decline;
    }
    // …and an empty item's after the comments before it.
    if (!ofKey && this.lines.commentBefore[line]) throw decline;
    const empty = new Scalar(null);
    empty.range = [at, at, at];
    empty.source = "";
    empty.type = Scalar.PLAIN;
    this.endsEmpty = true;
    return { node: empty, next: below };
  }

  /** A scalar or a one-line flow collection from `at` to the line's end; its range ends after the newline. */
  private inline(at: number, end: number): Node {
    const { node, end: valueEnd } = this.value(at, end, false);
    let after = valueEnd;
    while (this.text.charCodeAt(after) === space) after += 1;
    if (after < end && (this.text.charCodeAt(after) !== hash || after === valueEnd)) throw decline;
    const nodeEnd = end === this.text.length ? end : end + 1;
    node.range = [at, valueEnd, nodeEnd];
    return node;
  }

  /** A key at `at` followed by `: ` or a colon at the line's end; `after` is past the colon. */
  private keyAt(at: number, end: number): { node: Scalar; after: number } | undefined {
    const code = this.text.charCodeAt(at);
    let node: Scalar;
    let keyEnd: number;
    if (code === 34 || code === 39) {
      const quoted = this.quoted(at, end, true);
      if (quoted === undefined) return undefined;
      node = quoted.node;
      keyEnd = quoted.end;
    } else {
      keyEnd = this.plainEnd(at, end, false);
      if (keyEnd === at || this.text.charCodeAt(keyEnd) !== colon) return undefined;
      node = this.plain(at, keyEnd);
    }
    if (this.text.charCodeAt(keyEnd) !== colon || !this.isBlankOrEnd(keyEnd + 1) || keyEnd - at > 1000) return undefined;
    node.range = [at, keyEnd, keyEnd];
    return { node, after: keyEnd + 1 };
  }

  /**
   * Where a plain scalar starting at `at` ends (trailing spaces left out): at `: `, ` #` or the line's
   * end, and in a flow row also at `,` `]` `}`. A character yaml reads otherwise there declines.
   */
  private plainEnd(at: number, end: number, flow: boolean): number {
    if (at >= end || notPlainStart.has(this.text[at]!)) {
      // A dash starts a plain scalar (-3) only before a character that is not a space, nor in a flow row ,[]{}.
      const next = this.text[at + 1];
      if (!(this.text.charCodeAt(at) === 45 && at + 1 < end && next !== " " && !(flow && next !== undefined && ",[]{}".includes(next)))) return at;
    }
    let last = at;
    for (let index = at; index < end; index += 1) {
      const code = this.text.charCodeAt(index);
      if (code === colon) {
        if (flow || this.isBlankOrEnd(index + 1)) return last;
      } else if (code === hash) {
        if (flow || this.text.charCodeAt(index - 1) === space) return last;
      } else if (flow && (code === 44 || code === 91 || code === 93 || code === 123 || code === 125)) {
        return last;
      }
      if (code !== space) last = index + 1;
    }
    return last;
  }

  /** A plain scalar's node: resolved by the same core-schema tags as yaml, a string in one test when it cannot be anything else. */
  private plain(at: number, valueEnd: number): Scalar {
    const source = this.text.slice(at, valueEnd);
    let scalar: Scalar;
    const tag = maybeNotString.test(source) ? this.tags.find((candidate) => candidate.test!.test(source)) : undefined;
    if (tag === undefined) scalar = new Scalar(source);
    else {
      const resolved: unknown = tag.resolve(
        source,
        () => {
          throw decline;
        },
        this.doc.options,
      );
      scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
      if (tag.format) scalar.format = tag.format;
    }
    scalar.source = source;
    scalar.type = Scalar.PLAIN;
    return scalar;
  }

  /** A quoted scalar closed on its line, without escapes (yaml reads those); undefined for a key that is not one. */
  private quoted(at: number, end: number): { node: Scalar; end: number };
  private quoted(at: number, end: number, optional: true): { node: Scalar; end: number } | undefined;
  private quoted(at: number, end: number, optional = false): { node: Scalar; end: number } | undefined {
    const quote = this.text[at]!;
    let value = "";
    let from = at + 1;
    for (;;) {
      const close = this.text.indexOf(quote, from);
      if (close === -1 || close >= end) {
        if (optional) return undefined;
        throw decline;
      }
      value += this.text.slice(from, close);
      if (quote === "'" && this.text[close + 1] === "'") {
        value += "'";
        from = close + 2;
        continue;
      }
      if (quote === '"' && value.includes("\\")) throw decline;
      const node = new Scalar(value);
      node.source = value;
      node.type = quote === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
      return { node, end: close + 1 };
    }
  }

  /** `[a, b]` or `{ k: v, … }` on one line, of scalars and such rows; `end` is past the closing bracket. */
  private flow(at: number, end: number): { node: YAMLMap | YAMLSeq; end: number } {
    this.enter();
    const isMap = this.text.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const collection = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    collection.flow = true;
    const keys = new Set<unknown>();
    let index = this.skipSpaces(at + 1);
    if (this.text.charCodeAt(index) !== close) {
      for (;;) {
        const first = this.flowItem(index, end, isMap);
        index = first.range![2];
        if (isMap) {
          const key = first as Scalar;
          if (index !== key.range![1] || this.text.charCodeAt(index) !== colon || this.text.charCodeAt(index + 1) !== space) throw decline;
          this.addKey(keys, key);
          const value = this.flowItem(this.skipSpaces(index + 1), end, false);
          (collection as YAMLMap).items.push(new Pair(key, value));
          index = value.range![2];
        } else {
          (collection as YAMLSeq).items.push(first);
        }
        const code = this.text.charCodeAt(index);
        if (code === close) break;
        if (code !== 44) throw decline;
        index = this.skipSpaces(index + 1);
        if (this.text.charCodeAt(index) === close) throw decline;
      }
    }
    this.depth -= 1;
    return { node: collection, end: index + 1 };
  }

  /** An item of a flow row: a scalar or a row; its range runs on over the spaces before its comma or bracket. */
  private flowItem(at: number, end: number, isKey: boolean): Node {
    const { node, end: valueEnd } = this.value(at, end, true, !isKey);
    node.range = [at, valueEnd, this.skipSpaces(valueEnd)];
    return node;
  }

  /** A scalar, or a flow row where one may stand, at `at`, and where its value ends (its range is the caller's). */
  private value(at: number, end: number, flow: boolean, row = true): { node: Node; end: number } {
    const code = this.text.charCodeAt(at);
    if (row && (code === 91 || code === 123)) return this.flow(at, end);
    if (code === 34 || code === 39) return this.quoted(at, end);
    const plainEnd = this.plainEnd(at, end, flow);
    // In a block, a plain scalar runs to the line's end or to the spaces before a comment.
    if (plainEnd === at || (!flow && plainEnd !== end && this.text.charCodeAt(plainEnd) !== space)) throw decline;
    return { node: this.plain(at, plainEnd), end: plainEnd };
  }

  /** yaml's uniqueKeys: a repeated key is its error to report. Keys are strings or numbers here. */
  private addKey(keys: Set<unknown>, key: Scalar): void {
    if (keys.has(key.value) || (typeof key.value !== "string" && typeof key.value !== "number")) throw decline;
    keys.add(key.value);
  }

  private skipSpaces(at: number): number {
    let index = at;
    while (this.text.charCodeAt(index) === space) index += 1;
    return index;
  }
}
