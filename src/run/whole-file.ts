import { randomBytes } from "node:crypto";
import { renameSync, unlinkSync, writeFileSync } from "node:fs";

/**
 * A temporary name beside `target` that no one can have planted: random, and created exclusively (O_EXCL,
 * which also refuses a link already there), so a link put in its place is never followed.
 */
export function temporaryBeside(target: string): string {
  return `${target}.${randomBytes(8).toString("hex")}.tmp`;
}

/** Removes a temporary file this run created; one never created, or already gone, is no matter. */
export function removeTemporary(temporary: string): void {
  try {
    unlinkSync(temporary);
  } catch {
    // never created, or already renamed
  }
}

/**
 * Writes `target` whole or not at all: an exclusive temporary file beside it (so on the same file
 * system), then a rename. A rename replaces a link at `target` itself, never the file it leads to.
 * `mode` is the new file's (0600 for what only its user should read).
 */
export function writeWhole(target: string, data: string | Uint8Array, mode = 0o666): void {
  const temporary = temporaryBeside(target);
  let created = false;
  try {
    writeFileSync(temporary, data, { flag: "wx", mode });
    created = true;
    renameSync(temporary, target);
  } catch (error) {
    // Only a file this run made: a name that existed (EEXIST) is someone else's.
    if (created) removeTemporary(temporary);
    throw error;
  }
}
