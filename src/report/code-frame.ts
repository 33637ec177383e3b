import { eastAsianWidth } from "get-east-asian-width";
import type { Finding } from "../finding.js";
import { printable } from "./vocabulary.js";

/** A line wider than this (display columns) is shown as a window around the figure, so one-line tables stay readable (and small). */
const widestLine = 160;
const before = 50;
const after = 100;

/** Marks and format characters take no column of their own. */
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * The columns a terminal gives a text: two for a wide (Chinese) character, none for a combining mark.
 * Not string-width: its emoji tables cost ~50 ms of start-up, a seventh of a whole check, for characters
 * a budget disclosure does not print.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += zeroWidth.test(character) ? 0 : eastAsianWidth(character.codePointAt(0) ?? 0);
  return width;
}

/** A UTF-16 index moved back off the second half of a surrogate pair. */
function atCharacter(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff ? index - 1 : index;
}

/**
 * The source lines around a finding, a caret under its figure: what stylish shows for each error.
 * Columns count UTF-16 units (as the YAML positions do); the caret is placed by display width, so that
 * Chinese text (two columns a character) does not push it left of the figure.
 */
export function codeFrame(lines: readonly string[], finding: Finding, paint: (text: string) => string = (text) => text, context = 1): string {
  const first = Math.max(1, finding.line - context);
  const last = Math.min(lines.length, finding.line + context);
  const width = String(last).length;
  const target = lines[finding.line - 1] ?? "";
  const from = Math.min(finding.column - 1, target.length);
  const to = Math.min(target.length, finding.endLine === finding.line ? Math.max(from + 1, finding.endColumn - 1) : target.length);
  // One window for every line of the frame, so that the lines stay aligned.
  const wide = displayWidth(printable(target)) > widestLine;
  const start = wide ? atCharacter(target, Math.max(0, from - before)) : 0;
  // Without a window, a wide line around the figure is still cut at the widest width.
  const end = wide ? atCharacter(target, Math.min(target.length, from + after)) : widestLine;
  const shown = (line: string) => {
    const cut = `${start > 0 ? "…" : ""}${printable(line.slice(start, atCharacter(line, end)))}`;
    return end < line.length ? `${cut}…` : cut;
  };
  const frame: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const line = lines[number - 1] ?? "";
    frame.push(`${number === finding.line ? ">" : " "} ${String(number).padStart(width)} | ${shown(line)}`.trimEnd());
    if (number === finding.line) {
      const lead = displayWidth(`${start > 0 ? "…" : ""}${printable(line.slice(start, from))}`);
      const length = Math.max(1, displayWidth(printable(line.slice(from, Math.min(to, end)))));
      frame.push(`  ${" ".repeat(width)} | ${" ".repeat(lead)}${paint("^".repeat(length))}`);
    }
  }
  return frame.join("\n");
}
