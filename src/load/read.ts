import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { Lang } from "../finding.js";

/** What reading a file within a size limit gives: its bytes, or how large it is (unknown for a stream). */
export type Read = { bytes: Buffer } | { tooLarge: { size?: number } };

const chunkSize = 1024 * 1024;

/**
 * Reads a file, a pipe or a device, stopping after limit + 1 bytes: a stat size says nothing of
 * `/dev/zero` or `/dev/stdin`, so the limit is kept by counting what arrives.
 */
export function readWithin(path: string, limit: number): Read {
  const descriptor = openSync(path, "r");
  try {
    const stats = fstatSync(descriptor);
    if (stats.isFile() && stats.size > limit) return { tooLarge: { size: stats.size } };
    const read = readWithinDescriptor(descriptor, limit);
    if ("bytes" in read) return read;
    return { tooLarge: stats.isFile() ? { size: Math.max(read.tooLarge.read, stats.size) } : {} };
  } finally {
    closeSync(descriptor);
  }
}

/** What an open file gives up to limit + 1 bytes, counted as it arrives. */
function readWithinDescriptor(descriptor: number, limit: number): { bytes: Buffer } | { tooLarge: { read: number } } {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
    const read = readSync(descriptor, chunk, 0, chunk.length, null);
    if (read === 0) return { bytes: Buffer.concat(chunks, total) };
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) return { tooLarge: { read: total } };
  }
}

/** Why a file budget-rules keeps for itself (a cache) was not read. */
export type Refused = "not a regular file" | "not the user's own" | "too large";

/**
 * Reads a file budget-rules keeps for itself (a cache), within `limit` bytes, only if it is a regular
 * file: opened without waiting (a FIFO put in its place must not hang the run), never through a link
 * when `noFollow`, and, with `owner`, only when that user owns it and no one else may write it.
 */
export function readRegularFile(path: string, limit: number, options: { noFollow?: boolean; owner?: number } = {}): { bytes: Buffer } | { refused: Refused } {
  // Windows has neither flag; a cache there is only ever the user's own LOCALAPPDATA.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  const descriptor = openSync(path, flags);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { refused: "not a regular file" };
    if (options.owner !== undefined && (stats.uid !== options.owner || (stats.mode & 0o022) !== 0)) return { refused: "not the user's own" };
    if (stats.size > limit) return { refused: "too large" };
    const read = readWithinDescriptor(descriptor, limit);
    return "bytes" in read ? read : { refused: "too large" };
  } finally {
    closeSync(descriptor);
  }
}

const units: Record<Lang, string> = { zh: "字节", en: "bytes" };

/** A size as people read it: `32 MB`, `1.5 KB`, `12 bytes` (MB and KB of 1024). */
export function sizeText(bytes: number, lang: Lang): string {
  const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toString();
  if (bytes >= 1024 * 1024) return `${oneDecimal(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${bytes} ${units[lang]}`;
}

/** A size and the limit it is above, in the same words but never the same text (`32 MB, above 32 MB`). */
export function sizesAbove(size: number, limit: number, lang: Lang): { size: string; limit: string } {
  const texts = { size: sizeText(size, lang), limit: sizeText(limit, lang) };
  return texts.size === texts.limit ? { size: `${size} ${units[lang]}`, limit: `${limit} ${units[lang]}` } : texts;
}
