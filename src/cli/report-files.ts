import { realpathSync, renameSync, statSync, writeFileSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import { dirname, extname, relative, resolve } from "node:path";
import { InputError } from "../run/files.js";
import { inputReplacedBy } from "../run/same-file.js";
import { removeTemporary, temporaryBeside } from "../run/whole-file.js";
import type { OutputFormat } from "../report/formats.js";

/** A report to write to a file: `given` as the user wrote it (for messages), `path` resolved. */
export interface ReportFile {
  format: OutputFormat;
  given: string;
  path: string;
}

const formatsByExtension: Readonly<Record<string, OutputFormat>> = {
  ".json": "json",
  ".sarif": "sarif",
  ".xml": "junit",
  ".html": "html",
  ".htm": "html",
  ".txt": "stylish",
  ".xlsx": "xlsx",
};

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Which formats go to stdout and which to files. With -f, the last formats pair with the -o's in order;
 * without, stdout gets stylish and each -o the format its extension names.
 */
export function reportFiles(formats: readonly OutputFormat[], outputs: readonly string[], cwd: string): { toStdout: OutputFormat[]; toFiles: ReportFile[] } {
  if (outputs.includes("")) throw new InputError("an empty path was given to -o; name a file");
  let toStdout: OutputFormat[];
  let paired: OutputFormat[];
  if (formats.length === 0) {
    toStdout = ["stylish"];
    paired = outputs.map((given) => {
      const format = formatsByExtension[extname(given).toLowerCase()];
      if (format === undefined)
        throw new InputError(`cannot tell the format of ${given} from its extension (.json, .sarif, .xml, .html, .txt, .xlsx); name it with -f before -o`);
      return format;
    });
  } else {
    if (outputs.length > formats.length) throw new InputError(`${outputs.length} outputs for ${formats.length} format(s): pair each -o with a -f`);
    toStdout = formats.slice(0, formats.length - outputs.length);
    paired = formats.slice(formats.length - outputs.length);
  }
  const toFiles = outputs.map((given, index) => ({ format: paired[index] ?? "stylish", given, path: resolve(cwd, given) }));

  const seen = new Map<string, ReportFile>();
  for (const file of toFiles) {
    const folder = dirname(file.path);
    if (!statOrUndefined(folder)?.isDirectory()) throw new InputError(`cannot write ${file.given}: no such directory ${relative(cwd, folder) || "."}`);
    if (statOrUndefined(file.path)?.isDirectory()) throw new InputError(`cannot write ${file.given}: EISDIR`); // before the check, not after
    // Two reports in one file would leave only the last: the same file, however it is named.
    const key = realpathOr(file.path);
    const before = seen.get(key);
    if (before) throw new InputError(`-o ${file.given} is given for both ${before.format} and ${file.format}; give each report its own file`);
    seen.set(key, file);
  }
  return { toStdout, toFiles };
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Refuses a report file that is one of the check's inputs (a declaration or a config): it would be replaced. */
export function refuseInputs(toFiles: readonly ReportFile[], inputs: readonly string[]): void {
  for (const file of toFiles) {
    if (inputReplacedBy(file.path, inputs) !== undefined)
      throw new InputError(`-o ${file.given} is an input of this check; the ${file.format} report would replace it`);
  }
}

/**
 * Writes a report whole or not at all: an exclusive temporary file beside it, then a rename. A device or
 * a FIFO (/dev/null, /dev/stdout, a named pipe) is written into instead: a rename would replace the
 * device. Interrupted (SIGINT, SIGTERM), the temporary file is removed before the process ends.
 */
export async function writeReport(file: ReportFile, text: string): Promise<void> {
  await writeOutput(file.path, file.given, text);
}

/** The writing of every output named on the command line (-o, import -o): `given` is for messages. */
export async function writeOutput(path: string, given: string, text: string | Uint8Array): Promise<void> {
  const cannotWrite = (error: unknown) => new InputError(`cannot write ${given}: ${errorCode(error)}`);
  const stats = statOrUndefined(path);
  // /dev/stdout may lead to a regular file (`> out.txt`): renaming over it would cut off the shell's own output.
  if ((stats && !stats.isFile()) || /^\/(dev|proc)\//.test(path)) {
    try {
      // By its own name (/dev/stdout's real path, pipe:[1234], cannot be opened), and after what the
      // shell's redirection already holds: the formats printed to stdout.
      writeFileSync(path, text, { flag: "a" });
    } catch (error) {
      throw cannotWrite(error);
    }
    return;
  }
  const target = realpathOr(path); // through a link, so that the link stays a link
  // Random and exclusive: a link planted at a predictable name would be written through.
  const temporary = temporaryBeside(target);
  let created = false;
  let opening: Promise<unknown> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stopListening();
    // A signal may come while the exclusive open is under way: the file is this run's once it resolves.
    void (opening ?? Promise.reject(new Error("not opened")))
      .then(
        () => true,
        () => false,
      )
      .then((ours) => {
        if (ours) removeTemporary(temporary);
        process.kill(process.pid, signal); // no listener left: the signal's own ending (exit 130 for SIGINT)
      });
  };
  const stopListening = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    // Written asynchronously, so that a signal arriving mid-write is handled.
    const pending = open(temporary, "wx");
    opening = pending;
    const handle = await pending;
    created = true;
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    renameSync(temporary, target);
  } catch (error) {
    if (created) removeTemporary(temporary);
    throw cannotWrite(error);
  } finally {
    stopListening();
  }
}
