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

/**
 * Reads one XML part of a zip archive as it unpacks, element by element (saxes: a conforming, streaming
 * parser that expands no entity a document declares), so that the part is never held whole: each element
 * is counted against the budget (how many, how deep) before the handler sees it.
 */
export async function readXmlPart(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget, handler: XmlHandler): Promise<void> {
  budget.part(entry);
  saxes ??= await import("saxes");
  const parser = new saxes.SaxesParser({ position: false });
  let depth = 0;
  parser.on("opentag", (tag) => {
    depth += 1;
    budget.element(entry.name, depth);
    handler.open(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on("closetag", (tag) => {
    depth -= 1;
    handler.close(tag.name);
  });
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  const decoder = new TextDecoder();
  try {
    for await (const chunk of entryChunks(bytes, entry)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (error) {
    throw error instanceof DocumentError ? error : damaged(entry.name, error);
  }
}
