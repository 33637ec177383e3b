// Build step: bundles the CLI (dist/cli/main.js and everything it imports, formatters and readers
// included) into one CommonJS file, dist/bundle/main.cjs, which bin/ starts through V8's code cache
// (src/cli/start.ts). One file because Node 20 gives a code cache only to scripts, not to ES modules.
// pdfjs-dist stays outside: it is large, an ES module, and loaded only for a PDF.
// A script's own import() cannot load them on Node 20 once it comes from the code cache, so the bundle
// calls __importModule, which start.ts lends it from an ES module. pdf.js is not imported by the bundle at
// all: a PDF is read on a worker thread, from dist/document/formats/pdf-worker.js, within its budget.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "dist", "bundle");

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [join(root, "dist", "cli", "main.js")],
  outfile: join(out, "main.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // exceljs writes the annotated workbook (-f xlsx) only: required when that is asked, never at start-up.
  external: ["pdfjs-dist", "exceljs"],
  // The modules find their package and their neighbours from import.meta.url, which a script lacks.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
});

const file = join(out, "main.cjs");
const external = /\bimport\((["'])(pdfjs-dist(?:\/[^"']*)?)\1\)/g;
const imports = [];
const source = readFileSync(file, "utf8").replace(external, (_, quote, name) => {
  imports.push(name);
  return `__importModule(${quote}${name}${quote})`;
});
// Nothing is loaded by import() any more: pdf.js runs on its worker, and workbooks are read by saxes, bundled.
if (imports.length > 0) throw new Error(`build-bundle: expected no import() of pdfjs-dist in the bundle, found ${imports.join(", ")}`);
// The code cache's key, worked out here once rather than on every start (src/cli/start.ts reads it).
writeFileSync(file, `// budget-rules bundle ${createHash("sha256").update(source).digest("hex").slice(0, 16)}\n${source}`);
