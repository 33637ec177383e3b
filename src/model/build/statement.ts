import type { Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { bilingual } from "../../text.js";
import type { StatedFigure, Statement, Table } from "../declaration.js";
import { referenceAt } from "../reference.js";
import { integerAt, itemsAt, nodeAt, textAt, unitShift, withinFigure, type BuildContext } from "./context.js";
import { buildNarrativeFigure, type PendingBreakdown } from "./narrative.js";
import { fillRow } from "./row.js";

/** A sentence of the narrative (情况说明) and the figures it restates from the tables. */
export function buildStatement(context: BuildContext, node: Node, path: string, narrative: Table, breakdowns: PendingBreakdown[]): Statement {
  const statement: Statement = { path, text: textAt(context, node, "text") ?? "", figures: [], narrative: [] };
  const projectTargets = integerAt(context, node, "projectTargets");
  if (projectTargets !== undefined) statement.projectTargets = projectTargets;
  const budgetYear = integerAt(context, node, "budgetYear");
  if (budgetYear !== undefined) statement.budgetYear = budgetYear;
  const figuresPath = childPointer(path, "figures");
  itemsAt(context, node, "figures").forEach((figure, index) => {
    const at = childPointer(figuresPath, index);
    if (nodeAt(context, figure, "restates") !== undefined) {
      // A sentence may print its figures with fewer decimals than the document (300万元 among 129.33万元).
      const stated = buildFigure(withinFigure(context, figure, at), figure, at, statement);
      statement.figures.push(stated);
      if (nodeAt(context, figure, "parts") !== undefined) breakdowns.push({ node: figure, path: at, statement, figure: stated });
      restatingParts(context, figure, at, statement);
      for (const key of onlyStatedOnTheirOwn) {
        // A money unit (2500元) is the sentence's own printing; a count's unit is its table's.
        if (key === "unit" && unitShift(context, figure) !== undefined) continue;
        if (nodeAt(context, figure, key) !== undefined)
          context.problems.push({ rule: "schema", messageId: "restated-with-own", path: childPointer(at, key), atKey: true, data: { key } });
      }
    } else if (nodeAt(context, figure, "name") !== undefined) {
      const line = buildNarrativeFigure(context, figure, at, statement, narrative);
      narrative.lines.push(line);
      statement.narrative.push(line);
      restatingParts(context, figure, at, statement);
    } else {
      context.problems.push({ rule: "schema", messageId: "figure-without-subject", path: at });
    }
  });
  return statement;
}

/**
 * A part of a figure stated on its own that names the table line it repeats (基本支出 436.54 under 部门预算支出,
 * `restates: t3:basic`): a part of its figure, and a figure compared with that line too.
 */
function restatingParts(context: BuildContext, node: Node, path: string, statement: Statement): void {
  const partsPath = childPointer(path, "parts");
  itemsAt(context, node, "parts").forEach((part, index) => {
    const at = childPointer(partsPath, index);
    if (nodeAt(context, part, "restates") !== undefined) {
      // Its change and rate are its narrative line's to check; as a restatement only its amount is compared.
      const stated = buildFigure(withinFigure(context, part, at), part, at, statement);
      delete stated.prior;
      delete stated.change;
      delete stated.growth;
      statement.figures.push(stated);
    }
    restatingParts(context, part, at, statement);
  });
}

/** What only a figure the text states on its own has: a restated line's counts are the table's (its parts may be another breakdown). */
const onlyStatedOnTheirOwn = ["count", "items", "unit", "id", "product"] as const;

/** A stated figure, read at the document's precision; a `restates` that is no reference names a table nobody has. */
function buildFigure(context: BuildContext, node: Node, path: string, statement: Statement): StatedFigure {
  const restatesText = textAt(context, node, "restates") ?? "";
  const restatesPath = childPointer(path, "restates");
  // A figure read from a document keeps its name: findings speak of it as the document does.
  const name = textAt(context, node, "name");
  const figure: StatedFigure = {
    kind: "statement",
    statement,
    restates: referenceAt(restatesText, restatesPath) ?? { text: restatesText, table: restatesText, path: restatesPath },
    path,
    label: name
      ? bilingual(`情况说明所述「${name}」`, `the narrative's “${name}”`)
      : bilingual(`情况说明所述的 ${restatesText}`, `the narrative's ${restatesText}`),
    columns: new Map(),
    history: new Map(),
  };
  if (name) figure.name = name;
  fillRow(context, figure, node, undefined);
  return figure;
}
