import { readdirSync, readFileSync } from "node:fs";

export const corpus = new URL("../../fixtures/corpus/", import.meta.url);

export const folders = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export function source(folder: string): string {
  return readFileSync(new URL(`${folder}/source.txt`, corpus), "utf8");
}

/** A sentence as the corpus prints it, with the line it stands on (tests quote real text only). */
export function quoted(folder: string, sentence: string): string {
  const text = source(folder);
  if (!text.includes(sentence)) throw new Error(`${folder}: not in source.txt: ${sentence}`);
  return sentence;
}

/** The whole line of the corpus text that holds `fragment`. */
export function lineOf(folder: string, fragment: string): string {
  const line = source(folder)
    .split("\n")
    .find((candidate) => candidate.includes(fragment));
  if (line === undefined) throw new Error(`${folder}: no line holds ${fragment}`);
  return line;
}
