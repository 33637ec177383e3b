import { readFileSync } from "node:fs";
import { Exact } from "../../src/model/figure.js";
import type { Finding } from "../../src/finding.js";
import type { Reading, Relation } from "../../src/document/sentences/index.js";
import { readDeclaration } from "../../src/document/declare/declaration-text.js";
import { checkDisclosureText } from "../../src/run/check-disclosure.js";
import { corpus, source } from "./corpus-source.js";

/** One relation of a folder's relations.json: what a person checked by hand. */
export interface HandChecked {
  kind: string;
  /** The snippet of source.txt, verbatim, that states it. */
  text: string;
  stated: string | number;
  expected: string | number;
  verdict: "exact" | "rounding" | "discrepancy";
}

export function handChecked(folder: string): HandChecked[] {
  return (JSON.parse(readFileSync(new URL(`${folder}/relations.json`, corpus), "utf8")) as { relations?: HandChecked[] }).relations ?? [];
}

/** The kinds of relation the reader gives that can stand for each kind the hand-checked notes use. */
const readAs: Record<string, readonly Relation["kind"][]> = {
  growth: ["growth"],
  change: ["growth", "breakdown"],
  share: ["share"],
  sum: ["sum", "product"],
  headcount: ["sum", "count"],
  count: ["count", "sum"],
  unchanged: ["unchanged", "growth"],
  restated: ["restated", "year"],
};

/** Where a relation the reader gives stands: the normalised offsets of the figures that state it. */
function placesOf(relation: Relation): number[] {
  switch (relation.kind) {
    case "growth":
      return [relation.rate, relation.change].flatMap((figure) => (figure ? [figure.start] : []));
    case "share":
      return [relation.share.start];
    case "sum":
      return relation.whole ? [relation.whole.start] : [];
    case "product":
      return [relation.total.start];
    case "breakdown":
      return [relation.total.start];
    case "restated":
      return [relation.second.start];
    case "count":
    case "unchanged":
    case "year":
      return [relation.start];
  }
}

/** Offsets in the original text of every occurrence of a snippet. */
function spans(text: string, snippet: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = text.indexOf(snippet); at >= 0; at = text.indexOf(snippet, at + 1)) found.push([at, at + snippet.length]);
  return found;
}

function offsetOf(text: string, finding: Finding): number {
  const lines = text.split("\n");
  return lines.slice(0, finding.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + finding.column - 1;
}

/** A figure as the notes and the findings write it (6,198 / -43.78% / 四), as a number, if it is one. */
function numberOf(value: string | number): Exact | undefined {
  const text = String(value)
    .replace(/[,%\s]/g, "")
    .replace(/^-/, "");
  return /^\d+(?:\.\d+)?$/.test(text) ? new Exact(text) : undefined;
}

/** An error finding is the hand-checked discrepancy when it lies in its snippet and states its figure. */
function isFinding(text: string, finding: Finding, relation: HandChecked): boolean {
  const offset = offsetOf(text, finding);
  if (!spans(text, relation.text).some(([start, end]) => offset >= start && offset < end)) return false;
  const stated = numberOf(relation.stated);
  const actual = numberOf(finding.actual ?? "");
  return stated === undefined || actual === undefined || stated.eq(actual);
}

export interface DocumentReading {
  folder: string;
  handChecked: number;
  /** Hand-checked relations that the reader reads as a relation of a matching kind at the same place. */
  handRead: number;
  /** Every relation the reader reads. */
  read: number;
  discrepancies: { expected: string[]; found: string[] };
  /** Error findings that are not a hand-checked discrepancy: the start of the text they point at. */
  falseErrors: string[];
  unreadSentences: number;
  unreadTables: number;
  /** Read, but not declared: what the format cannot state (主要是…), or a figure without a unit it can take. */
  notDeclared: number;
}

function handReadBy(text: string, reading: Reading, relation: HandChecked): boolean {
  const kinds = readAs[relation.kind] ?? [];
  const origin = (offset: number) => reading.normalised.origin[offset] ?? -1;
  return reading.relations.some(
    (candidate) =>
      kinds.includes(candidate.kind) &&
      placesOf(candidate).some((place) => spans(text, relation.text).some(([start, end]) => origin(place) >= start && origin(place) < end)),
  );
}

/** What the reader makes of one document of the corpus, against its hand-checked notes. */
export function readingOf(folder: string): DocumentReading {
  const text = source(folder);
  const relations = handChecked(folder);
  const { reading, tables } = readDeclaration({ kind: "text", text, locate: () => ({ kind: "text", line: 1, column: 1 }) });
  const tableGaps = tables.reduce((count, table) => count + table.gaps.length, 0);
  const findings = checkDisclosureText(text, { file: `${folder}/source.txt` }).findings;
  const errors = findings.filter((finding) => finding.severity === "error");
  const discrepancies = relations.filter((relation) => relation.verdict === "discrepancy");
  return {
    folder,
    handChecked: relations.length,
    handRead: relations.filter((relation) => handReadBy(text, reading, relation)).length,
    read: reading.relations.length,
    discrepancies: {
      expected: discrepancies.map((relation) => relation.text),
      found: discrepancies.filter((relation) => errors.some((finding) => isFinding(text, finding, relation))).map((relation) => relation.text),
    },
    falseErrors: errors
      .filter((finding) => !discrepancies.some((relation) => isFinding(text, finding, relation)))
      .map((finding) => `${text.slice(offsetOf(text, finding), offsetOf(text, finding) + 30)}: ${finding.message}`),
    unreadSentences: reading.unread.filter((unread) => unread.kind === "sentence").length,
    unreadTables: reading.unread.filter((unread) => unread.kind === "table").length + tableGaps,
    notDeclared: findings.filter((finding) => finding.rule === "narrative").length - reading.unread.length - tableGaps,
  };
}

/** One row of the table: a document, or the total of all of them. */
function cellsOf(name: string, rows: readonly DocumentReading[]): string[] {
  const total = (select: (row: DocumentReading) => number) => String(rows.reduce((count, row) => count + select(row), 0));
  return [
    name,
    total((row) => row.handChecked),
    total((row) => row.handRead),
    total((row) => row.read),
    `${total((row) => row.discrepancies.found.length)} / ${total((row) => row.discrepancies.expected.length)}`,
    total((row) => row.falseErrors.length),
    total((row) => row.unreadSentences),
    total((row) => row.unreadTables),
    total((row) => row.notDeclared),
  ];
}

/** The reading of the corpus as a Markdown page: one row per document and a total row. */
export function readingTable(rows: readonly DocumentReading[]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    "<!-- Generated by tests/read-text/corpus.test.ts (UPDATE_GENERATED=1 npx vitest run tests/read-text/corpus.test.ts); do not edit. -->",
    "",
    "# The text reader on the corpus",
    "",
    "`check` on each raw `source.txt`, unedited, against the relations checked by hand in its `relations.json`.",
    "",
    "- **hand-checked**: the relations in `relations.json`. **of them read**: those the reader reads as a relation of a",
    "  matching kind whose figure lies in the hand-checked snippet. **read in all**: every relation the reader reads.",
    "- **discrepancies found / expected**: hand-checked discrepancies reported as an error in their snippet, with their",
    "  figure, out of all hand-checked discrepancies. **false errors**: errors that are not a hand-checked discrepancy.",
    "- **not read**: sentences with figures that the reader could not place, and tables or parts of tables not read (a title with no rows, a unit or a column that cannot be told, a row that does not fit its columns). **read, not declared**: what",
    "  the declaration format cannot state (a change explained by its main parts, 主要是…) or a figure whose unit it",
    "  cannot take. Each is listed in the declaration `import` writes (`unread`) and reported as info.",
    "",
    line([
      "document",
      "hand-checked",
      "of them read",
      "read in all",
      "discrepancies found / expected",
      "false errors",
      "sentences not read",
      "tables not read",
      "read, not declared",
    ]),
    line(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...rows.map((row) => line(cellsOf(`\`${row.folder}\``, [row]))),
    line(cellsOf(`${rows.length} documents`, rows).map((cell) => `**${cell}**`)),
    "",
  ].join("\n");
}
