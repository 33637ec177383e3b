import type { FileReport } from "../report/report.js";
import { compareFindings, countSeverities, type Finding, type Lang } from "../finding.js";
import { fill } from "../text.js";
import { checkReading, type TextProblem } from "./check.js";
import type { Figure } from "./figures.js";
import { readDisclosure, type Reading } from "./read.js";
import { narrative } from "../rules/narrative.js";

export { readDisclosure, type Reading, type Relation } from "./read.js";
export { narrative } from "../rules/narrative.js";

export interface DisclosureTextOptions {
  /** The name reports give the file; default <text>. */
  file?: string;
  /** The language of messages; default en. */
  lang?: Lang;
  /** Names the place of an offset of the text in the document it was read from (第 3 段, Sheet1!B4). */
  placeOf?: (offset: number) => string;
}

/** 1-based line and column (UTF-16 units) of each offset of the original text; CR LF and a lone CR end a line. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) starts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

/** How a message names a figure: its clause up to and with the figure, at most 24 characters before it. */
function namer(reading: Reading) {
  return (figure: Figure) => {
    const sentence = reading.sentences.find((candidate) => candidate.figures.includes(figure));
    const clause = sentence?.clauses[figure.clause];
    const start = Math.max(clause?.start ?? figure.start, figure.end - 28);
    const text = reading.normalised.text.slice(start, figure.end).replace(/^(?:其中|包括)[:,]?/, "");
    return { zh: `「${text}」`, en: `“${text}”` };
  };
}

/**
 * Checks a disclosure's narrative text as published: the relations its formulaic sentences state, at the
 * line and column of the original text; every sentence with figures that is not read is reported. Never throws.
 */
export function checkDisclosureText(text: string, options: DisclosureTextOptions = {}): FileReport {
  const lang = options.lang ?? "en";
  const file = options.file ?? "<text>";
  let findings: Finding[];
  try {
    const reading = readDisclosure(text);
    const locate = locator(text);
    const origin = (offset: number) => reading.normalised.origin[offset] ?? text.length;
    const { placeOf } = options;
    findings = checkReading(reading, namer(reading)).map((problem) => {
      const finding = render(
        problem,
        lang,
        (offset) => locate(origin(offset)),
        (end) => locate(origin(end - 1) + 1),
      );
      return placeOf ? { ...finding, place: placeOf(origin(problem.start)) } : finding;
    });
  } catch (error) {
    findings = [
      {
        rule: narrative.id,
        messageId: "internal-error",
        severity: "error",
        message:
          lang === "zh"
            ? `读取原文时出错，本文件未检查完整：${error instanceof Error ? error.message : String(error)}`
            : `Reading the text failed, so this file was not fully checked: ${error instanceof Error ? error.message : String(error)}`,
        path: "",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ];
  }
  findings.sort(compareFindings);
  return { file, config: null, findings, summary: countSeverities(findings) };
}

type Locate = (offset: number) => { line: number; column: number };

function render(problem: TextProblem, lang: Lang, at: Locate, endAt: Locate): Finding {
  const message = narrative.meta.messages[problem.messageId];
  const start = at(problem.start);
  const end = problem.end > problem.start ? endAt(problem.end) : start;
  const finding: Finding = {
    rule: narrative.id,
    messageId: problem.messageId,
    severity: message?.severity ?? narrative.meta.defaultSeverity,
    message: message ? fill(message.text[lang], problem.data, lang) : problem.messageId,
    path: "",
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (problem.expected !== undefined) finding.expected = problem.expected;
  if (problem.actual !== undefined) finding.actual = problem.actual;
  if (problem.difference !== undefined) finding.difference = problem.difference;
  if (problem.tolerance !== undefined) finding.tolerance = problem.tolerance;
  if (problem.related && problem.related.length > 0) finding.related = problem.related.map((offset) => ({ path: "", ...at(offset) }));
  return finding;
}
