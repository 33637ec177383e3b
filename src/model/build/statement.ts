import type { Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { bilingual } from "../../text.js";
import type { StatedFigure, Statement } from "../declaration.js";
import { referenceAt } from "../reference.js";
import { integerAt, itemsAt, textAt, type BuildContext } from "./context.js";
import { fillRow } from "./row.js";

/** A sentence of the narrative (情况说明) and the figures it restates from the tables. */
export function buildStatement(context: BuildContext, node: Node, path: string): Statement {
  const statement: Statement = { path, text: textAt(context, node, "text") ?? "", figures: [] };
  const projectTargets = integerAt(context, node, "projectTargets");
  if (projectTargets !== undefined) statement.projectTargets = projectTargets;
  const figuresPath = childPointer(path, "figures");
  statement.figures = itemsAt(context, node, "figures").map((figure, index) => buildFigure(context, figure, childPointer(figuresPath, index), statement));
  return statement;
}

/** A stated figure, read at the document's precision; a `restates` that is no reference names a table nobody has. */
function buildFigure(context: BuildContext, node: Node, path: string, statement: Statement): StatedFigure {
  const restatesText = textAt(context, node, "restates") ?? "";
  const restatesPath = childPointer(path, "restates");
  const figure: StatedFigure = {
    kind: "statement",
    statement,
    restates: referenceAt(restatesText, restatesPath) ?? { text: restatesText, table: restatesText, path: restatesPath },
    path,
    label: bilingual(`情况说明所述的 ${restatesText}`, `the narrative's ${restatesText}`),
    columns: new Map(),
    history: new Map(),
  };
  fillRow(context, figure, node, undefined);
  return figure;
}
