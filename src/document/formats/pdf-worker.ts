import { parentPort } from "node:worker_threads";
import { DocumentError } from "./document.js";
import { readPdfPages, type PdfJob, type PdfWorkerMessage } from "./pdf.js";

/**
 * Reads PDFs on a worker thread (see `readPdf`), one job a message, within the heap its thread was given:
 * each page's lines are posted as soon as they are read, so that a page that exhausts the time or the memory
 * costs only itself and the pages after it.
 */
const post = (message: PdfWorkerMessage) => parentPort?.postMessage(message);

parentPort?.on("message", ({ id, bytes, maxPages }: PdfJob) => {
  readPdfPages(bytes, maxPages, (page) => post({ id, kind: "page", ...page })).then(
    (pages) => post({ id, kind: "done", pages }),
    (error: unknown) => {
      const known = error instanceof DocumentError ? error : undefined;
      post({ id, kind: "error", problem: known?.problem ?? "corrupt", zh: known?.text.zh ?? String(error), en: known?.text.en ?? String(error) });
    },
  );
});
