import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { bilingual } from "../../text.js";
import { DocumentError, type DocumentText, type PdfPlace, type Position } from "./document.js";
import { Layout, lastAtOrBefore } from "./layout.js";

/** A piece of text on a page, in the page's top-down coordinates, with its font size. */
interface Glyphs {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/**
 * The text pieces of a page in reading order: grouped into lines by their baseline (pieces less than
 * half a font size apart are on one line), lines from the top, pieces from the left.
 */
function linesOf(pieces: Glyphs[]): Glyphs[][] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; size: number; pieces: Glyphs[] }[] = [];
  for (const piece of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(piece.y - line.y) <= 0.5 * Math.min(piece.size, line.size)) line.pieces.push(piece);
    else lines.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  return lines.map((line) => line.pieces.sort((a, b) => a.x - b.x));
}

/** A line's pieces joined: a space where a gap of more than a quarter of the font size separates two pieces. */
function lineText(pieces: readonly Glyphs[]): PageLine {
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  const spans: PieceSpan[] = [];
  for (const piece of pieces) {
    const gap = piece.x - end;
    if (text !== "" && gap > 0.25 * piece.size && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += " ";
    spans.push({ start: text.length, end: text.length + piece.text.length, x0: piece.x, x1: piece.x + piece.width, size: piece.size });
    text += piece.text;
    end = piece.x + piece.width;
  }
  return { text, spans };
}

/** Where a piece of a line's text is on its page: its offsets in the line, its left and right edges, its font size. */
interface PieceSpan extends Position {
  start: number;
  end: number;
}

interface PageLine {
  text: string;
  spans: PieceSpan[];
}

async function pageLines(pdfjs: Pdfjs, page: PDFPageProxy): Promise<PageLine[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const pieces: Glyphs[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !/\S/.test(item.str)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    pieces.push({ text: item.str, x, y, width: item.width, size });
  }
  return linesOf(pieces).map(lineText);
}

/** Where pdfjs-dist keeps the data it reads from files in Node: the CMaps that CJK fonts name, and the standard fonts. */
export function pdfjsDataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.mjs")), "..", "..");
  return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
}

function pdfError(error: unknown): DocumentError {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new DocumentError(
      "encrypted",
      bilingual("PDF 文件有密码保护：请去掉密码后再试", "the PDF is password-protected: remove the password and try again"),
      {
        cause: error,
      },
    );
  }
  return new DocumentError("corrupt", bilingual("PDF 文件已损坏，无法读取", "the PDF is damaged and cannot be read"), { cause: error });
}

/**
 * pdf.js, loaded when a PDF comes. In Node it takes `DOMMatrix` from @napi-rs/canvas, its optional
 * dependency (a registry package with its binary inside): where that could not be installed, say so.
 */
async function loadPdfjs(): Promise<Pdfjs> {
  try {
    return await import("pdfjs-dist/legacy/build/pdf.mjs");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new DocumentError(
      "unsupported",
      bilingual(
        `无法加载 PDF 阅读库 pdfjs-dist（${reason}）：请重新安装 budget-rules`,
        `cannot load the PDF reader pdfjs-dist (${reason}): reinstall budget-rules`,
      ),
      { cause: error },
    );
  }
}

/** Whether the file ends as every complete PDF does, with `%%EOF` (a download cut short does not). */
function isComplete(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return tail.includes("%%EOF");
}

/**
 * A PDF's text layer: each page's lines in reading order, a line of the text per line of the page
 * (headers and footers too), pages one after another. pdf.js runs in this thread (no worker, no canvas).
 */
export async function readPdf(bytes: Uint8Array): Promise<DocumentText> {
  if (!isComplete(bytes))
    throw new DocumentError(
      "corrupt",
      bilingual("PDF 文件不完整（缺少结尾）：可能未下载完", "the PDF is incomplete (its end is missing): it may not have finished downloading"),
    );
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsDataFolders(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let pdf: PDFDocumentProxy | undefined;
  const layout = new Layout<PdfPlace>("pdf");
  const positions: PieceSpan[] = [];
  let offset = 0;
  try {
    pdf = await task.promise;
    for (let page = 1; page <= pdf.numPages; page += 1) {
      const lines = await pageLines(pdfjs, await pdf.getPage(page));
      for (const [index, line] of lines.entries()) {
        if (layout.pieces > 0) {
          layout.append("\n");
          offset += 1;
        }
        layout.add(line.text, { kind: "pdf", page, line: index + 1 });
        for (const span of line.spans) positions.push({ ...span, start: offset + span.start, end: offset + span.end });
        offset += line.text.length;
      }
    }
  } catch (error) {
    throw pdfError(error);
  } finally {
    await task.destroy();
  }
  if (layout.pieces === 0)
    throw new DocumentError(
      "no-text",
      bilingual("PDF 没有文字层（可能是扫描件）：请先做文字识别", "the PDF has no text layer (a scan?): run text recognition first"),
    );
  return { ...layout.finish(), positionOf: positionFinder(positions) };
}

/** Where on its page the text at an offset is printed: the piece holding it (binary search of the sorted pieces). */
function positionFinder(pieces: readonly PieceSpan[]): (offset: number) => Position | undefined {
  const starts = pieces.map((piece) => piece.start);
  return (offset) => {
    const piece = pieces[lastAtOrBefore(starts, offset)];
    if (!piece || offset >= piece.end) return undefined;
    const share = (piece.x1 - piece.x0) / Math.max(1, piece.end - piece.start);
    return { x0: piece.x0 + share * (offset - piece.start), x1: piece.x0 + share * (offset - piece.start + 1), size: piece.size };
  };
}
