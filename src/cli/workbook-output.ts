import { relative } from "node:path";
import { DocumentError } from "../document/formats/document.js";
import { detectFormat } from "../document/formats/format.js";
import { readDocumentBytes } from "../document/formats/read.js";
import type { Lang } from "../finding.js";
import { workbookFormat, type OutputFormat } from "../report/formats.js";
import type { Report } from "../report/report.js";
import { InputError } from "../run/files.js";
import type { ReportFile } from "./report-files.js";
import { writeOutput } from "./report-files.js";

/** `-f xlsx`: the workbook checked, read once before the check, to be written back annotated. */
export interface WorkbookInput {
  path: string;
  bytes: Buffer;
}

const inLang = (lang: Lang, zh: string, en: string) => new InputError(lang === "zh" ? zh : en);

/** Refuses `-f xlsx` without its -o: a workbook is no text for a terminal or a pipe. */
export function refuseWorkbookToStdout(toStdout: readonly OutputFormat[], lang: Lang): void {
  if (toStdout.includes(workbookFormat))
    throw inLang(
      lang,
      "-f xlsx 写出一个工作簿：请用 -o 指定文件，如 -o checked.xlsx",
      "-f xlsx writes a workbook: name its file with -o, as in -o checked.xlsx",
    );
}

/** The one Excel workbook `-f xlsx` annotates, by its content; refused for several files, or for one that is not a workbook. */
export function workbookInput(inputs: readonly string[], options: { maxFileSize?: number; cwd: string; lang: Lang }): WorkbookInput {
  const { lang, cwd } = options;
  const [path] = inputs;
  if (path === undefined || inputs.length > 1)
    throw inLang(
      lang,
      `-f xlsx 为一个 Excel 工作簿（.xlsx）写出批注副本：请只给一个文件（这里有 ${inputs.length} 个）`,
      `-f xlsx writes back one Excel workbook (.xlsx), annotated: give one file (here ${inputs.length})`,
    );
  const name = relative(cwd, path) || path;
  let bytes: Buffer;
  try {
    bytes = readDocumentBytes(path, options.maxFileSize);
    if (detectFormat(bytes, path) === "xlsx") return { path, bytes };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
  }
  throw inLang(lang, `-f xlsx 只能批注 Excel 工作簿（.xlsx），${name} 不是`, `-f xlsx annotates an Excel workbook (.xlsx), and ${name} is not one`);
}

/** Writes the annotated copy of the workbook to its -o file (never the input: refused before the check). */
export async function writeWorkbook(file: ReportFile, input: WorkbookInput, report: Report, lang: Lang): Promise<void> {
  const { annotatedWorkbook } = await import("../report/workbook.js");
  // One file was checked (workbookInput): the report's one file is the workbook.
  const findings = report.files[0]?.findings ?? [];
  await writeOutput(file.path, file.given, await annotatedWorkbook(input.bytes, { findings }, lang));
}
