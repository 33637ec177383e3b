import type { Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { scalarText } from "../../load/yaml-tree.js";
import { bilingual, quotedName } from "../../text.js";
import type { Indicator } from "../declaration.js";
import { byYear } from "./figures.js";
import { nodeAt, textAt, type BuildContext } from "./context.js";

/** A performance indicator (绩效指标) and its values by year, kept as printed text. */
export function buildIndicator(context: BuildContext, node: Node, path: string, table: string): Indicator {
  const name = textAt(context, node, "name") ?? "";
  const group = textAt(context, node, "group");
  const shown = `${group ? `${group}/` : ""}${name}`;
  const valuesPath = childPointer(path, "values");
  const indicator: Indicator = {
    path,
    name,
    label: bilingual(`${table} 指标「${shown}」`, `${table} indicator ${quotedName(shown)}`),
    values: byYear(context, nodeAt(context, node, "values"), valuesPath, (value, year) => {
      const text = scalarText(value);
      return text === undefined ? undefined : { text, path: childPointer(valuesPath, year) };
    }),
  };
  const id = textAt(context, node, "id");
  if (id !== undefined) indicator.id = id;
  if (group !== undefined) indicator.group = group;
  return indicator;
}
