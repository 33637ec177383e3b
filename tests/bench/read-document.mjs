// One document read into its text and nothing else (no tables, sentences or rules): what the reader alone
// costs, beside the whole check, in `npm run bench`. Exits 1 when the document is refused.
import { readDocumentFile } from "../../dist/document/formats/read.js";

try {
  await readDocumentFile(process.argv[2]);
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exitCode = 1;
}
