import { countSeverities, type Lang } from "../finding.js";
import { DocumentError, placeLabel, type DocumentText } from "../document/formats/document.js";
import type { Format } from "../document/formats/format.js";
import { readDocument } from "../document/formats/read.js";
import type { FileReport } from "../report/report.js";
import type { Config } from "../config/config.js";
import { checkDisclosureText, documentFinding } from "./check-disclosure.js";

/** A document that cannot be read is one finding at its start, never a skipped file. */
function unreadable(file: string, error: unknown, lang: Lang): FileReport {
  const detail = error instanceof DocumentError ? error.text : (String(error instanceof Error ? error.message : error).split("\n")[0] ?? "");
  const finding = documentFinding("unreadable", detail, lang);
  return { file, config: null, findings: [finding], summary: countSeverities([finding]) };
}

/**
 * Checks a disclosure as published (text, Word, PDF, Excel): its narrative's sentences are read and
 * their relations checked; every finding points into the document. Returns the text read, for code frames.
 */
export async function checkDocument(
  bytes: Uint8Array,
  options: { file: string; lang: Lang; format?: Format; config?: Config },
): Promise<{ report: FileReport; text?: string }> {
  let document: DocumentText;
  try {
    document = await readDocument(bytes, { file: options.file, ...(options.format ? { format: options.format } : {}) });
  } catch (error) {
    return { report: unreadable(options.file, error, options.lang) };
  }
  // In plain text line:column is the place; in Word, PDF and Excel the reader names it.
  const placeOf = document.kind === "text" ? undefined : (offset: number) => placeLabel(document.locate(offset), options.lang);
  const { file, lang, config } = options;
  return {
    report: checkDisclosureText(document.text, { file, lang, ...(config ? { config } : {}), ...(placeOf ? { placeOf } : {}), document }),
    text: document.text,
  };
}
