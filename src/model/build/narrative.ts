import type { Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { scalarText } from "../../load/yaml-tree.js";
import { narrativeTableId, type Declaration, type Line, type StatedFigure, type Statement, type Table } from "../declaration.js";
import { parseCount, restatedAt, type Amount } from "../figure.js";
import { resolveReference } from "../reference.js";
import { itemsAt, nodeAt, textAt, withinFigure, type BuildContext } from "./context.js";
import { fileLine, LineRow } from "./line.js";
import { amountAt } from "./figures.js";
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
  const context = withinFigure(outer, node, path);
  const line = new LineRow(table, path, textAt(context, node, "name") ?? "", undefined, textAt(context, node, "id"), parent);
  line.statement = statement;
  fillRow(context, line, node, undefined);
  readCount(context, node, line);
  readProduct(context, node, line);
  fileLine(context, line, table);
  table.allLines.push(line);
  readParts(context, node, line, statement);
  return line;
}

/** The 其中 list under a figure: a bound unless `complete: true`, in the figure's own unit. */
function readParts(context: BuildContext, node: Node, line: Line, statement: Statement): void {
  const partsPath = childPointer(line.path, "parts");
  line.lines = itemsAt(context, node, "parts").map((part, index) =>
    buildNarrativeFigure(context, part, childPointer(partsPath, index), statement, line.table, line),
  );
  if (line.lines.length > 0 && textAt(context, node, "complete") !== "true") line.partialList = true;
  for (const part of line.lines) {
    if (part.countUnit !== line.countUnit) {
      context.problems.push({ rule: "schema", messageId: "unit-mix", path: part.path, data: { part: part.name, whole: line.name } });
    }
  }
}

/** A restating figure's own 其中 list: another breakdown of what it restates, built once every figure is known. */
export interface PendingBreakdown {
  node: Node;
  path: string;
  statement: Statement;
  figure: StatedFigure;
}

/**
 * Another breakdown of a figure stated elsewhere (按功能分类 after 按经费性质): a line of the narrative table
 * whose amount, prior and change are those of the figure restated, placed at the `restates` that names it,
 * and whose lines are the parts the sentence lists. An unresolved reference is the statement rule's finding.
 */
export function buildBreakdown(context: BuildContext, declaration: Declaration, narrative: Table, { node, path, statement, figure }: PendingBreakdown): void {
  const resolution = resolveReference(declaration, figure.restates);
  const restated = resolution.found ? resolution.row : undefined;
  const line = new LineRow(narrative, path, restated && "name" in restated ? String(restated.name) : figure.restates.text, undefined, undefined, undefined);
  line.statement = statement;
  line.breakdown = true;
  const at = (amount: Amount | undefined) => (amount ? restatedAt(amount, path, "restates") : undefined);
  const amount = at(resolution.found ? resolution.amount : undefined);
  if (amount) line.amount = amount;
  if (restated && !(resolution.found && resolution.column !== undefined)) {
    const prior = at(restated.prior);
    if (prior) line.prior = prior;
    const change = at(restated.change);
    if (change) line.change = change;
  }
  if (restated && "countUnit" in restated && typeof restated.countUnit === "string") line.countUnit = restated.countUnit;
  narrative.allLines.push(line);
  narrative.lines.push(line);
  statement.narrative.push(line);
  readParts(context, node, line, statement);
}

/** 268名代表，年人均2400元: the count and the rate, the rate in the figure's own unit and precision. */
function readProduct(context: BuildContext, node: Node, line: Line): void {
  const productNode = nodeAt(context, node, "product");
  if (productNode === undefined) return;
  const path = childPointer(line.path, "product");
  const count = parseCount(textAt(context, productNode, "count") ?? "", path, "count");
  const rate = amountAt(context, productNode, "rate", path);
  if (count && rate) line.product = { count, rate, path };
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
