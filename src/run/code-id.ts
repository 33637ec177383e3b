import { createHash } from "node:crypto";
import { closeSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../package-root.js";

/** The content hash the build writes on the bundle's first line (src/cli/build-bundle.mjs; start.ts reads it too). */
export const bundleHashLine = /^\/\/ budget-rules bundle ([0-9a-f]{16})\n/;

/** The bundle's hash, if there is a bundle: it holds every module that makes a finding. */
function bundleHash(): string | undefined {
  try {
    const descriptor = openSync(join(packageRoot, "dist", "bundle", "main.cjs"), "r");
    try {
      const start = Buffer.alloc(64);
      return bundleHashLine.exec(start.subarray(0, readSync(descriptor, start, 0, start.length, 0)).toString("latin1"))?.[1];
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return undefined;
  }
}

/** A hash of every file of the code folder this module runs from (src/ or dist/), for a build without a bundle. */
function folderHash(folder: string): string {
  const hash = createHash("sha256");
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        hash
          .update(`${relative(folder, path)}\0`)
          .update(readFileSync(path))
          .update("\0");
    }
  };
  walk(folder);
  return hash.digest("hex").slice(0, 16);
}

let id: string | undefined;

/**
 * What identifies the code that made a finding, for the result cache: the bundle's content hash (the
 * CLI's, as start.ts reads it), or without a bundle a hash of the code folder's files. A version number
 * is not enough: a rebuilt tool of the same version may find otherwise.
 */
export function codeId(): string {
  if (id === undefined) {
    const hash = bundleHash();
    id = hash !== undefined ? `bundle ${hash}` : `files ${folderHash(dirname(dirname(fileURLToPath(import.meta.url))))}`;
  }
  return id;
}
