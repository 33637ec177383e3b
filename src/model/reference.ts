import type { Declaration, Reference, Row, Table } from "./declaration.js";
import type { Amount } from "./figure.js";

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
