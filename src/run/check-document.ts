import { compareFindings, countSeverities, type Finding, type Lang } from "../finding.js";
import { checkDisclosureText } from "../narrative/index.js";
import { DocumentError, placeLabel, type DocumentText } from "../read/document/document.js";
import { readDocument } from "../read/document/read.js";
import type { FileReport } from "../report/report.js";
import { narrative } from "../rules/narrative.js";
import { fill } from "../text.js";

/** The offset of each line's start in a text, so that a finding's line and column lead back to its place. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

/** A finding in a Word, PDF or Excel document also names its place there; in plain text line:column is its place. */
function placed(document: DocumentText, lang: Lang): (finding: Finding) => Finding {
  if (document.kind === "text") return (finding) => finding;
  const starts = lineStarts(document.text);
  return (finding) => {
    const offset = (starts[finding.line - 1] ?? 0) + finding.column - 1;
    return { ...finding, place: placeLabel(document.locate(offset), lang) };
  };
}

/** A document that cannot be read is one finding at its start, never a skipped file. */
function unreadable(file: string, error: unknown, lang: Lang): FileReport {
  const detail = error instanceof DocumentError ? error.text : (String(error instanceof Error ? error.message : error).split("\n")[0] ?? "");
  const finding: Finding = {
    rule: narrative.id,
    messageId: "unreadable",
    severity: "error",
    message: fill(narrative.meta.messages.unreadable?.text[lang] ?? "{detail}", { detail }, lang),
    path: "",
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  return { file, config: null, findings: [finding], summary: countSeverities([finding]) };
}

/**
 * Checks a disclosure as published (text, Word, PDF, Excel): its narrative's sentences are read and
 * their relations checked; every finding points into the document. Returns the text read, for code frames.
 */
export async function checkDocument(bytes: Uint8Array, options: { file: string; lang: Lang }): Promise<{ report: FileReport; text?: string }> {
  let document: DocumentText;
  try {
    document = await readDocument(bytes, { file: options.file });
  } catch (error) {
    return { report: unreadable(options.file, error, options.lang) };
  }
  const report = checkDisclosureText(document.text, options);
  const findings = report.findings.map(placed(document, options.lang)).sort(compareFindings);
  return { report: { ...report, findings }, text: document.text };
}
