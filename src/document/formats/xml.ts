import { bilingual } from "../../text.js";
import { DocumentError } from "./document.js";
import type { ReadBudget } from "./limits.js";
import { entryChunks, type ZipEntry } from "./zip.js";

/** What a reader does with an XML part's elements and text, in document order. */
export interface XmlHandler {
  /** An element opens (names as written, prefix included: `w:p`, `x:row`). */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Text or CDATA, entity and character references resolved. */
  text(text: string): void;
}

/** An element's name without its namespace prefix (`x:row` → `row`). */
export const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

let saxes: typeof import("saxes") | undefined;

function damaged(part: string, cause: unknown): DocumentError {
  return new DocumentError(
    "corrupt",
    bilingual(`文件已损坏：压缩包内的 ${part} 不是完好的 XML`, `the file is damaged: ${part} inside the archive is not well-formed XML`),
    { cause },
  );
}

/** Decoded text of a part's chunks, as they come. */
async function* decoded(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/**
 * Parses XML text as it comes, element by element (saxes: a conforming, streaming parser that expands no
 * entity a document declares), so that it is never held whole: each element is counted against the
 * budget (how many, how deep) before the handler sees it, and so is any stretch without an element (a
 * text or an attribute saxes would gather whole).
 */
export async function parseXml(texts: AsyncIterable<string> | Iterable<string>, part: string, budget: ReadBudget, handler: XmlHandler): Promise<void> {
  saxes ??= await import("saxes");
  const parser = new saxes.SaxesParser({ position: false });
  let depth = 0;
  let sinceElement = 0;
  parser.on("opentag", (tag) => {
    depth += 1;
    sinceElement = 0;
    budget.element(part, depth);
    handler.open(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on("closetag", (tag) => {
    depth -= 1;
    sinceElement = 0;
    handler.close(tag.name);
  });
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  try {
    for await (const text of texts) {
      sinceElement += text.length;
      budget.unbroken(part, sinceElement);
      parser.write(text);
    }
    parser.close();
  } catch (error) {
    throw error instanceof DocumentError ? error : damaged(part, error);
  }
}

/** Reads one XML part of a zip archive as it unpacks (see `parseXml`), its listed size counted against the budget first. */
export async function readXmlPart(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget, handler: XmlHandler): Promise<void> {
  budget.part(entry);
  await parseXml(decoded(entryChunks(bytes, entry)), entry.name, budget, handler);
}
