import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import ignore from "ignore";
import { InputError } from "./files.js";

/** The ignore file read from the working directory, as ESLint read .eslintignore: gitignore's syntax. */
export const ignoreFileName = ".budget-rules-ignore";

/** Whether a path (a folder when `folder`) is left out of the check. */
export type Ignored = (path: string, folder: boolean) => boolean;

/**
 * What a check leaves out: the patterns of `.budget-rules-ignore` in the working directory (when
 * `useFile`) and those given (--ignore-pattern), in gitignore's syntax, matched against paths relative
 * to the working directory. A path outside it is never ignored: no pattern can name it.
 */
export function ignoredBy(cwd: string, patterns: readonly string[], useFile = true): Ignored | undefined {
  const fromFile = useFile ? ignoreFileLines(join(cwd, ignoreFileName)) : [];
  if (fromFile.length === 0 && patterns.length === 0) return undefined;
  const matcher = ignore().add([...fromFile, ...patterns]);
  return (path, folder) => {
    const name = relative(cwd, path);
    if (name === "" || name === ".." || name.startsWith(`..${sep}`) || isAbsolute(name)) return false;
    return matcher.ignores(`${name.split(sep).join("/")}${folder ? "/" : ""}`);
  };
}

function ignoreFileLines(file: string): string[] {
  try {
    return readFileSync(file, "utf8").split(/\r?\n/);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    // An ignore file that cannot be read would check what it meant to leave out, or the reverse.
    throw new InputError(`cannot read ${ignoreFileName}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
