import { parentPort, workerData } from "node:worker_threads";
import { DocumentError } from "./document.js";
import { readPdfPages, type PdfWorkerData, type PdfWorkerMessage } from "./pdf.js";

/**
 * Reads a PDF's pages on a worker thread (see `readPdf`), within the heap its thread was given: each page's
 * lines are posted as soon as they are read, so that a page that exhausts the time or the memory costs only
 * itself and the pages after it.
 */
const { bytes, maxPages } = workerData as PdfWorkerData;
const post = (message: PdfWorkerMessage) => parentPort?.postMessage(message);

readPdfPages(bytes, maxPages, (page) => post({ kind: "page", ...page })).then(
  (pages) => post({ kind: "done", pages }),
  (error: unknown) => {
    const known = error instanceof DocumentError ? error : undefined;
    post({ kind: "error", problem: known?.problem ?? "corrupt", zh: known?.text.zh ?? String(error), en: known?.text.en ?? String(error) });
  },
);
