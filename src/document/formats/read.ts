import { readWithin, sizesAbove, sizeText } from "../../load/read.js";
import { bilingual } from "../../text.js";
import { DocumentError, type DocumentText } from "./document.js";
import { readDocx } from "./docx.js";
import { detectFormat, type Format } from "./format.js";
import { limitsOf, type DocumentLimits } from "./limits.js";
import { readPdf, type PdfBudget } from "./pdf.js";
import { readPlainText } from "./plain-text.js";
import { readXlsx } from "./xlsx.js";

export interface ReadDocumentOptions {
  /** The file's name: only a .yaml/.yml name counts, for text without a `version:` line. */
  file?: string;
  /** A Word or Excel file whose parts read unpack to more than this many bytes is refused. Default: 256 MiB. */
  maxUnpackedSize?: number;
  /** What one read of a Word or Excel file may cost (see `DocumentLimits`; `maxUnpackedSize` is its `unpackedBytes`). */
  limits?: Partial<DocumentLimits>;
  /** The format, when the caller has already told it by `detectFormat`: the zip is not listed twice. */
  format?: Format;
  /** What reading a PDF may spend (pages, memory, time); what it does not read is set aside and said. */
  pdf?: PdfBudget;
}

export interface ReadDocumentFileOptions extends Omit<ReadDocumentOptions, "file"> {
  /** A file larger than this many bytes is refused unread. Default: 32 MiB. */
  maxFileSize?: number;
}

const defaultMaxFileSize = 32 * 1024 * 1024;

/**
 * A disclosure's text and the place of every offset in it, whatever form it came in: detected by
 * content (see `detectFormat`); a declaration is read as the text it is. The libraries for Word, PDF
 * and Excel are loaded only when such a file comes. What cannot be read is a `DocumentError`.
 */
export async function readDocument(bytes: Uint8Array, options: ReadDocumentOptions = {}): Promise<DocumentText> {
  if (bytes.length === 0) throw new DocumentError("empty", bilingual("文件是空的", "the file is empty"));
  const limits = limitsOf({ ...options.limits, ...(options.maxUnpackedSize === undefined ? {} : { unpackedBytes: options.maxUnpackedSize }) });
  switch (options.format ?? detectFormat(bytes, options.file)) {
    case "pdf":
      return readPdf(bytes, options.pdf);
    case "docx":
      return readDocx(bytes, limits);
    case "xlsx":
      return readXlsx(bytes, limits);
    default: {
      const document = readPlainText(bytes);
      if (!/\S/.test(document.text)) throw new DocumentError("empty", bilingual("文件中只有空白", "the file holds only white space"));
      return document;
    }
  }
}

/** The bytes of a file, read within a size limit (a pipe or a device too), or a `DocumentError`. */
export function readDocumentBytes(path: string, maxFileSize = defaultMaxFileSize): Buffer {
  let read;
  try {
    read = readWithin(path, maxFileSize);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DocumentError("unreadable", bilingual(`无法读取文件：${code}`, `cannot read the file: ${code}`), { cause: error });
  }
  if ("bytes" in read) return read.bytes;
  const size = read.tooLarge.size;
  if (size === undefined)
    throw new DocumentError(
      "too-large",
      bilingual(`文件大于上限 ${sizeText(maxFileSize, "zh")}`, `the file is larger than the limit of ${sizeText(maxFileSize, "en")}`),
    );
  const zh = sizesAbove(size, maxFileSize, "zh");
  const en = sizesAbove(size, maxFileSize, "en");
  throw new DocumentError("too-large", bilingual(`文件大小 ${zh.size}，超过上限 ${zh.limit}`, `the file is ${en.size}, above the limit of ${en.limit}`));
}

/** A file read as a document (see `readDocument`), its name telling a declaration from text that has no `version:` line. */
export async function readDocumentFile(path: string, options: ReadDocumentFileOptions = {}): Promise<DocumentText> {
  return readDocument(readDocumentBytes(path, options.maxFileSize), { ...options, file: path });
}
