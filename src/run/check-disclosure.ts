import { compareFindings, countSeverities, type Finding, type Lang } from "../finding.js";
import type { Config } from "../config/config.js";
import { readDeclaration, type DeclaredText } from "../document/declare/declaration-text.js";
import type { DocumentText } from "../document/formats/document.js";
import type { Span } from "../document/declare/declare.js";
import type { Reading } from "../document/sentences/read.js";
import type { FileReport } from "../report/report.js";
import { document } from "../rules/document.js";
import { lastAtOrBefore } from "../document/formats/layout.js";
import { fill, type Text } from "../text.js";
import { checkText } from "./check-text.js";

export interface DisclosureTextOptions {
  /** The name reports give the file; default <text>. */
  file?: string;
  /** The language of messages; default en. */
  lang?: Lang;
  /** A finance bureau's settings: rule severities and custom checks apply as to any declaration. */
  config?: Config;
  /** Names the place of an offset of the text in the document it was read from (第 3 段, Sheet1!B4). */
  placeOf?: (offset: number) => string;
  /** The document the text was read from, whose tables are read by their cells (default: the text as a plain text). */
  document?: DocumentText;
}

/** A finding about the document as a whole (it cannot be read, reading it failed), at its start. */
export function documentFinding(messageId: "unreadable" | "internal-error" | "nothing-read", detail: string | Text, lang: Lang): Finding {
  const message = fill(document.meta.messages[messageId]?.text[lang] ?? "{detail}", { detail }, lang);
  return { rule: document.id, messageId, severity: "error", message, path: "", line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** 1-based line and column (UTF-16 units) of each offset of the original text; CR LF and a lone CR end a line. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) starts.push(index + 1);
  }
  return (offset) => {
    const line = Math.max(0, lastAtOrBefore(starts, offset));
    return { line: line + 1, column: offset - (starts[line] ?? 0) + 1 };
  };
}

/** Where in the document a line of the declaration states its value: that line's span, else the nearest above it; none for the head. */
function spanAt(declared: DeclaredText, line: number): Span | undefined {
  for (let index = Math.min(line, declared.spans.length) - 1; index >= 0; index -= 1) {
    const span = declared.spans[index];
    if (span) return span;
  }
  return undefined;
}

/** Moves a finding on the declaration to the place in the document where what it is about is printed. */
function relocator(text: string, reading: Reading, declared: DeclaredText, placeOf?: (offset: number) => string) {
  const locate = locator(text);
  const origin = (offset: number) => reading.normalised.origin[offset] ?? text.length;
  // A finding about the whole document (a custom check on a table it lacks) stands at its start.
  const at = (span: Span | undefined) => (span ? locate(origin(span.start)) : { line: 1, column: 1 });
  const placed = (span: Span | undefined) => (placeOf ? { place: placeOf(span ? origin(span.start) : 0) } : {});
  return (finding: Finding): Finding => {
    const span = spanAt(declared, finding.line);
    const start = at(span);
    const end = span && span.end > span.start ? locate(origin(span.end - 1) + 1) : start;
    // The path would point into a declaration the user never sees, and move with every sentence added before it.
    const moved: Finding = { ...finding, path: "", line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ...placed(span) };
    if (finding.related)
      moved.related = finding.related.map((related) => {
        const relatedSpan = spanAt(declared, related.line);
        return { path: "", ...at(relatedSpan), ...placed(relatedSpan) };
      });
    return moved;
  };
}

/**
 * Checks a disclosure as published: reads its sentences into the declaration `import` writes, checks
 * that with the rules, and points each finding at the figure in the text. Never throws.
 */
export function checkDisclosureText(text: string, options: DisclosureTextOptions = {}): FileReport {
  const lang = options.lang ?? "en";
  const file = options.file ?? "<text>";
  let findings: Finding[];
  let config: string | null = null;
  try {
    const document = options.document ?? { kind: "text", text, locate: () => ({ kind: "text", line: 1, column: 1 }) };
    const declared = readDeclaration(document);
    const { reading } = declared;
    const report = checkText(declared.yaml, { lang, file, printed: true, ...(options.config ? { config: options.config } : {}) });
    config = report.config;
    findings = report.findings.map(relocator(text, reading, declared, options.placeOf));
    // A declaration of no statement and no table checks nothing: never “no problems”.
    if (!/^(?:statements|tables):$/m.test(declared.yaml)) findings.push(documentFinding("nothing-read", "", lang));
  } catch (error) {
    findings = [documentFinding("internal-error", error instanceof Error ? error.message : String(error), lang)];
  }
  findings.sort(compareFindings);
  return { file, config, findings, summary: countSeverities(findings) };
}
