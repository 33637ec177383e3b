// Reading a disclosure's text against parsing its declaration: in one process, after warm-up, so that
// only the work per document is compared (a process start is the same for both). Prints JSON.
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { checkDisclosureText } from "../../dist/narrative/index.js";

const [textFile, yamlFile, rounds = "200"] = process.argv.slice(2);
const text = readFileSync(textFile, "utf8");
const yaml = readFileSync(yamlFile, "utf8");
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median milliseconds of one call, its rounds interleaved with the other's. */
function time(work, samples) {
  const started = performance.now();
  work();
  samples.push(performance.now() - started);
}
for (let index = 0; index < 20; index += 1) {
  checkDisclosureText(text);
  parseDocument(yaml, { lineCounter: new LineCounter() });
}
const reading = [];
const parsing = [];
for (let index = 0; index < Number(rounds); index += 1) {
  time(() => checkDisclosureText(text), reading);
  time(() => parseDocument(yaml, { lineCounter: new LineCounter() }), parsing);
}
console.log(JSON.stringify({ text: text.length, yaml: yaml.length, readMs: median(reading), parseMs: median(parsing) }));
