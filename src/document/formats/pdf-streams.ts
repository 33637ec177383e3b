import { inflateSync } from "node:zlib";

/** What a PDF's compressed streams may inflate to, each and together, before any is read. */
export interface InflateLimits {
  stream: number;
  total: number;
}

/** The offsets of each `stream … endstream` whose dictionary names FlateDecode, in file order. */
function* flateStreams(bytes: Buffer): Generator<Buffer> {
  let at = bytes.indexOf("stream", 0, "latin1");
  while (at >= 0) {
    const isKeyword = bytes.toString("latin1", Math.max(0, at - 3), at) !== "end";
    const start = at + 6 + (bytes[at + 6] === 0x0d ? 1 : 0) + (bytes[at + 6 + (bytes[at + 6] === 0x0d ? 1 : 0)] === 0x0a ? 1 : 0);
    const end = bytes.indexOf("endstream", start, "latin1");
    if (end < 0) return;
    if (isKeyword) {
      const dictionary = bytes.toString("latin1", Math.max(0, at - 512), at);
      const opened = dictionary.lastIndexOf("<<");
      if (opened >= 0 && /\/FlateDecode\b|\/Fl\b/.test(dictionary.slice(opened))) yield bytes.subarray(start, end);
    }
    at = bytes.indexOf("stream", end + 9, "latin1");
  }
}

/**
 * Whether a PDF's Flate streams inflate beyond the limits (a content or font bomb: a few MB that pdf.js would
 * inflate to GBs, outside any heap limit, since its buffers are not on the heap). Each is inflated here with
 * zlib's own output bound, so the check costs at most the limits; a stream that does not inflate is left to pdf.js.
 */
export function inflatesBeyond(bytes: Uint8Array, limits: InflateLimits): "stream" | "total" | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const data of flateStreams(buffer)) {
    let size: number;
    try {
      size = inflateSync(data, { maxOutputLength: Math.min(limits.stream, limits.total - total) + 1 }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return total + limits.stream >= limits.total ? "total" : "stream";
      continue; // damaged or cut short: pdf.js says what it makes of it
    }
    if (size > limits.stream) return "stream";
    total += size;
    if (total > limits.total) return "total";
  }
  return undefined;
}
