import type { Document } from "yaml";
import type { Problem } from "../../problem.js";
import { childPointer } from "../../load/json-pointer.js";
import type { Declaration } from "../declaration.js";
import { integerAt, itemsAt, nodeAt, textAt, within } from "./context.js";
import { buildBreakdown, narrativeTable, type PendingBreakdown } from "./narrative.js";
import { buildStatement } from "./statement.js";
import { buildTable } from "./table.js";

export const defaultPrecision = 2;

/**
 * Builds the rules' model from a declaration that passed the schema. Figures are read from the
 * scalars' source text into Decimals; nothing goes through a JS number. Problems are the structural
 * ones the schema cannot see (an amount for a column the table does not declare, an id used twice).
 */
export function buildDeclaration(doc: Document, defaults: { precision?: number; printed?: boolean } = {}): { declaration: Declaration; problems: Problem[] } {
  const root = doc.contents;
  const problems: Problem[] = [];
  // The document's own precision wins over the config's, which wins over the default.
  const base = { doc, problems, precision: defaults.precision ?? defaultPrecision, ...(defaults.printed ? { printed: true } : {}) };
  const document = within(base, root);
  // Stated figures may print theirs in a finer unit than the document's (withinFigure).
  const unit = textAt(document, root, "unit");
  const context = unit === undefined ? document : { ...document, unit };
  const declaration: Declaration = {
    year: integerAt(context, nodeAt(context, root, "department"), "year") ?? 0,
    department: textAt(context, nodeAt(context, root, "department"), "name") ?? "",
    unit: unit ?? "",
    precision: context.precision,
    ratioBasis: textAt(context, root, "ratioBasis") === "printed" ? "printed" : "unrounded",
    excerpt: textAt(context, root, "excerpt") === "true",
    printed: defaults.printed === true,
    tables: [],
    tablesById: new Map(),
    statements: [],
    unread: itemsAt(context, root, "unread").map((node, index) => ({
      text: textAt(context, node, "text") ?? "",
      why: textAt(context, node, "why") ?? "",
      path: childPointer("/unread", index),
    })),
  };
  itemsAt(context, root, "tables").forEach((node, index) => {
    const table = buildTable(context, node, childPointer("/tables", index));
    if (declaration.tablesById.has(table.id)) {
      problems.push({ rule: "schema", messageId: "duplicate-id", path: childPointer(table.path, "id"), data: { id: table.id, table: table.id } });
    } else {
      declaration.tablesById.set(table.id, table);
    }
    declaration.tables.push(table);
  });
  const narrative = narrativeTable();
  const breakdowns: PendingBreakdown[] = [];
  declaration.statements = itemsAt(context, root, "statements").map((node, index) =>
    buildStatement(context, node, childPointer("/statements", index), narrative, breakdowns),
  );
  if (narrative.allLines.length > 0 || breakdowns.length > 0) {
    // The figures the text states on its own are referred to as narrative/<id>; no declared table may take the name.
    const taken = declaration.tablesById.get(narrative.id);
    if (taken) problems.push({ rule: "schema", messageId: "reserved-id", path: childPointer(taken.path, "id"), data: { id: narrative.id } });
    declaration.tables.push(narrative);
    declaration.tablesById.set(narrative.id, narrative);
  }
  for (const breakdown of breakdowns) buildBreakdown(context, declaration, narrative, breakdown);
  return { declaration, problems };
}
