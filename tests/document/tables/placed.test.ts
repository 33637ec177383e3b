import { describe, expect, it } from "vitest";
import type { DocumentText } from "../../../src/document/formats/document.js";
import { readTables, type TableLine } from "../../../src/document/tables/read.js";

/**
 * A PDF page of words set at columns: each character 10 wide at its column, a font of 12, so words one
 * space apart are one cell (as a PDF's text layer joins close words) and two spaces apart are two.
 */
function page(rows: readonly (readonly [number, string])[][]): DocumentText {
  const lines = rows.map((words) => {
    let line = "";
    for (const [column, word] of words) line = `${line.padEnd(column, " ")}${word}`;
    return line;
  });
  const text = lines.join("\n");
  const columnOf = (offset: number) => offset - (text.lastIndexOf("\n", offset - 1) + 1);
  return {
    kind: "pdf",
    text,
    locate: (offset) => ({ kind: "pdf", page: 1, line: text.slice(0, offset).split("\n").length, column: 1 }),
    positionOf: (offset) => ({ x0: columnOf(offset) * 10, x1: columnOf(offset) * 10 + 10, size: 12 }),
  };
}

/** A figure right-aligned to end at a column. */
const right = (end: number, figure: string): [number, string] => [end - figure.length + 1, figure];

const lineText = (line: TableLine): string[] => [
  `${line.name} ${line.amounts.get("total")?.value ?? ""}`.trim(),
  ...line.lines.flatMap((child) => lineText(child).map((text) => `  ${text}`)),
];

describe("a PDF's tables set on their columns by where each word stands", () => {
  it("a two-sided 收支总表: a side's figure printed close to the other side's label is two cells, and a row 五、… with its figure blank is the table's", () => {
    const document = page([
      [[0, "表1 部门收支总表"]],
      [[60, "单位：万元"]],
      [
        [10, "收入"],
        [50, "支出"],
      ],
      [
        [5, "项目"],
        [30, "本年预算"],
        [45, "项目"],
        [66, "本年预算"],
      ],
      [[0, "一、一般公共预算拨款收入"], right(35, "825.04"), [37, "一般公共服务支出"], right(70, "697.36")],
      [[0, "二、政府性基金预算拨款收入"], [37, "社会保障和就业支出"], right(70, "127.68")],
      [[0, "五、单位资金收入"]],
      [[0, "本年收入合计"], right(35, "825.04"), [38, "本年支出合计"], right(70, "825.04")],
      [[0, "收入总计"], right(35, "825.04"), [38, "支出总计"], right(70, "825.04")],
    ]);
    const [table] = readTables(document);
    expect(table?.gaps).toEqual([]);
    expect(table?.lines.flatMap(lineText)).toEqual([
      "收入总计 825.04",
      "  本年收入合计 825.04",
      "    一、一般公共预算拨款收入 825.04",
      "支出总计 825.04",
      "  本年支出合计 825.04",
      "    一般公共服务支出 697.36",
      "    社会保障和就业支出 127.68",
    ]);
  });

  it("a header word over a column with nothing printed, beside a headed one, names no column read (政府性基金 beside 一般公共预算)", () => {
    const document = page([
      [[0, "表2 部门收入总表"]],
      [[60, "单位：万元"]],
      [
        [0, "科目编码"],
        [8, "科目名称"],
        [36, "合计"],
        [45, "一般公共预算拨款"],
        [56, "政府性基金预算拨款"],
      ],
      [[5, "合计"], right(40, "697.36"), right(52, "697.36")],
      [[0, "201"], [5, "一般公共服务支出"], right(40, "697.36"), right(52, "697.36")],
    ]);
    const [table] = readTables(document);
    expect(table?.gaps).toEqual([]);
    expect(table?.columns.map((column) => column.id)).toEqual(["total", "general"]);
  });
});
