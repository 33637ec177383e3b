import { isMap, type Node, type YAMLMap } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { mapEntries } from "../../load/yaml-tree.js";
import type { Row, Table } from "../declaration.js";
import { parseAmount, parsePercent } from "../figure.js";
import { amountAt, amountOf, historyAt, percentAt, shareBaseAt } from "./figures.js";
import { nodeAt, textAt, type BuildContext } from "./context.js";

/** A row's amounts besides its main one, and its percentages: against the prior year and the initial budget. */
const amountKeys = ["prior", "change", "budgeted", "budgetChange"] as const;
const percentKeys = ["growth", "budgetGrowth", "share"] as const;

/** The figures every row has (a line, a total, a stated figure): amount per column, prior, change, growth, share, history. */
export function fillRow(context: BuildContext, row: Row, node: Node, table: Table | undefined): void {
  const path = row.path;
  fillAmount(context, row, nodeAt(context, node, "amount"), table);
  for (const key of amountKeys) {
    const amount = amountAt(context, node, key, path);
    if (amount) row[key] = amount;
  }
  for (const key of percentKeys) {
    const percent = percentAt(context, node, key, path);
    if (percent) row[key] = percent;
  }
  const shareOf = shareBaseAt(context, node, path);
  if (shareOf) row.shareOf = shareOf;
  row.history = historyAt(context, node, path);
  const reason = textAt(context, node, "reason");
  if (reason !== undefined) row.reason = reason;
  if (textAt(context, node, "unchanged") === "true") markUnchanged(context, row);
}

/** 持平: a change of 0 and a growth rate of 0%, as if printed at the document's decimals, where not stated. */
function markUnchanged(context: BuildContext, row: Row): void {
  row.unchanged = true;
  const zero = context.precision > 0 ? `0.${"0".repeat(context.precision)}` : "0";
  row.change ??= parseAmount(zero, context.precision, row.path, "unchanged");
  row.growth ??= parsePercent("0.00%", row.path, "unchanged");
}

/** `amount: 436.54` is the main column's; `amount: { total: 436.54, basic: 400 }` gives each column its own. */
function fillAmount(context: BuildContext, row: Row, amountNode: Node | undefined, table: Table | undefined): void {
  const main = table?.columns[0]?.id;
  if (isMap(amountNode)) {
    const amountPath = childPointer(row.path, "amount");
    if (!table || table.columns.length === 0) {
      context.problems.push({ rule: "schema", messageId: "no-columns", path: amountPath, data: { table: table?.id ?? "" } });
      return;
    }
    row.columns = columnAmounts(context, amountNode, amountPath, table);
    if (main !== undefined) row.amount = row.columns.get(main);
    return;
  }
  const amount = amountOf(context, amountNode, row.path, "amount");
  if (amount) {
    row.amount = amount;
    if (main !== undefined) row.columns = new Map([[main, amount]]);
  }
}

function columnAmounts(context: BuildContext, amountNode: YAMLMap, amountPath: string, table: Table): Row["columns"] {
  const columns: Row["columns"] = new Map();
  for (const { key: column, value } of mapEntries(context.doc, amountNode)) {
    if (!table.columns.some((declared) => declared.id === column)) {
      const path = childPointer(amountPath, column);
      context.problems.push({ rule: "schema", messageId: "unknown-column", path, atKey: true, data: { column, table: table.id } });
      continue;
    }
    if (table.columns.some((declared) => declared.id === column && declared.unprinted)) {
      context.problems.push({ rule: "schema", messageId: "unprinted-with-amount", path: childPointer(amountPath, column), atKey: true, data: { column } });
      continue;
    }
    const amount = amountOf(context, value, amountPath, column);
    if (amount) columns.set(column, amount);
  }
  return columns;
}
