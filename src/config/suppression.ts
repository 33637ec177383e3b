import { isNode, isPair, Lexer, type Document, type LineCounter } from "yaml";
import type { Finding } from "../finding.js";
import { spanOf, type Span } from "../load/locate.js";

/** `# budget-rules-disable-next-line <rule>[, <rule>…] -- <reason>`: a YAML comment. */
export interface Directive {
  line: number;
  column: number;
  /** As written; any `budget-rules-…` comment is read as a directive, so that a misspelt one is reported. */
  name: string;
  rules: string[];
  reason: string;
  used: boolean;
}

export const directiveName = "budget-rules-disable-next-line";

/**
 * What decides whether the rules ran at all (the YAML, the schema, a rule that failed) and the
 * directives' own findings: a file whose rules never ran must never pass because of a comment.
 */
export function isSuppressible(finding: Pick<Finding, "rule" | "messageId">): boolean {
  return !["yaml", "schema", "suppression"].includes(finding.rule) && finding.messageId !== "internal-error";
}

// The lexer's markers of document, flow end and scalar: they are not characters of the text.
const markers = new Set(["\u0002", "\u0018", "\u001f"]);

/**
 * The directives among the text's comments. The lexer, not a pattern over lines, says what is a
 * comment: a `#` inside a block scalar or a quoted string is data.
 */
export function directivesIn(text: string): Directive[] {
  const directives: Directive[] = [];
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (markers.has(token)) continue;
    const body = token.startsWith("#") ? token.slice(1).trim() : "";
    const match = /^(budget-rules-\S*)(.*)$/i.exec(body);
    if (match) {
      const [rulesPart = "", ...reasonParts] = (match[2] ?? "").split(/\s--(?:\s|$)/);
      directives.push({
        line,
        column: offset - lineStart + 1,
        name: match[1] ?? "",
        rules: rulesPart.split(/[\s,]+/).filter((rule) => rule !== ""),
        reason: reasonParts.join(" -- ").trim(),
        used: false,
      });
    }
    for (let index = token.indexOf("\n"); index !== -1; index = token.indexOf("\n", index + 1)) {
      line += 1;
      lineStart = offset + index + 1;
    }
    offset += token.length;
  }
  return directives;
}

/**
 * Drops the findings a valid directive covers, and marks the directives used. A directive covers the
 * next line's node: the first YAML node (or key with its value) that starts on the line after it, and
 * of its findings those located on that line. So a one-line row is covered whole, and only that row:
 * not a second row on the same line of a flow sequence, nor anything on later lines.
 */
export function suppress(findings: readonly Finding[], directives: readonly Directive[], source?: { doc: Document; lineCounter: LineCounter }): Finding[] {
  const valid = directives.filter((directive) => directive.name === directiveName && directive.reason !== "");
  if (valid.length === 0 || !source) return [...findings];
  const nodes = firstNodeOnLines(source.doc, source.lineCounter, new Set(valid.map((directive) => directive.line + 1)));
  return findings.filter((finding) => {
    if (!isSuppressible(finding)) return true;
    const node = nodes.get(finding.line);
    if (!node || !within(finding, node)) return true;
    const directive = valid.find((candidate) => candidate.line + 1 === finding.line && candidate.rules.includes(finding.rule));
    if (!directive) return true;
    directive.used = true;
    return false;
  });
}

function within(finding: Span, node: Span): boolean {
  const notBefore = finding.line > node.line || (finding.line === node.line && finding.column >= node.column);
  const notAfter = finding.endLine < node.endLine || (finding.endLine === node.endLine && finding.endColumn <= node.endColumn);
  return notBefore && notAfter;
}

/** The span of the first node starting on each of the lines, in one walk of the document (no recursion). */
function firstNodeOnLines(doc: Document, lineCounter: LineCounter, lines: ReadonlySet<number>): Map<number, Span> {
  const found = new Map<number, Span>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && found.size < lines.size) {
    const item = stack.pop();
    let range: [number, number] | undefined;
    let children: unknown[] = [];
    if (isPair(item)) {
      const key = isNode(item.key) ? item.key.range : undefined;
      const value = isNode(item.value) ? item.value.range : undefined;
      const start = key?.[0] ?? value?.[0];
      const end = value?.[1] ?? key?.[1];
      if (start !== undefined && end !== undefined) range = [start, end];
      children = [item.value];
    } else if (isNode(item) && item.range) {
      range = [item.range[0], item.range[1]];
      if ("items" in item && Array.isArray(item.items)) children = item.items as unknown[];
    }
    if (range) {
      const span = spanOf(lineCounter, range);
      if (lines.has(span.line) && !found.has(span.line)) found.set(span.line, span);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]);
  }
  return found;
}
