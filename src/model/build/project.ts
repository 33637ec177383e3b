import type { Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { bilingual, quotedName } from "../../text.js";
import type { Project, Table } from "../declaration.js";
import { amountAt, historyAt } from "./figures.js";
import { itemsAt, textAt, type BuildContext } from "./context.js";

/** A project (项目支出) with its amount, budget, funding sources and history. */
export function buildProject(context: BuildContext, node: Node, path: string, table: Table): Project {
  const name = textAt(context, node, "name") ?? "";
  const fundingPath = childPointer(path, "funding");
  const project: Project = {
    path,
    table,
    id: textAt(context, node, "id") ?? "",
    name,
    label: bilingual(`${table.shown} 项目「${name}」`, `${table.shown} project ${quotedName(name)}`),
    funding: [],
    fundingPath,
    history: historyAt(context, node, path),
  };
  const amount = amountAt(context, node, "amount", path);
  if (amount) project.amount = amount;
  const budget = amountAt(context, node, "budget", path);
  if (budget) project.budget = budget;
  itemsAt(context, node, "funding").forEach((item, index) => {
    const itemPath = childPointer(fundingPath, index);
    const fundingAmount = amountAt(context, item, "amount", itemPath);
    if (fundingAmount) project.funding.push({ source: textAt(context, item, "source") ?? "", amount: fundingAmount, path: itemPath });
  });
  return project;
}
