import type { Lang } from "../../finding.js";
import { placeLabel, type DocumentText, type SetAside } from "../formats/document.js";
import { readDisclosure } from "../sentences/read.js";
import { declareReading, type Declared, type DeclaredReading, type Note, type Span } from "./declare.js";
import { documentYear } from "../sentences/year.js";
import { holding, type BudgetYear, type Reading } from "../sentences/relations.js";
import { scalar, type Written } from "./yaml-lines.js";
import { checkUnits, declareTables, idsOf, isDeclared, type TablePlaces, type TableUnread } from "./tables.js";
import { linkNarrative, type Links } from "./links.js";
import { lastAtOrBefore } from "../formats/layout.js";
import { pageFurniture, readTables, type ReadTable } from "../tables/read.js";

/** What the YAML needs besides the reading: the original text, and a label for the place of a normalised offset. */
export interface DeclarationSource {
  original: string;
  reading: Reading;
  /** The 公开表 read from the document (none for a text the sentence reader reads alone). */
  tables?: readonly ReadTable[];
  /** What the file holds but its text leaves out (hidden sheets and rows, formulas with no value), not read. */
  setAside?: readonly SetAside[];
  /** `line 3, column 5`, `page 2, line 5`, `Sheet1!B4`: where the figure at this offset of the normalised text is. */
  place(offset: number): string;
  /** The language of the declaration's own comments (default en). */
  lang?: Lang;
}

/** The declaration's own comments, in the report's language. */
const comments = {
  head: {
    zh: "# 由 `budget-rules import` 从公开文本读出：请逐条对照原文核对、改正，然后提交。",
    en: "# Read from the disclosure by `budget-rules import`: review every statement against the text, correct it, then commit it.",
  },
  guessedYear: { zh: "不是从标题读出的：取文中出现的最晚年份，请核对", en: "not read from a title: the latest year the text names; check it" },
  noYear: { zh: "文中没有写年份：这是今年，请改为预算年度", en: "the text names no year: this is the current year; correct it to the budget's" },
  precision: { zh: "金额写出的最多小数位数", en: "the most decimals an amount is written with" },
} satisfies Record<string, Record<Lang, string>>;

/** The most decimals one of these amounts is written with. */
function decimalsOf(amounts: readonly (string | undefined)[]): number {
  return Math.max(0, ...amounts.map((value) => value?.split(".")[1]?.length ?? 0));
}

/** What a figure passes on to its parts: its precision, and the money unit its amounts are in. */
interface Inherited {
  precision: number;
  unit: string;
}

/** A declared figure's fields, in the order the format documents them. */
function fieldsOf(declared: Declared, inherited: Inherited): { fields: [string, string][]; own: Inherited } {
  const { precision } = inherited;
  const fields: [string, string][] = [];
  if (declared.id) fields.push(["id", declared.id]);
  if (declared.restates) fields.push(["restates", declared.restates]);
  if (declared.name !== undefined) fields.push(["name", scalar(declared.name)]);
  for (const key of ["amount", "prior", "change", "budgeted", "budgetChange"] as const) {
    const value = declared[key];
    if (value !== undefined) fields.push([key, value]);
  }
  // The reader takes 300万元 as rounded to whole 万元, as printed, wherever 129.33万元 has two decimals.
  // A figure's precision holds for its parts too, so a part printed otherwise than its figure says so.
  const amounts = [declared.amount, declared.prior, declared.change, declared.budgeted, declared.budgetChange];
  const own = declared.count === undefined && amounts.some((value) => value !== undefined) ? decimalsOf(amounts) : precision;
  if (own !== precision) fields.push(["precision", String(own)]);
  for (const key of ["growth", "budgetGrowth", "share"] as const) {
    const value = declared[key];
    if (value !== undefined) fields.push([key, value]);
  }
  if (declared.shareOf) fields.push(["shareOf", declared.shareOf]);
  if (declared.unchanged) fields.push(["unchanged", "true"]);
  if (declared.count !== undefined) fields.push(["count", String(declared.count)]);
  // A count's unit (人, 辆), or money printed in a finer unit than the figure above it (2500元).
  const money = declared.count === undefined;
  const unit = money ? (declared.unit ?? inherited.unit) : inherited.unit;
  if (money ? unit !== inherited.unit : declared.unit) fields.push(["unit", scalar(money ? unit : (declared.unit ?? ""))]);
  if (declared.items) fields.push(["items", `[${declared.items.map(scalar).join(", ")}]`]);
  if (declared.product) fields.push(["product", `{ count: ${declared.product.count}, rate: ${declared.product.rate} }`]);
  if (declared.complete) fields.push(["complete", "true"]);
  return { fields, own: { precision: own, unit } };
}

/** A declared figure as YAML lines at an indent, its parts nested; each line placed where its value is printed. */
function figureLines(source: DeclarationSource, declared: Declared, indent: string, inherited: Inherited): Written[] {
  const { fields, own } = fieldsOf(declared, inherited);
  const itself = { start: declared.at, end: declared.end };
  const comment = ` # ${source.place(declared.at)}`;
  const lines: Written[] = fields.map(([key, value], index) => ({
    text: `${indent}${index === 0 ? "- " : "  "}${key}: ${value}${index === 0 ? comment : ""}`,
    at: declared.spans[key] ?? itself,
  }));
  if (lines.length === 0) lines.push({ text: `${indent}- {}${comment}`, at: itself });
  const reason = declared.restates && declared.change !== undefined ? reasonOf(source, declared) : undefined;
  if (reason) lines.push({ text: `${indent}  reason: ${scalar(reason)}`, at: itself });
  if (declared.parts.length > 0) {
    lines.push({ text: `${indent}  parts:`, at: itself });
    for (const part of declared.parts) lines.push(...figureLines(source, part, `${indent}    `, own));
  }
  return lines;
}

/**
 * The reason a sentence gives for a change it states (主要原因是人员增加; 主要是人员异动), as printed: a
 * restated line's change has its reason where the narrative gives one, as the format asks.
 */
function reasonOf(source: DeclarationSource, declared: Declared): string | undefined {
  const sentence = source.reading.sentences[declared.through ?? declared.sentence];
  if (!sentence) return undefined;
  const from = Math.max(sentence.start, declared.end);
  const match = /(?:主要(?:原因)?|原因(?:主要)?)(?:是|为|系|在于)[:]?([^。;]+?)[,]?(?=[。;]|$)/.exec(source.reading.normalised.text.slice(from, sentence.end));
  if (!match?.[1]) return undefined;
  const start = from + match.index + match[0].length - match[1].length;
  return printed(source, start, start + match[1].length) || undefined;
}

/** The sentences a figure and its parts are stated in. */
function span(declared: Declared): [number, number] {
  let [first, last] = [declared.sentence, declared.through ?? declared.sentence];
  for (const part of declared.parts) {
    const [from, to] = span(part);
    first = Math.min(first, from);
    last = Math.max(last, to);
  }
  return [first, last];
}

interface Group {
  first: number;
  last: number;
  figures: Declared[];
}

/** Declared figures grouped into statements: the sentences they are stated in, overlapping ranges merged. */
function groups(top: readonly Declared[]): Group[] {
  const sorted = top.map((declared) => ({ declared, range: span(declared) })).sort((a, b) => a.range[0] - b.range[0] || a.declared.at - b.declared.at);
  const result: Group[] = [];
  for (const { declared, range } of sorted) {
    const last = result.at(-1);
    if (last && range[0] <= last.last) {
      last.last = Math.max(last.last, range[1]);
      last.figures.push(declared);
    } else result.push({ first: range[0], last: range[1], figures: [declared] });
  }
  return result;
}

/** The original text of a stretch of the normalised one. */
function printed(source: DeclarationSource, from: number, to: number): string {
  const origin = (offset: number) => source.reading.normalised.origin[offset] ?? source.original.length;
  return source.original.slice(origin(from), origin(to - 1) + 1).trim();
}

/** The statement of a group: its section, its sentences as printed (from the original text), its figures. */
function statementLines(source: DeclarationSource, group: Group, inherited: Inherited): Written[] {
  const first = source.reading.sentences[group.first];
  const last = source.reading.sentences[group.last];
  if (!first || !last) return [];
  const at = { start: first.start, end: last.end };
  const lines: Written[] = first.outline === "" ? [] : [{ text: `  - section: ${scalar(first.outline)}`, at }];
  lines.push({ text: `  ${lines.length === 0 ? "-" : " "} text: ${scalar(printed(source, first.start, last.end))}`, at }, { text: "    figures:", at });
  for (const declared of group.figures) lines.push(...figureLines(source, declared, "      ", inherited));
  return lines;
}

/** The decimals amounts are written with, at most: the declaration's precision. */
function precisionOf(top: readonly Declared[]): number {
  return Math.max(
    0,
    ...top.map((declared) =>
      Math.max(decimalsOf([declared.amount, declared.prior, declared.change, declared.budgeted, declared.budgetChange]), precisionOf(declared.parts)),
    ),
  );
}

/** A sentence that names the budget's year (纳入…2024年度部门预算范围), as a statement of it. */
function yearStatement(source: DeclarationSource, year: BudgetYear): Written[] {
  const sentence = holding(source.reading.sentences, year.start);
  if (!sentence) return [];
  return [
    { text: `  - text: ${scalar(printed(source, sentence.start, sentence.end))}`, at: sentence },
    { text: `    budgetYear: ${year.stated} # ${source.place(year.start)}`, at: year },
  ];
}

/** What was read but not declared, and each sentence with figures that was not read: the declaration's `unread`. */
function unreadLines(source: DeclarationSource, notes: readonly Note[], tables: readonly TableUnread[], places: TablePlaces): Written[] {
  const { reading } = source;
  const entries = [
    ...tables.map((unread) => ({ ...places.span(unread.at), why: unread.why, text: unread.text })),
    ...(source.setAside ?? []).map((aside) => ({ start: 0, end: 0, why: aside.why, text: aside.text })),
    ...notes.map((note) => ({ ...note, text: excerpt(source, clauseStart(source, note.start), note.end) })),
    ...reading.unread.map((unread) => ({
      start: unread.start,
      end: unread.end,
      why: unread.why ?? (unread.kind === "table" ? "table" : "no-relation"),
      text: excerpt(source, unread.start, unread.start + unread.excerpt.length),
    })),
  ].sort((a, b) => a.start - b.start);
  if (entries.length === 0) return [];
  return [
    { text: "unread:" },
    ...entries.flatMap((entry): Written[] => [
      { text: `  - text: ${scalar(entry.text)} # ${source.place(entry.start)}`, at: entry },
      { text: `    why: ${entry.why}`, at: entry },
    ]),
  ];
}

/** Where the clause of an offset starts, in the normalised text. */
function clauseStart(source: DeclarationSource, offset: number): number {
  const sentence = holding(source.reading.sentences, offset);
  return (sentence && holding(sentence.clauses, offset)?.start) ?? offset;
}

/**
 * Words as printed between two offsets of the normalised text, on one line (a break inside Chinese
 * words closed up), and when long, their start and end around “…”.
 */
function excerpt(source: DeclarationSource, from: number, to: number): string {
  const text = printed(source, from, to)
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length <= 48 ? text : `${text.slice(0, 20)}…${text.slice(-26)}`;
}

/** Every note the declared figures carry, with the reading's own. */
function notesOf(declared: readonly Declared[]): Note[] {
  return declared.flatMap((figure) => [...figure.notes, ...notesOf(figure.parts)]);
}

/** The budget year the titles name, else the latest year the text names, said to be a guess; with none, this year, said so. */
function yearLine(reading: Reading, lang: Lang): string {
  const titled = documentYear(reading.normalised.text, []);
  if (titled !== undefined) return `  year: ${titled}`;
  const named = [...reading.normalised.text.matchAll(/(?<!\d)(20\d{2}|19\d{2})年/g)].map((match) => Number(match[1]));
  if (named.length === 0) return `  year: ${new Date().getFullYear()} # ${comments.noYear[lang]}`;
  return `  year: ${Math.max(...named)} # ${comments.guessedYear[lang]}`;
}

/** A declaration's text, and for each of its lines where in the normalised text what it states is printed. */
export interface DeclaredText {
  yaml: string;
  /** By line index (0-based); a line that states nothing printed (the head) has none. */
  spans: readonly (Span | undefined)[];
}

/**
 * The declaration (format v1) of what the reader read in a disclosure: every statement with its sentences
 * as printed and its figures stated on their own, each with its place; what is not declared, as `unread`.
 */
export function declarationOf(source: DeclarationSource): DeclaredText {
  const { reading } = source;
  // Without a narrative amount, the unit is the one the tables state (all alike), else 万元.
  const tableUnits = new Set((source.tables ?? []).flatMap((table) => (table.unit ? [table.unit.unit] : [])));
  const declared = declareReading(reading, tableUnits.size === 1 ? [...tableUnits][0] : undefined);
  const precision = precisionOf(declared.top);
  const read = source.tables ?? [];
  const links = linkTables(read, declared);
  const lang = source.lang ?? "en";
  const head: Written[] = [
    comments.head[lang],
    "version: 1",
    "department:",
    yearLine(reading, lang),
    `unit: ${declared.unit}`,
    ...(precision === 2 ? [] : [`precision: ${precision} # ${comments.precision[lang]}`]),
    "excerpt: true",
  ].map((text) => ({ text }));
  const events: { at: number; lines: Written[] }[] = groups(declared.top).map((group) => ({
    at: reading.sentences[group.first]?.start ?? 0,
    lines: statementLines(source, group, { precision, unit: declared.unit }),
  }));
  for (const relation of reading.relations) if (relation.kind === "year") events.push({ at: relation.start, lines: yearStatement(source, relation) });
  events.sort((a, b) => a.at - b.at);
  const body = events.flatMap((event) => event.lines);
  const places = tablePlaces(source, links.lineIds);
  const year = documentYear(reading.normalised.text, []);
  const tables = declareTables(read, { precision, ...(year === undefined ? {} : { year }) }, places);
  const ambiguous = links.ambiguous.map((figure) => ({ start: figure.at, end: figure.end, why: "table-link" as const }));
  const lines = [
    ...head,
    ...tables.lines,
    ...(body.length > 0 ? [{ text: "statements:" }, ...body] : []),
    ...unreadLines(source, [...declared.notes, ...notesOf(declared.top), ...ambiguous], tables.unread, places),
  ];
  return { yaml: `${lines.map((line) => line.text).join("\n")}\n`, spans: lines.map((line) => line.at) };
}

/** The narrative's figures linked to the tables declared (those in the declaration's unit), before they are written. */
function linkTables(read: readonly ReadTable[], declared: DeclaredReading): Links {
  checkUnits(read, declared.unit);
  const ids = idsOf(read);
  const named = read.flatMap((table, index) => (isDeclared(table) ? [{ id: ids[index] ?? "", table }] : []));
  const links = linkNarrative(declared.top, named);
  for (const [figure, reference] of links.restates) figure.restates = reference;
  return links;
}

/** Where a table's cell is in the normalised text, and its label in the document. */
function tablePlaces(source: DeclarationSource, lineIds: TablePlaces["lineIds"]): TablePlaces {
  const origin = source.reading.normalised.origin;
  // origin is sorted: the first normalised offset at or after an original one.
  const at = (offset: number) => Math.min(origin.length - 1, lastAtOrBefore(origin, offset - 1) + 1);
  return {
    span: (cell) => ({ start: at(cell.start), end: Math.max(at(cell.start), at(cell.end)) }),
    label: (cell) => source.place(at(cell.start)),
    lineIds,
  };
}

/** The declaration's text alone. */
export function declarationText(source: DeclarationSource): string {
  return declarationOf(source).yaml;
}

/**
 * A document's text with its tables' rows (and a PDF's page furniture) blanked, so that the sentence reader
 * leaves them to the table reader. An en space is no figure and no word, and normalising keeps it, so every cell keeps its offset.
 */
function withoutTables(text: string, extents: readonly { start: number; end: number }[]): string {
  let masked = text;
  for (const extent of extents)
    masked = masked.slice(0, extent.start) + masked.slice(extent.start, extent.end).replace(/[^\n]/g, "\u2002") + masked.slice(extent.end);
  return masked;
}

/** A document read: its tables and its sentences, and the declaration of them, each line placed in the text. */
export interface DocumentDeclaration extends DeclaredText {
  reading: Reading;
  tables: readonly ReadTable[];
}

/**
 * Reads a disclosure as published: its 公开表 by the table reader, the rest by the sentence reader, and
 * declares both; `import` prints the YAML, `check` checks it. `placeOf` labels an offset of the document's text.
 */
export function readDeclaration(document: DocumentText, placeOf: (offset: number) => string = () => "", lang: Lang = "en"): DocumentDeclaration {
  const tables = readTables(document);
  // A page's number between two pages' words would join the first figure after it (3 + 125.04万元).
  const furniture = document.kind === "pdf" ? pageFurniture(document) : [];
  const reading = readDisclosure(withoutTables(document.text, [...tables.map((table) => table.extent), ...furniture]));
  const origin = (offset: number) => reading.normalised.origin[offset] ?? document.text.length;
  const declared = declarationOf({
    original: document.text,
    reading,
    tables,
    place: (offset) => placeOf(origin(offset)),
    lang,
    ...(document.setAside ? { setAside: document.setAside } : {}),
  });
  return { ...declared, reading, tables };
}

/** The declaration read from a document as read by `readDocument`: each figure's comment names its place in it. */
export function declareDocument(document: DocumentText, lang: Lang = "en"): string {
  return readDeclaration(document, (offset) => placeLabel(document.locate(offset), lang), lang).yaml;
}
