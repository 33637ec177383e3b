import { realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A path's stats, or undefined when nothing is there (or it cannot be reached). */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Where a path leads once every link on the way is followed, for a file that may not exist yet. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/**
 * The input that writing `output` would replace, if any: the one rule for -o, import -o and the cache.
 * A file that exists is the same as an input when it has its device and inode, whatever its name (a
 * link, a hard link, another spelling); one that does not exist yet, when its real path is the input's.
 * Only regular files count: /dev/stdin and /dev/stdout may be one terminal, and writing into a device
 * replaces nothing (what may be written into a device is each output's own rule).
 */
export function inputReplacedBy(output: string, inputs: readonly string[]): string | undefined {
  const stats = statOrUndefined(output);
  if (stats !== undefined && !stats.isFile()) return undefined;
  const outputPath = stats === undefined ? realPath(output) : undefined;
  return inputs.find((input) => {
    const inputStats = statOrUndefined(input);
    if (!inputStats?.isFile()) return false;
    return stats !== undefined ? inputStats.dev === stats.dev && inputStats.ino === stats.ino : realPath(input) === outputPath;
  });
}
