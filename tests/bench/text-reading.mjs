// Reading a disclosure's text against parsing its declaration: in one process, after warm-up, so that
// only the work per document is compared (a process start is the same for both). Reading is the text
// into the declaration `check` then checks; the whole check of the text is measured beside it. Prints JSON.
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { declarationOf } from "../../dist/document/declare/declaration-text.js";
import { readDisclosure } from "../../dist/document/sentences/read.js";
import { checkDisclosureText } from "../../dist/run/check-disclosure.js";

const [textFile, yamlFile, rounds = "200"] = process.argv.slice(2);
const text = readFileSync(textFile, "utf8");
const yaml = readFileSync(yamlFile, "utf8");
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const read = () => declarationOf({ original: text, reading: readDisclosure(text), place: () => "" });
const parse = () => parseDocument(yaml, { lineCounter: new LineCounter() });
const check = () => checkDisclosureText(text);

/** Median milliseconds of one call, its rounds interleaved with the others'. */
function time(work, samples) {
  const started = performance.now();
  work();
  samples.push(performance.now() - started);
}
for (let index = 0; index < 20; index += 1) [read, parse, check].forEach((work) => work());
const reading = [];
const parsing = [];
const checking = [];
for (let index = 0; index < Number(rounds); index += 1) {
  time(read, reading);
  time(parse, parsing);
  time(check, checking);
}
console.log(JSON.stringify({ text: text.length, yaml: yaml.length, readMs: median(reading), parseMs: median(parsing), checkMs: median(checking) }));
