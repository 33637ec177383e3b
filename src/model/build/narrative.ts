import type { Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { scalarText } from "../../load/yaml-tree.js";
import { narrativeTableId, type Line, type Statement, type Table } from "../declaration.js";
import { parseCount } from "../figure.js";
import { itemsAt, nodeAt, textAt, within, type BuildContext } from "./context.js";
import { fileLine, LineRow } from "./line.js";
import { emptyTable } from "./table.js";
import { fillRow } from "./row.js";

/** The table that holds the figures the narrative states on its own; its parts' shares are of their figure. */
export function narrativeTable(): Table {
  return { ...emptyTable("/statements", narrativeTableId, "情况说明"), kind: "narrative", shareOf: { kind: "parent" } };
}

/**
 * A figure the sentence states on its own (`name`, no `restates`): a line of the narrative table, with
 * its 其中 parts as its lines. A count (个, 人) stands in for the amount; its parts are counts too.
 */
export function buildNarrativeFigure(outer: BuildContext, node: Node, path: string, statement: Statement, table: Table, parent?: Line): Line {
  const context = within(outer, node);
  const line = new LineRow(table, path, textAt(context, node, "name") ?? "", undefined, textAt(context, node, "id"), parent);
  line.statement = statement;
  fillRow(context, line, node, undefined);
  readCount(context, node, line);
  fileLine(context, line, table);
  table.allLines.push(line);
  const partsPath = childPointer(path, "parts");
  line.lines = itemsAt(context, node, "parts").map((part, index) =>
    buildNarrativeFigure(context, part, childPointer(partsPath, index), statement, table, line),
  );
  if (line.lines.length > 0 && textAt(context, node, "complete") !== "true") line.partialList = true;
  for (const part of line.lines) {
    if (part.countUnit !== line.countUnit) {
      context.problems.push({ rule: "schema", messageId: "unit-mix", path: part.path, data: { part: part.name, whole: line.name } });
    }
  }
  return line;
}

function readCount(context: BuildContext, node: Node, line: Line): void {
  const count = textAt(context, node, "count");
  if (count === undefined) {
    // Names listed with no count to compare with would be read by nothing.
    if (nodeAt(context, node, "items") !== undefined)
      context.problems.push({ rule: "schema", messageId: "items-without-count", path: childPointer(line.path, "items"), atKey: true });
    return;
  }
  if (line.amount) {
    context.problems.push({ rule: "schema", messageId: "count-and-amount", path: childPointer(line.path, "count"), atKey: true });
    return;
  }
  line.countUnit = textAt(context, node, "unit") ?? "个";
  const amount = parseCount(count, line.path, "count");
  if (amount) line.amount = amount;
  const itemsNode = nodeAt(context, node, "items");
  if (itemsNode !== undefined) {
    const names = itemsAt(context, node, "items").map((item) => scalarText(item) ?? "");
    line.items = { names, path: childPointer(line.path, "items") };
  }
}
