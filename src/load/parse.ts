import { LineCounter, parseDocument, type Document } from "yaml";
import type { Problem } from "../problem.js";
import { parseSimpleYaml } from "./simple-yaml.js";

export interface ParsedSource {
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * Parses a declaration keeping positions. Syntax errors, duplicate keys and the like become problems
 * at their offsets; the parser's own exceptions are caught so that bad input never crashes a check.
 */
export function parseSource(text: string): { source?: ParsedSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  // Most declarations are written in the part of YAML the simple reader reads, faster, to the same nodes.
  const simple = parseSimpleYaml(text, lineCounter);
  if (simple !== undefined) return { source: { doc: simple, lineCounter }, problems: [] };
  let doc: Document;
  try {
    // Versions 1.2 core schema: `yes`/`no` stay strings, numbers keep their source text on the node.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  } catch (error) {
    return { problems: [{ rule: "yaml", messageId: "unreadable", path: "", range: [0, 0], data: { detail: describe(error) } }] };
  }
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    problems.push({ rule: "yaml", messageId: "syntax", path: "", range: [error.pos[0], error.pos[1]], data: { detail: firstLine(error.message) } });
  }
  for (const warning of doc.warnings) {
    // yaml warns of what a declaration has no use for (unresolved tags): an error, so it is never skipped quietly.
    problems.push({ rule: "yaml", messageId: "unsupported", path: "", range: [warning.pos[0], warning.pos[1]], data: { detail: firstLine(warning.message) } });
  }
  // Under a %YAML 1.1 directive, 010, yes and 1_000 read differently; declarations are YAML 1.2 only.
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== "1.2") {
    problems.push({
      rule: "yaml",
      messageId: "yaml-version",
      path: "",
      range: [0, Math.max(1, text.indexOf("\n"))],
      data: { version: doc.directives.yaml.version },
    });
  }
  return { source: { doc, lineCounter }, problems };
}

export function describe(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
