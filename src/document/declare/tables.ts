import type { ReadTable, TableGap, TableLine } from "../tables/read.js";
import type { CellAmount, ReadIndicator, ReadProject } from "../tables/table.js";
import { nameKey } from "./links.js";
import type { Cell } from "../tables/grid.js";
import type { Span } from "./declare.js";
import { scalar, type Written } from "./yaml-lines.js";

/** How a table's cells are placed: a span of the normalised text for an original offset range, and its label. */
export interface TablePlaces {
  span(cell: Cell): Span;
  label(cell: Cell): string;
  /** Ids made for lines the narrative restates. */
  lineIds: ReadonlyMap<TableLine, string>;
}

/** A gap of a table as an `unread` entry: its words, its reason, where it is. */
export interface TableUnread {
  text: string;
  why: "table-unit" | "table-columns" | "table-row" | "table-partly-read" | "table-no-rows" | "performance-table";
  at: Cell;
}

const gapWhy: Record<TableGap["why"], TableUnread["why"] | undefined> = {
  unit: "table-unit",
  columns: "table-columns",
  row: "table-row",
  "partly-read": "table-partly-read",
  "no-rows": "table-no-rows",
  "title-only": "table-no-rows",
  performance: "performance-table",
};

/** The ids of the tables: the printed number (`t5-1`), else the kind; a repeat gets a suffix. */
export function idsOf(tables: readonly ReadTable[]): string[] {
  const used = new Map<string, number>();
  const ids = new Map<ReadTable, string>();
  // A table with figures takes its number's id before a title listed without rows (a table of contents).
  for (const table of [...tables.filter(hasFigures), ...tables.filter((table) => !hasFigures(table))]) {
    const base = table.no ? `t${table.no}` : table.template.kind;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    ids.set(table, count === 1 ? base : `${base}-${count}`);
  }
  return tables.map((table) => ids.get(table) ?? table.template.kind);
}

/** The title as printed, without its number and unit. */
function titleText(table: ReadTable): string {
  const words = table.title.text
    .replace(/^\s*(?:附)?表\s*\d+(?:\s*[-—－]\s*\d+)?\s*[.、:：]?\s*/, "")
    .replace(/[(（]?\s*单位[:：]?.*$/, "")
    .trim();
  return words || table.template.name;
}

/** Decimals of a printed amount. */
const decimals = (value: string) => value.split(".")[1]?.length ?? 0;

/** The most decimals a table's amounts are printed with. */
function tablePrecision(lines: readonly TableLine[]): number {
  return Math.max(0, ...lines.flatMap((line) => [...[...line.amounts.values()].map((amount) => decimals(amount.value)), tablePrecision(line.lines)]));
}

/** A line's `amount`: one value, or one per column (the first column the main one). */
function amountLines(line: TableLine, columns: readonly string[], indent: string, places: TablePlaces): Written[] {
  if (columns.length <= 1) {
    const main = line.amounts.get(columns[0] ?? "total") ?? [...line.amounts.values()][0];
    return main ? [{ text: `${indent}amount: ${main.value} # ${places.label(main.cell)}`, at: places.span(main.cell) }] : [];
  }
  const stated = columns.flatMap((id) => {
    const amount = line.amounts.get(id);
    return amount ? [{ id, amount }] : [];
  });
  if (stated.length === 0) return [];
  // Only the main column printed: the others are unknown, not 0, so the amount is the main column's alone.
  const only = stated.length === 1 && stated[0]?.id === columns[0] ? stated[0] : undefined;
  if (only) return [{ text: `${indent}amount: ${only.amount.value} # ${places.label(only.amount.cell)}`, at: places.span(only.amount.cell) }];
  return [
    { text: `${indent}amount:`, at: places.span(line.label) },
    ...stated.map(({ id, amount }) => ({ text: `${indent}  ${id}: ${amount.value} # ${places.label(amount.cell)}`, at: places.span(amount.cell) })),
  ];
}

/** A line and its children, as the format's `lines` entries. */
function lineLines(line: TableLine, columns: readonly string[], indent: string, places: TablePlaces): Written[] {
  const at = places.span(line.label);
  const head: Written[] = [];
  const id = line.id ?? places.lineIds.get(line);
  if (id) head.push({ text: `id: ${id}`, at });
  if (line.code) head.push({ text: `code: "${line.code}"`, at });
  head.push({ text: `name: ${scalar(line.name || "（无名称）")} # ${places.label(line.label)}`, at });
  const lines = head.map((written, index) => ({ ...written, text: `${indent}${index === 0 ? "- " : "  "}${written.text}` }));
  lines.push(...amountLines(line, columns, `${indent}  `, places));
  for (const key of ["prior", "change", "growth", "share"] as const) {
    const figure = line[key];
    if (figure) lines.push({ text: `${indent}  ${key}: ${figure.value} # ${places.label(figure.cell)}`, at: places.span(figure.cell) });
  }
  if (line.history && line.history.size > 0) lines.push(historyLine(line.history, `${indent}  `, places));
  if (line.lines.length > 0) {
    lines.push({ text: `${indent}  lines:`, at });
    for (const child of line.lines) lines.push(...lineLines(child, columns, `${indent}    `, places));
  }
  return lines;
}

/** The table's `columns`, with the sums its template prints. */
function columnLines(table: ReadTable, indent: string, places: TablePlaces): Written[] {
  if (table.columns.length <= 1) return [];
  return [
    { text: `${indent}columns:` },
    ...table.columns.map((column) => {
      const sum = table.sums.get(column.id);
      const summed = sum ? `, sum: [${sum.join(", ")}]` : "";
      return { text: `${indent}  - { id: ${column.id}, name: ${scalar(column.name)}${summed} }`, at: places.span(column.cell) };
    }),
  ];
}

/** A table's id, number, title and kind. */
function headLines(table: ReadTable, id: string, places: TablePlaces): Written[] {
  const at = places.span(table.title);
  return [
    { text: `  - id: ${id} # ${places.label(table.title)}`, at },
    ...(table.no ? [{ text: `    no: "${table.no}"`, at }] : []),
    { text: `    title: ${scalar(titleText(table))}`, at },
    { text: `    kind: ${table.template.kind}`, at },
  ];
}

/** One read table as a declaration table; a table with no figures read is declared with its note only when empty. */
function tableLines(table: ReadTable, id: string, precision: number, places: TablePlaces): Written[] {
  const at = places.span(table.title);
  const lines = headLines(table, id, places);
  const all = table.total ? [table.total, ...table.lines] : table.lines;
  const own = tablePrecision(all);
  if (all.length > 0 && own !== precision) lines.push({ text: `    precision: ${own}`, at });
  lines.push(...columnLines(table, "    ", places));
  const columns = table.columns.map((column) => column.id);
  if (table.total) {
    // The total's parts are the table's lines, written once below.
    const total = lineLines({ ...table.total, lines: [] }, columns, "    ", places).filter((written) => !/^\s*- (?:id|code):/.test(written.text));
    lines.push(
      { text: "    total:", at: places.span(table.total.label) },
      ...total.map((written) => ({ ...written, text: written.text.replace(/^(\s*)- /, "$1  ") })),
    );
  }
  if (table.lines.length > 0) lines.push({ text: "    lines:", at }, ...table.lines.flatMap((line) => lineLines(line, columns, "      ", places)));
  return lines;
}

/** A table printed without data, with the note that explains it. */
function emptyLines(table: ReadTable, id: string, places: TablePlaces): Written[] {
  const note = table.note as Cell;
  const reason = note.text.replace(/^\s*(?:注|说明|备注)\s*\d*\s*[:：]\s*/, "");
  return [
    ...headLines(table, id, places),
    { text: "    empty:", at: places.span(note) },
    { text: `      reason: ${scalar(reason)} # ${places.label(note)}`, at: places.span(note) },
  ];
}

/** `history: { 2023: 1435.1, 2024: 471.19 }`, placed at its first figure. */
function historyLine(history: ReadonlyMap<number, CellAmount>, indent: string, places: TablePlaces): Written {
  const entries = [...history].sort(([a], [b]) => a - b);
  const first = entries[0]?.[1];
  return {
    text: `${indent}history: { ${entries.map(([year, amount]) => `${year}: ${amount.value}`).join(", ")} }${first ? ` # ${places.label(first.cell)}` : ""}`,
    ...(first ? { at: places.span(first.cell) } : {}),
  };
}

/** An id for a name that has none in the document: its key hashed (FNV-1a), the same in every table that prints it. */
function nameId(prefix: string, name: string): string {
  let hash = 0x811c9dc5;
  for (const char of nameKey(name)) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `${prefix}-${hash.toString(16).padStart(8, "0")}`;
}

/** A performance table's composition, projects (earlier years' budgets before the budget's year) and indicators (by absolute year). */
function performanceLines(table: ReadTable, year: number | undefined, precision: number, places: TablePlaces): Written[] {
  const read = table.performance;
  if (!read) return [];
  const lines: Written[] = [];
  const own = Math.max(
    tablePrecision(read.sides),
    ...read.projects.flatMap((project) => [project.budget, project.amount, ...project.history.values()].map((figure) => decimals(figure?.value ?? ""))),
  );
  if (own !== precision) lines.push({ text: `    precision: ${own}` });
  if (read.sides.length > 0) {
    lines.push({ text: "    shareOf: parent" }, { text: "    lines:" });
    for (const side of read.sides) lines.push(...lineLines(side, [], "      ", places));
  }
  if (read.projects.length > 0) lines.push({ text: "    projects:" }, ...read.projects.flatMap((project) => projectLines(project, year, places)));
  const indicators = year === undefined ? [] : read.indicators;
  if (indicators.length > 0) lines.push({ text: "    indicators:" }, ...indicators.map((indicator) => indicatorLine(indicator, year ?? 0, places)));
  return lines;
}

function projectLines(project: ReadProject, year: number | undefined, places: TablePlaces): Written[] {
  const at = places.span(project.label);
  const lines: Written[] = [
    { text: `      - id: ${nameId("p", project.name)}`, at },
    { text: `        name: ${scalar(project.name)} # ${places.label(project.label)}`, at },
  ];
  for (const key of ["budget", "amount"] as const) {
    const figure = project[key];
    if (figure) lines.push({ text: `        ${key}: ${figure.value} # ${places.label(figure.cell)}`, at: places.span(figure.cell) });
  }
  const latest = Math.max(...project.history.keys());
  const earlier = new Map([...project.history].filter(([when]) => (year === undefined ? when < latest : when < year)));
  if (earlier.size > 0) lines.push(historyLine(earlier, "        ", places));
  return lines;
}

function indicatorLine(indicator: ReadIndicator, year: number, places: TablePlaces): Written {
  const values = [...indicator.values].sort(([a], [b]) => a - b).map(([back, cell]) => `${year + back}: ${scalar(cell.text.replace(/\s+/g, ""))}`);
  return {
    text: `      - { id: ${nameId("i", indicator.name)}, name: ${scalar(indicator.name)}, values: { ${values.join(", ")} } } # ${places.label(indicator.label)}`,
    at: places.span(indicator.label),
  };
}

/** Whether a read table holds figures the declaration can state. */
export function hasFigures(table: ReadTable): boolean {
  return table.total !== undefined || table.lines.length > 0 || table.performance !== undefined;
}

/** The declaration's `tables` from the tables read, and what of them was not read, as `unread` entries. */
/** A table in another unit than the declaration's is not converted: it is said not to be checked. */
export function checkUnits(tables: readonly ReadTable[], unit: string): void {
  for (const table of tables) {
    const own = table.unit;
    if (own && own.unit !== unit && !table.gaps.some((gap) => gap.why === "unit"))
      table.gaps.push({ why: "unit", start: own.cell.start, end: own.cell.end, text: own.cell.text });
  }
}

/** Whether a table is declared with its figures: it has some, its unit is known and the declaration's, and every row with figures was read. */
export function isDeclared(table: ReadTable): boolean {
  return hasFigures(table) && table.gaps.every((gap) => gap.why !== "unit" && gap.why !== "partly-read");
}

export function declareTables(
  tables: readonly ReadTable[],
  declaration: { precision: number; year?: number },
  places: TablePlaces,
): { lines: Written[]; unread: TableUnread[] } {
  const { precision } = declaration;
  // The budget's year, as the document's titles state it, else as a performance table tells it.
  const year = declaration.year ?? tables.find((table) => table.performance?.year !== undefined)?.performance?.year;
  const ids = idsOf(tables);
  const lines: Written[] = [];
  const unread: TableUnread[] = [];
  for (const [index, table] of tables.entries()) {
    for (const gap of table.gaps) {
      const why = gapWhy[gap.why];
      if (why) unread.push({ text: `${titleText(table)}：${gap.text}`.slice(0, 60), why, at: { text: gap.text, start: gap.start, end: gap.end } });
    }
    const id = ids[index] ?? table.template.kind;
    if (isDeclared(table) && table.performance) lines.push(...headLines(table, id, places), ...performanceLines(table, year, precision, places));
    else if (isDeclared(table)) lines.push(...tableLines(table, id, precision, places));
    else if (table.note && table.gaps.length === 0) lines.push(...emptyLines(table, id, places));
  }
  return { lines: lines.length > 0 ? [{ text: "tables:" }, ...lines] : [], unread };
}
