import { isMap, type Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { scalarText, seqItems } from "../../load/yaml-tree.js";
import { bilingual, quotedName } from "../../text.js";
import type { Column, Table, TotalRow } from "../declaration.js";
import { shareBaseAt } from "./figures.js";
import { nodeAt, itemsAt, textAt, within, type BuildContext } from "./context.js";
import { buildIndicator } from "./indicator.js";
import { buildLine } from "./line.js";
import { buildProject } from "./project.js";
import { fillRow } from "./row.js";

/** A table with nothing in it yet: its builder, or the narrative's, fills it. */
export function emptyTable(path: string, id: string, title: string): Table {
  return { path, id, shown: id, title, columns: [], lines: [], projects: [], indicators: [], linesByKey: new Map(), allLines: [] };
}

/** A table: its columns, total row, lines, projects and indicators, each read at the table's precision. */
export function buildTable(outer: BuildContext, node: Node, path: string): Table {
  const context = within(outer, node);
  const id = textAt(context, node, "id") ?? "";
  const table = emptyTable(path, id, textAt(context, node, "title") ?? "");
  // On a document a table is named as it is printed: 表5-1, else its title; the reader wrote the ids.
  const no = textAt(context, node, "no");
  if (context.printed) table.shown = no ? `表${no}` : table.title || id;
  const kind = textAt(context, node, "kind");
  if (kind !== undefined) table.kind = kind;
  const shareOf = shareBaseAt(context, node, path);
  if (shareOf) table.shareOf = shareOf;
  const empty = textAt(context, nodeAt(context, node, "empty"), "reason");
  if (empty !== undefined) table.empty = empty;
  table.columns = buildColumns(context, node, table);
  const total = buildTotal(context, nodeAt(context, node, "total"), table);
  if (total) table.total = total;
  const at = (key: string, index: number) => childPointer(childPointer(path, key), index);
  table.lines = itemsAt(context, node, "lines").map((line, index) => buildLine(context, line, at("lines", index), table, undefined));
  table.projects = itemsAt(context, node, "projects").map((project, index) => buildProject(context, project, at("projects", index), table));
  table.indicators = itemsAt(context, node, "indicators").map((indicator, index) => buildIndicator(context, indicator, at("indicators", index), table.shown));
  // A table printed empty (空表) has nothing else; data beside `empty` would be checked as if printed.
  if (table.empty !== undefined && (table.total || table.lines.length > 0 || table.projects.length > 0 || table.indicators.length > 0)) {
    context.problems.push({ rule: "schema", messageId: "empty-with-data", path: childPointer(path, "empty"), atKey: true, data: { table: id } });
  }
  return table;
}

/** The declared columns; a column that sums others must name declared columns other than itself. */
function buildColumns(context: BuildContext, node: Node, table: Table): Column[] {
  const columns = itemsAt(context, node, "columns").map((columnNode, index): Column => {
    const column: Column = {
      id: textAt(context, columnNode, "id") ?? "",
      name: textAt(context, columnNode, "name") ?? "",
      path: childPointer(childPointer(table.path, "columns"), index),
    };
    const sum = seqItems(context.doc, nodeAt(context, columnNode, "sum")).map((item) => scalarText(item) ?? "");
    if (sum.length > 0) column.sum = sum;
    if (textAt(context, columnNode, "printed") === "false") column.unprinted = true;
    return column;
  });
  for (const column of columns) {
    for (const [index, part] of (column.sum ?? []).entries()) {
      const path = childPointer(childPointer(column.path, "sum"), index);
      if (part === column.id) {
        context.problems.push({ rule: "schema", messageId: "sum-of-itself", path, data: { column: part } });
      } else if (!columns.some((declared) => declared.id === part)) {
        context.problems.push({ rule: "schema", messageId: "unknown-column", path, data: { column: part, table: table.id } });
      }
    }
  }
  return columns;
}

/** The total row (合计), named 合计 unless the table prints another name. */
function buildTotal(outer: BuildContext, node: Node | undefined, table: Table): TotalRow | undefined {
  if (!isMap(node)) return undefined;
  const context = within(outer, node);
  const name = textAt(context, node, "name") ?? "合计";
  const total: TotalRow = {
    kind: "total",
    table,
    name,
    path: childPointer(table.path, "total"),
    label: bilingual(`${table.shown}「${name}」`, `${table.shown} total ${quotedName(name)}`),
    columns: new Map(),
    history: new Map(),
  };
  fillRow(context, total, node, table);
  return total;
}
