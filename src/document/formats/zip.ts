import { createInflateRaw, inflateRawSync } from "node:zlib";
import { bilingual } from "../../text.js";
import { DocumentError } from "./document.js";

/** One file in a zip archive, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const endSignature = 0x06054b50;
const entrySignature = 0x02014b50;
const localSignature = 0x04034b50;

export const corruptZip = (cause?: unknown) =>
  new DocumentError(
    "corrupt",
    bilingual("文件已损坏：压缩包（Word/Excel 文件）不完整", "the file is damaged: the zip archive (a Word or Excel file) is incomplete"),
    {
      cause,
    },
  );

/** Whether the bytes start as a zip archive does (a file, or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * The files a zip archive holds, read from its central directory at the end (so a truncated archive,
 * which has none, is found at once). Names are UTF-8, as Office writes them.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is 22 bytes, followed by a comment of at most 65,535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === endSignature) {
      end = at;
      break;
    }
  }
  if (end < 0) throw corruptZip();
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== entrySignature) throw corruptZip();
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/** The stored (compressed) bytes of one file of a zip archive, after its local header. */
function storedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== localSignature) throw corruptZip();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw corruptZip();
  // A stored part is its own size; a deflated one is read with a method Office uses.
  if (entry.method === 0 ? entry.size !== entry.compressedSize : entry.method !== 8) throw corruptZip();
  return data;
}

/** One file of a zip archive, stored or deflated, never more than its listed size (nor `limit`) when inflated. */
export function unzipEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Buffer {
  const data = storedData(bytes, entry);
  if (entry.size > limit) throw tooLargeInside(entry.name);
  if (entry.method === 0) return Buffer.from(data);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    throw corruptZip(error);
  }
}

/** A part listed at most this large is inflated at once (its listed size bounds it); a larger one in chunks. */
const atOnce = 1024 * 1024;

/**
 * One file of a zip archive as it unpacks, chunk by chunk, so that a large part is never held whole: a
 * part that unpacks to more than the archive lists for it is a damaged archive, found as it passes the size.
 */
export async function* entryChunks(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = storedData(bytes, entry);
  if (entry.method === 0 || entry.size <= atOnce) {
    yield entry.method === 0 ? data : unzipEntry(bytes, entry, entry.size);
    return;
  }
  const inflater = createInflateRaw();
  inflater.end(data);
  let unpacked = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      unpacked += chunk.length;
      if (unpacked > entry.size) throw corruptZip();
      yield chunk;
    }
  } catch (error) {
    throw error instanceof DocumentError ? error : corruptZip(error);
  } finally {
    inflater.destroy();
  }
}

export function tooLargeInside(name: string): DocumentError {
  return new DocumentError("too-large", bilingual(`压缩包内的 ${name} 解压后过大`, `${name} inside the archive is too large when unpacked`));
}
