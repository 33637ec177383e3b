import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { bilingual } from "../../text.js";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { DocumentError, type DocumentProblem, type DocumentText, type PdfPlace, type Position, type SetAside } from "./document.js";
import { Layout, lastAtOrBefore } from "./layout.js";
import { inflatesBeyond } from "./pdf-streams.js";
import { unreadableLayout, type PageLayout, type PagePiece } from "./pdf-layout.js";

/** A piece of text on a page, in the page's top-down coordinates, with its font size. */
type Glyphs = PagePiece;

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

export interface PageLine {
  text: string;
  spans: PieceSpan[];
}

/** A page's lines in reading order, or why they cannot be put in order (then none). */
async function pageLines(pdfjs: Pdfjs, page: PDFPageProxy): Promise<{ lines: PageLine[]; layout?: PageLayout }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const pieces: Glyphs[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !/\S/.test(item.str)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    // Left to right: the baseline's direction has no vertical part (in any page rotation, after the viewport's).
    pieces.push({ text: item.str, x, y, width: item.width, size, turned: Math.abs(b) > 0.1 * Math.hypot(a, b) });
  }
  const lines = linesOf(pieces);
  const layout = unreadableLayout(pieces, lines);
  return layout ? { lines: [], layout } : { lines: lines.map(lineText) };
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

/** What a PDF's reading may spend: pages read, the heap of the thread that reads them, and its time. */
export interface PdfBudget {
  /** Pages after this many are not read (and said so). Default: 1,000. */
  maxPages?: number;
  /** The heap of the thread that reads the PDF, in MiB: a page that needs more ends the reading. Default: 1,024. */
  maxMemoryMb?: number;
  /** Seconds the reading may take: the page being read when they are spent ends it. Default: 60. */
  maxSeconds?: number;
  /** MiB one compressed stream may inflate to, and all of them together (pdf.js's buffers are off the heap). Default: 64 and 512. */
  maxStreamMb?: number;
  maxInflatedMb?: number;
}

export const defaultPdfBudget: Required<PdfBudget> = { maxPages: 1000, maxMemoryMb: 1024, maxSeconds: 60, maxStreamMb: 64, maxInflatedMb: 512 };

/** A read the worker is given, and what it posts for it: each page's lines as read, then the page count or an error. */
export interface PdfJob {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
}
export type PdfWorkerMessage = { id: number } & (
  | { kind: "page"; lines: PageLine[]; layout?: PageLayout }
  | { kind: "done"; pages: number }
  | { kind: "error"; problem: DocumentProblem; zh: string; en: string }
);

/** The pages of a PDF in order, up to `maxPages`, each handed to `onPage` as it is read; returns the PDF's page count. */
export async function readPdfPages(bytes: Uint8Array, maxPages: number, onPage: (page: { lines: PageLine[]; layout?: PageLayout }) => void): Promise<number> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsDataFolders(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // No picture is decoded to read text; a huge one is not even allocated.
    maxImageSize: 0,
    verbosity: 0,
  });
  try {
    const pdf: PDFDocumentProxy = await task.promise;
    for (let page = 1; page <= Math.min(pdf.numPages, maxPages); page += 1) onPage(await pageLines(pdfjs, await pdf.getPage(page)));
    return pdf.numPages;
  } catch (error) {
    throw pdfError(error);
  } finally {
    await task.destroy();
  }
}

/**
 * A PDF's text layer: each page's lines in reading order, a line of the text per line of the page
 * (headers and footers too), pages one after another. pdf.js runs on a worker thread within the budget's
 * heap and time (no canvas); the pages it did not read are set aside with why (page-limit, memory-limit,
 * time-limit), so that what was not read is said, and a PDF of which no page could be read is refused.
 */
export async function readPdf(bytes: Uint8Array, budget: PdfBudget = {}): Promise<DocumentText> {
  if (!isComplete(bytes))
    throw new DocumentError(
      "corrupt",
      bilingual("PDF 文件不完整（缺少结尾）：可能未下载完", "the PDF is incomplete (its end is missing): it may not have finished downloading"),
    );
  const limits = { ...defaultPdfBudget, ...budget };
  refuseBombs(bytes, limits);
  const read = await pagesInWorker(bytes, limits);
  const layout = new Layout<PdfPlace>("pdf");
  const positions: PieceSpan[] = [];
  let offset = 0;
  read.pages.forEach((lines, index) => {
    for (const [number, line] of lines.entries()) {
      if (layout.pieces > 0) {
        layout.append("\n");
        offset += 1;
      }
      layout.add(line.text, { kind: "pdf", page: index + 1, line: number + 1 });
      for (const span of line.spans) positions.push({ ...span, start: offset + span.start, end: offset + span.end });
      offset += line.text.length;
    }
  });
  if (read.stopped && read.pages.length === 0) throw budgetSpent(read.stopped, limits);
  if (layout.pieces === 0)
    throw new DocumentError(
      "no-text",
      bilingual("PDF 没有文字层（可能是扫描件）：请先做文字识别", "the PDF has no text layer (a scan?): run text recognition first"),
    );
  return { ...layout.finish(), positionOf: positionFinder(positions), ...setAsideOf(read) };
}

/** Pages read by the worker, the PDF's page count (when it got that far) and why it stopped before the end, if it did. */
interface PagesRead {
  pages: PageLine[][];
  /** Pages read whose lines cannot be put in reading order, with why: set aside, not guessed. */
  unordered: { page: number; why: PageLayout }[];
  count?: number;
  stopped?: "memory-limit" | "time-limit";
}

/** The pages not read, as one entry set aside: `第 5–120 页`, and why. */
function setAsideOf(read: PagesRead): Pick<DocumentText, "setAside"> {
  const unordered: SetAside[] = read.unordered.map(({ page, why }) => ({ text: `第 ${page} 页`, why }));
  const first = read.pages.length + 1;
  const last = read.count;
  if (!read.stopped && (last === undefined || last < first)) return unordered.length > 0 ? { setAside: unordered } : {};
  const span = last === undefined ? `第 ${first} 页起` : first === last ? `第 ${first} 页` : `第 ${first}–${last} 页`;
  return { setAside: [...unordered, { text: span, why: read.stopped ?? "page-limit" }] };
}

/** A PDF whose compressed streams inflate beyond the budget is refused before pdf.js inflates them. */
function refuseBombs(bytes: Uint8Array, limits: Required<PdfBudget>): void {
  const beyond = inflatesBeyond(bytes, { stream: limits.maxStreamMb * 1024 * 1024, total: limits.maxInflatedMb * 1024 * 1024 });
  if (beyond === undefined) return;
  const [zh, en] =
    beyond === "stream"
      ? [`单个数据流解压后超过 ${limits.maxStreamMb} MB`, `one of its streams inflates to more than ${limits.maxStreamMb} MB`]
      : [`数据流解压后合计超过 ${limits.maxInflatedMb} MB`, `its streams inflate to more than ${limits.maxInflatedMb} MB together`];
  throw new DocumentError("too-large", bilingual(`PDF 的${zh}（可能是压缩炸弹）：未读`, `the PDF is not read: ${en} (a compression bomb?)`));
}

/** No page could be read within the budget: the PDF is refused, in one line that says which bound it met. */
function budgetSpent(why: "memory-limit" | "time-limit", limits: Required<PdfBudget>): DocumentError {
  return why === "memory-limit"
    ? new DocumentError(
        "too-large",
        bilingual(
          `读取 PDF 第 1 页所需内存超过上限 ${limits.maxMemoryMb} MB：未读`,
          `reading page 1 of the PDF needs more memory than the limit of ${limits.maxMemoryMb} MB: not read`,
        ),
      )
    : new DocumentError(
        "too-large",
        bilingual(
          `读取 PDF 第 1 页超过时间上限 ${limits.maxSeconds} 秒：未读`,
          `reading page 1 of the PDF takes longer than the limit of ${limits.maxSeconds} s: not read`,
        ),
      );
}

/** The worker that reads PDFs, kept between reads of one run (pdf.js loads once), with the heap it was given. */
let pooled: { worker: Worker; memoryMb: number } | undefined;
/** Reads go one at a time: a read's time and heap are its own. */
let queue: Promise<unknown> = Promise.resolve();
let jobs = 0;

function workerFor(limits: Required<PdfBudget>): Worker {
  if (pooled?.memoryMb === limits.maxMemoryMb) return pooled.worker;
  void pooled?.worker.terminate();
  const worker = new Worker(pdfWorkerScript(), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, limits.maxMemoryMb) },
  });
  // Idle, it keeps no process alive; one that ran out of time or memory is gone, and the next read starts another.
  worker.unref();
  worker.once("exit", () => {
    if (pooled?.worker === worker) pooled = undefined;
  });
  pooled = { worker, memoryMb: limits.maxMemoryMb };
  return worker;
}

/**
 * Runs `readPdfPages` on the worker thread, whose heap is the budget's, and ends it when the budget's time
 * is spent: the pages posted before are kept. An error of the PDF itself (damaged, encrypted) is thrown.
 */
function pagesInWorker(bytes: Uint8Array, limits: Required<PdfBudget>): Promise<PagesRead> {
  const run = queue.then(() => readOnce(bytes, limits));
  queue = run.catch(() => undefined);
  return run;
}

function readOnce(bytes: Uint8Array, limits: Required<PdfBudget>): Promise<PagesRead> {
  const read: PagesRead = { pages: [], unordered: [] };
  const worker = workerFor(limits);
  const id = (jobs += 1);
  worker.ref();
  return new Promise((resolve, reject) => {
    let failure: DocumentError | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", finish).unref();
      if (failure) reject(failure);
      else resolve(read);
    };
    const timer = setTimeout(() => {
      read.stopped ??= "time-limit";
      void worker.terminate();
    }, limits.maxSeconds * 1000);
    const onMessage = (message: PdfWorkerMessage) => {
      if (message.id !== id) return;
      if (message.kind === "page") {
        read.pages.push(message.lines);
        if (message.layout) read.unordered.push({ page: read.pages.length, why: message.layout });
        return;
      }
      if (message.kind === "done") read.count = message.pages;
      else failure = new DocumentError(message.problem, { zh: message.zh, en: message.en });
      finish();
    };
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") read.stopped ??= "memory-limit";
      else failure ??= pdfError(error);
    };
    worker.on("message", onMessage).on("error", onError).on("exit", finish);
    worker.postMessage({ id, bytes, maxPages: limits.maxPages } satisfies PdfJob);
  });
}

/**
 * The worker's module, compiled: beside this one in dist/, or in dist/ from the start-up bundle
 * (dist/bundle/) and from the sources the tests run (which build dist/ first, as for the check's workers).
 */
function pdfWorkerScript(): URL {
  const candidates = ["./pdf-worker.js", "../document/formats/pdf-worker.js", "../../../dist/document/formats/pdf-worker.js"];
  const found = candidates.map((candidate) => new URL(candidate, import.meta.url)).find((url) => existsSync(url));
  if (!found)
    throw new DocumentError(
      "unsupported",
      bilingual(
        "找不到 PDF 读取程序（dist/document/formats/pdf-worker.js）：请重新安装 budget-rules",
        "cannot find the PDF reader (dist/document/formats/pdf-worker.js): reinstall budget-rules",
      ),
    );
  return found;
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
