import type { Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { bilingual, quotedName } from "../../text.js";
import { narrativeTableId, type Line, type ShareBase, type Statement, type Table } from "../declaration.js";
import type { Amount, Percent } from "../figure.js";
import { none } from "./figures.js";
import { itemsAt, textAt, within, type BuildContext } from "./context.js";
import { fillRow } from "./row.js";

/** A table line. A class, so that its label is a getter on the prototype, built only for a finding. */
export class LineRow implements Line {
  readonly kind = "line";
  columns: Map<string, Amount> = none;
  history: Map<number, Amount> = none;
  lines: Line[] = [];
  amount?: Amount;
  prior?: Amount;
  change?: Amount;
  growth?: Percent;
  share?: Percent;
  shareOf?: ShareBase;
  reason?: string;
  parent?: Line;
  id?: string;
  code?: string;
  statement?: Statement;
  partialList?: true;
  breakdown?: true;
  countUnit?: string;
  items?: { names: string[]; path: string };
  product?: { count: Amount; rate: Amount; path: string };
  unchanged?: true;
  constructor(
    readonly table: Table,
    readonly path: string,
    readonly name: string,
    code: string | undefined,
    id: string | undefined,
    parent: Line | undefined,
  ) {
    if (code !== undefined) this.code = code;
    if (id !== undefined) this.id = id;
    if (parent) this.parent = parent;
  }
  get label() {
    if (this.table.id === narrativeTableId) return bilingual(`情况说明所述「${this.name}」`, `the narrative's ${quotedName(this.name)}`);
    const shown = this.code === undefined ? this.name : `${this.code} ${this.name}`;
    return bilingual(`${this.table.shown}「${shown}」`, `${this.table.shown} line ${quotedName(shown)}`);
  }
}

/** A line with its figures and, depth-first, its sub-lines; each is filed under its id and code for references. */
export function buildLine(outer: BuildContext, node: Node, path: string, table: Table, parent: Line | undefined): Line {
  const context = within(outer, node);
  const id = textAt(context, node, "id");
  const line = new LineRow(table, path, textAt(context, node, "name") ?? "", textAt(context, node, "code"), id, parent);
  fillRow(context, line, node, table);
  fileLine(context, line, table);
  table.allLines.push(line);
  const linesPath = childPointer(path, "lines");
  line.lines = itemsAt(context, node, "lines").map((child, index) => buildLine(context, child, childPointer(linesPath, index), table, line));
  return line;
}

/** An id is unique in its table; a code may repeat (the first line with it is the one referenced). */
export function fileLine(context: BuildContext, line: Line, table: Table): void {
  for (const key of [line.id, line.code]) {
    if (key === undefined) continue;
    if (table.linesByKey.has(key) && key === line.id) {
      context.problems.push({ rule: "schema", messageId: "duplicate-id", path: childPointer(line.path, "id"), data: { id: key, table: table.id } });
    } else if (!table.linesByKey.has(key)) {
      table.linesByKey.set(key, line);
    }
  }
}
