import type { Finding } from "../finding.js";

/**
 * The source lines around a finding, a caret under its figure: what stylish shows for each error.
 * Takes the file's lines, split once per file rather than once per finding.
 */
export function codeFrame(lines: readonly string[], finding: Finding, paint: (text: string) => string = (text) => text, context = 1): string {
  const first = Math.max(1, finding.line - context);
  const last = Math.min(lines.length, finding.line + context);
  const width = String(last).length;
  const frame: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const text = (lines[number - 1] ?? "").replace(/\t/g, " ");
    const marker = number === finding.line ? ">" : " ";
    frame.push(`${marker} ${String(number).padStart(width)} | ${text}`.trimEnd());
    if (number === finding.line) {
      const length = finding.endLine === finding.line ? Math.max(1, finding.endColumn - finding.column) : Math.max(1, text.length - finding.column + 1);
      frame.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, finding.column - 1))}${paint("^".repeat(length))}`);
    }
  }
  return frame.join("\n");
}
