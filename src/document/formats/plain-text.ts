import { bilingual } from "../../text.js";
import { DocumentError, type DocumentText, type TextPlace } from "./document.js";
import { Layout } from "./layout.js";

/** The encodings plain text is read in: Unicode, or GB18030 (GBK's superset) for what is not UTF-8. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

const byteOrderMarks: [TextEncoding, number[]][] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

function decode(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    // fatal: a byte that is not of the encoding is an error, not a silent U+FFFD. The BOM is dropped.
    // stream: a character cut off at the very end (a truncated copy) is left out rather than failing.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch (error) {
    if (error instanceof RangeError && encoding === "gb18030") {
      throw new DocumentError(
        "unsupported",
        bilingual(
          "此 Node.js 不能解码 GB18030（需完整 ICU）：请将文件另存为 UTF-8",
          "this Node.js cannot decode GB18030 (it needs full ICU): save the file as UTF-8",
        ),
        { cause: error },
      );
    }
    return undefined;
  }
}

/**
 * The characters of a text file: by its byte order mark if it has one, else UTF-8, else GB18030 (as
 * saved by Chinese Windows). What is none of them, or holds NUL or many control characters, is binary.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const marked = byteOrderMarks.find(([, mark]) => mark.every((byte, index) => bytes[index] === byte));
  const candidates: TextEncoding[] = marked ? [marked[0]] : ["utf-8", "gb18030"];
  for (const encoding of candidates) {
    const text = decode(bytes, encoding);
    if (text !== undefined && !looksBinary(text)) return { text, encoding };
  }
  throw new DocumentError(
    "unsupported",
    bilingual("该文件不是文本，也不是 Word、Excel 或 PDF 文件", "the file is not text, nor a Word, Excel or PDF document"),
  );
}

const textControls = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** Control characters other than tab, line feed, form feed and carriage return: one NUL, or more than 1 in 100. */
function looksBinary(text: string): boolean {
  if (text.includes("\0")) return true;
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && !textControls.has(code)) || code === 0x7f) controls += 1;
  }
  return controls > text.length / 100;
}

/**
 * A text file as lines: CRLF and CR become LF in the text, so its line and column are the ones an
 * editor shows of the file (a byte order mark is not a column).
 */
export function readPlainText(bytes: Uint8Array): DocumentText {
  const { text } = decodeText(bytes);
  const layout = new Layout<TextPlace>("text");
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index > 0) layout.append("\n");
    layout.add(line, { kind: "text", line: index + 1 });
  });
  return layout.finish();
}
