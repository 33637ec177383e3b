// The floor: a bare Node process that only imports yaml and parses the files with positions.
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";

for (const file of process.argv.slice(2)) parseDocument(readFileSync(file, "utf8"), { lineCounter: new LineCounter() });
