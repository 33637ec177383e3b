import { bilingual, type Text } from "../../text.js";
import { DocumentError, type DocumentKind } from "./document.js";
import { isZip, zipEntries } from "./zip.js";

/** What a file holds: a declaration (YAML, checked as it is) or a document to read. */
export type Format = DocumentKind | "declaration";

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** Binary files that people may name by mistake, told apart by their first bytes, each with what to do. */
const otherBinaries: { magic: number[]; what: Text }[] = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: bilingual(
      "是旧版 Word/Excel/WPS 文件（.doc/.xls/.wps/.et）或加密的 Office 文件：请去掉密码并另存为 .docx 或 .xlsx",
      "is an old Word/Excel/WPS file (.doc/.xls/.wps/.et) or an encrypted Office file: remove the password and save it as .docx or .xlsx",
    ),
  },
  { magic: [0x89, ...ascii("PNG")], what: bilingual("是图片（PNG），不是文字", "is a picture (PNG), not text") },
  { magic: [0xff, 0xd8, 0xff], what: bilingual("是图片（JPEG），不是文字", "is a picture (JPEG), not text") },
  { magic: ascii("GIF8"), what: bilingual("是图片（GIF），不是文字", "is a picture (GIF), not text") },
  { magic: [0x1f, 0x8b], what: bilingual("是 gzip 压缩文件：请先解压", "is a gzip archive: unpack it first") },
  { magic: ascii("Rar!"), what: bilingual("是 RAR 压缩文件：请先解压", "is a RAR archive: unpack it first") },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: bilingual("是 7z 压缩文件：请先解压", "is a 7z archive: unpack it first") },
  { magic: ascii("{\\rtf"), what: bilingual("是 RTF 文件：请另存为 .docx", "is an RTF file: save it as .docx") },
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);

const latin1 = (bytes: Uint8Array, length = bytes.byteLength) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(length, bytes.byteLength)).toString("latin1");

/**
 * A PDF: its header `%PDF-1.7` first, or within the first 1,024 bytes (where readers look for it) in a file
 * that also holds a PDF object (`1 0 obj`). A text that only quotes the header is text.
 */
function isPdf(bytes: Uint8Array): boolean {
  const head = latin1(bytes, 1024);
  const at = head.search(/%PDF-\d\.\d/);
  if (at < 0) return false;
  return at === 0 || /\d+[ \t\r\n]+\d+[ \t\r\n]+obj\b/.test(latin1(bytes, 1024 * 1024));
}

/**
 * A declaration's `version: 1` line, the whole line a whole number (and maybe a comment), in its first 4 KB,
 * as `init` and `import` write it: a narrative's line that begins `version:` and says anything else is text
 * (checked on bytes: ASCII is the same in UTF-8 and GB18030).
 */
function hasVersionLine(bytes: Uint8Array): boolean {
  return /^version[ \t]*:[ \t]*\d+[ \t]*(?:#[^\n]*)?\r?$/m.test(latin1(bytes, 4096));
}

/** A web page: HTML, or Word's and browsers' single-file MHT (MIME), as “save as web page” writes them, often named .doc. */
function isWebPage(bytes: Uint8Array): boolean {
  const head = latin1(bytes, 2048).replace(/^\uFEFF|^\xEF\xBB\xBF/, "");
  return (
    /^\s*<(?:!doctype html|html|\?xml[^>]*>\s*<html)/i.test(head) ||
    /^(?:MIME-Version:|From:[^\n]*\n(?:[^\n]+\n)*?MIME-Version:)/i.test(head) ||
    /^Content-Type:\s*multipart\/related/im.test(head)
  );
}

/** The names of Office and PDF files, which a text file should not have. */
const documentName = /\.(docx?|xlsx?|pdf|wps|et|rtf)$/i;

/** A text that is not what its name says (a web page saved as .doc, text named .docx): refused, with what to do. */
function refuseDisguisedText(bytes: Uint8Array, file: string | undefined): void {
  if (isWebPage(bytes))
    throw new DocumentError(
      "unsupported",
      bilingual(
        "该文件是网页（HTML 或 MHT，Word 的“另存为网页”），不是 Word 文件：请在 Word 中打开并另存为 .docx，或把文字复制到 .txt 文件",
        "the file is a web page (HTML or MHT, as Word's “save as web page” writes it), not a Word document: open it in Word and save it as .docx, or copy its text into a .txt file",
      ),
    );
  const extension = file === undefined ? undefined : documentName.exec(file)?.[1];
  if (extension)
    throw new DocumentError(
      "unsupported",
      bilingual(
        `该文件名为 .${extension}，内容却是纯文本：请改名为 .txt 后再检查`,
        `the file is named .${extension} but holds plain text: rename it to .txt to check it as text`,
      ),
    );
}

/**
 * What a file holds, by its content: a PDF by its header, Word and Excel by the parts their zip
 * archive holds, a declaration by its `version:` line (or, for text that has none, a .yaml/.yml name,
 * so that a declaration missing its version is still checked as one), and anything else is text.
 * Archives and binaries that are none of these, web pages, and text named as an Office file or a PDF
 * are refused here with a one-line reason.
 */
export function detectFormat(bytes: Uint8Array, file?: string): Format {
  if (isPdf(bytes)) return "pdf";
  if (isZip(bytes)) {
    const names = new Set(zipEntries(bytes).map((entry) => entry.name));
    if (names.has("word/document.xml")) return "docx";
    if (names.has("xl/workbook.xml")) return "xlsx";
    throw new DocumentError(
      "unsupported",
      bilingual("该文件是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件", "the file is a zip archive, but not a Word (.docx) or Excel (.xlsx) document"),
    );
  }
  const other = otherBinaries.find((binary) => startsWith(bytes, binary.magic));
  if (other) throw new DocumentError("unsupported", bilingual(`该文件${other.what.zh}`, `the file ${other.what.en}`));
  if (hasVersionLine(bytes) || (file !== undefined && /\.ya?ml$/i.test(file))) return "declaration";
  refuseDisguisedText(bytes, file);
  return "text";
}
