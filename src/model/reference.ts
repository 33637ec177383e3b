import type { Declaration, Reference, Row, Table } from "./declaration.js";
import type { Amount } from "./figure.js";

/** What a reference names: `t5-1/2010350:basic` is table t5-1, line 2010350 (an id or a code), column basic. */
export interface ReferenceParts {
  table: string;
  line?: string;
  column?: string;
}

export const figureFields = ["amount", "prior", "change", "growth", "share", "history"] as const;
export type FigureField = (typeof figureFields)[number];

/** A config's figure reference adds the figure: `t5-1/2010350:basic.amount`, `t11/income.history.2023`. */
export interface FigureReferenceParts extends ReferenceParts {
  field: FigureField;
  year?: number;
}

const grammar = /^([^/:]+)(?:\/([^:]+))?(?::(.+))?$/;
const figureSuffix = new RegExp(`\\.(${figureFields.join("|")})(?:\\.(\\d{4}))?$`);

/** `table[/line][:column]`; undefined for text that is not a reference. */
export function parseReference(text: string): ReferenceParts | undefined {
  const match = grammar.exec(text);
  if (!match || match[1] === undefined) return undefined;
  const parts: ReferenceParts = { table: match[1] };
  if (match[2] !== undefined) parts.line = match[2];
  if (match[3] !== undefined) parts.column = match[3];
  return parts;
}

/** A declaration's reference (`restates`, `shareOf`) with where it is written. */
export function referenceAt(text: string, path: string): Reference | undefined {
  const parts = parseReference(text);
  if (!parts) return undefined;
  const reference: Reference = { text, table: parts.table, path };
  if (parts.line !== undefined) reference.line = parts.line;
  if (parts.column !== undefined) reference.column = parts.column;
  return reference;
}

/**
 * `table[/line][:column].field[.year]`. The suffix is read from the end, so a line id may hold dots;
 * a column may not (`t:a.b.amount` is refused), as the config has always read it.
 */
export function parseFigureReference(text: string): FigureReferenceParts | undefined {
  const suffix = figureSuffix.exec(text);
  const parts = suffix ? parseReference(text.slice(0, suffix.index)) : undefined;
  if (!suffix || !parts || parts.column?.includes(".")) return undefined;
  const figure: FigureReferenceParts = { ...parts, field: suffix[1] as FigureField };
  if (suffix[2] !== undefined) figure.year = Number.parseInt(suffix[2], 10);
  return figure;
}

export type Resolution =
  { found: true; table: Table; row: Row; amount?: Amount; column?: string } | { found: false; missing: "table" | "line" | "column" | "total"; table?: Table };

/** Finds the row (and column) a reference such as `t5-1/2010350:basic` names. */
export function resolveReference(declaration: Declaration, reference: Reference): Resolution {
  const table = declaration.tablesById.get(reference.table);
  if (!table) return { found: false, missing: "table" };
  let row: Row | undefined;
  if (reference.line !== undefined) {
    row = table.linesByKey.get(reference.line);
    if (!row) return { found: false, missing: "line", table };
  } else {
    row = table.total;
    if (!row) return { found: false, missing: "total", table };
  }
  if (reference.column === undefined) {
    return row.amount ? { found: true, table, row, amount: row.amount } : { found: true, table, row };
  }
  if (!table.columns.some((column) => column.id === reference.column)) return { found: false, missing: "column", table };
  const amount = row.columns.get(reference.column);
  return amount ? { found: true, table, row, amount, column: reference.column } : { found: true, table, row, column: reference.column };
}
