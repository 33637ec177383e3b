import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Lang } from "../finding.js";
import { declareDocument } from "../document/declare/declaration-text.js";
import { DocumentError } from "../document/formats/document.js";
import { readDocumentFile } from "../document/formats/read.js";
import { InputError } from "../run/files.js";
import { inputReplacedBy } from "../run/same-file.js";
import { writeOutput } from "./report-files.js";

export interface ImportOptions {
  output?: string;
  force?: boolean;
  lang?: Lang;
}

/** `budget-rules import FILE [-o decl.yaml]`: the declaration read from a disclosure, to a file or stdout. */
export async function runImport(file: string, options: ImportOptions, io: { cwd: string; stdout(text: string): void }): Promise<void> {
  const input = resolve(io.cwd, file);
  const output = options.output === undefined ? undefined : resolve(io.cwd, options.output);
  // The rule of check's -o and --cache-location: the same file under any name, a hard link included.
  if (output !== undefined && inputReplacedBy(output, [input]) !== undefined)
    throw new InputError(`${options.output} is the document read; import never writes over it`);
  let yaml: string;
  try {
    yaml = declareDocument(await readDocumentFile(input), options.lang ?? "en");
  } catch (error) {
    if (error instanceof DocumentError) throw new InputError(`cannot read ${file}: ${error.message}`);
    throw error;
  }
  if (options.output === undefined || output === undefined) {
    io.stdout(yaml);
    return;
  }
  if (options.force) {
    // As -o of check: whole or not at all, through an exclusive temporary file; a device written into.
    await writeOutput(output, options.output, yaml);
    return;
  }
  if (existsSync(output)) throw new InputError(`${options.output} exists; add --force to overwrite it`);
  try {
    writeFileSync(output, yaml, { flag: "wx" }); // exclusive: never through a link put there meanwhile
  } catch (error) {
    throw new InputError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
