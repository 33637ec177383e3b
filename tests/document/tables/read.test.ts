import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { DocumentKind, DocumentText } from "../../../src/document/formats/document.js";
import { readDeclaration } from "../../../src/document/declare/declaration-text.js";
import { readDocument } from "../../../src/document/formats/read.js";
import { checkDisclosureText } from "../../../src/run/check-disclosure.js";

/** A document of rows: a workbook's rows have cells between tabs, a text's are words. */
function documentOf(kind: DocumentKind, rows: readonly string[]): DocumentText {
  const text = rows.join("\n");
  return { kind, text, locate: (offset) => ({ kind: "xlsx", sheet: "S", cell: `A${offset}`, column: 1 }) };
}

interface Declared {
  tables?: Record<string, unknown>[];
  unread?: { text: string; why: string }[];
}

const declared = (kind: DocumentKind, rows: readonly string[]) => parse(readDeclaration(documentOf(kind, rows)).yaml) as Declared;

const functionTable = [
  "表5-1 一般公共预算支出表（分功能科目）",
  "部门名称：某中心\t\t\t\t单位：万元",
  "功能分类科目\t\t合计\t基本支出\t项目支出",
  "科目编码\t科目名称",
  "合计\t\t825.04\t436.54\t388.50",
  "201\t一般公共服务支出\t697.36\t308.86\t388.50",
  "20103\t政府办公厅（室）及相关机构事务\t697.36\t308.86\t388.50",
  "2010350\t事业运行\t308.86\t308.86\t",
  "2010399\t其他政府办公厅（室）及相关机构事务支出\t388.50\t\t388.50",
  "208\t社会保障和就业支出\t127.68\t127.68\t",
];

describe("a table is read into the declaration's table: kind, unit, columns by their headers, rows by code", () => {
  it("reads an exported function table: merged headers, 合计 across the code column, blank cells left out", () => {
    const [table] = declared("xlsx", functionTable).tables ?? [];
    expect(table).toMatchObject({
      id: "t5-1",
      no: "5-1",
      kind: "general-by-function",
      columns: [
        { id: "total", name: "合计", sum: ["basic", "project"] },
        { id: "basic", name: "基本支出" },
        { id: "project", name: "项目支出" },
      ],
      total: { name: "合计", amount: { total: 825.04, basic: 436.54, project: 388.5 } },
    });
    const [kind, other] = (table?.lines ?? []) as { code: string; lines: { code: string; lines: { code: string; amount: unknown }[] }[] }[];
    expect([kind?.code, other?.code]).toEqual(["201", "208"]);
    expect(kind?.lines[0]?.lines.map((line) => [line.code, line.amount])).toEqual([
      ["2010350", { total: 308.86, basic: 308.86 }],
      ["2010399", { total: 388.5, project: 388.5 }],
    ]);
  });

  const tables: [string, DocumentKind, string[], Record<string, unknown>][] = [
    [
      "a two-sided summary: each side's lines under its totals, the fund's income as `general`",
      "xlsx",
      [
        "表1 部门收支总表",
        "单位：万元",
        "收入\t\t支出\t",
        "项目\t本年预算\t项目\t本年预算",
        "一、一般公共预算拨款收入\t825.04\t一、一般公共服务支出\t697.36",
        "二、政府性基金预算拨款收入\t\t二、社会保障和就业支出\t127.68",
        "本年收入合计\t825.04\t本年支出合计\t825.04",
        "收入总计\t825.04\t支出总计\t825.04",
      ],
      {
        kind: "summary",
        lines: [
          { id: "income", name: "收入总计", amount: 825.04, lines: [{ name: "本年收入合计", lines: [{ id: "general", amount: 825.04 }] }] },
          { id: "expenditure", name: "支出总计", lines: [{ name: "本年支出合计", lines: [{ amount: 697.36 }, { amount: 127.68 }] }] },
        ],
      },
    ],
    [
      "a heading line over unnumbered ones (一、本年收入 over 一般公共预算拨款)",
      "xlsx",
      [
        "表4 财政拨款收支总表",
        "单位：万元",
        "项目\t本年预算\t项目\t合计\t一般公共预算",
        "一、本年收入\t825.04\t一、本年支出\t825.04\t825.04",
        "一般公共预算拨款\t825.04\t一般公共服务支出\t825.04\t825.04",
        "收入总计\t825.04\t支出总计\t825.04\t825.04",
      ],
      { lines: [{ id: "income", lines: [{ name: "一、本年收入", lines: [{ id: "general" }] }] }, { id: "expenditure" }] },
    ],
    [
      "a “三公” table of one row under merged headers: its sums as columns",
      "xlsx",
      [
        "表7 一般公共预算“三公”经费支出表",
        "单位：万元",
        "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费",
        "\t\t小计\t公务用车购置费\t公务用车运行维护费",
        "0.45\t0.00\t0.00\t0.00\t0.00\t0.45",
      ],
      {
        columns: [
          { id: "total", sum: ["abroad", "vehicles", "reception"] },
          { id: "abroad" },
          { id: "vehicles", name: "小计", sum: ["vehicle-purchase", "vehicle-operation"] },
          { id: "vehicle-purchase", name: "公务用车购置费" },
          { id: "vehicle-operation", name: "公务用车运行维护费" },
          { id: "reception" },
        ],
        total: { amount: { total: 0.45, abroad: 0, reception: 0.45 } },
      },
    ],
    [
      "a “三公” table copied from a web page, a cell a line: total first, 其中 opens its parts",
      "text",
      [
        "2024年市级“三公”经费预算表",
        "单位:亿元",
        "支出 |",
        "预算数 |",
        "合计 |",
        "6.08 |",
        "因公出国(境)费 |",
        "0.66 |",
        "公务用车购置及运行费 |",
        "4.72 |",
        "其中:公务用车购置费 |",
        "1.77 |",
        "公务用车运行费 |",
        "2.95 |",
        "公务接待费 |",
        "0.7 |",
      ],
      {
        total: { name: "合计", amount: 6.08 },
        lines: [{ amount: 0.66 }, { amount: 4.72, lines: [{ amount: 1.77 }, { amount: 2.95 }] }, { name: "公务接待费", amount: 0.7 }],
      },
    ],
    [
      "上年数, 增减额 and 增减幅度 columns are each line's prior, change and rate; a header copied without its merge's blanks is set under the merge",
      "text",
      [
        "施甸县2016年“三公”经费决算情况统计表 | ||||",
        "单位:万元 | ||||",
        "项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |",
        "增、减金额 | 增、减幅度 | |||",
        "合计 | 2911.47 | 2706.86 | -204.61 | -7.03% |",
        "1.因公出国(境)费 | 13.06 | 10.20 | -2.86 | -21.9% |",
      ],
      {
        total: { name: "合计", amount: 2706.86, prior: 2911.47, change: -204.61, growth: "-7.03%" },
        lines: [{ amount: 10.2, prior: 13.06, change: -2.86, growth: "-21.9%" }],
      },
    ],
    [
      "a cell a line with a figure per column after each label; the total's parts written once",
      "text",
      [
        "一、2022三公经费支出预算表",
        "单位:万元",
        "项目",
        "合计",
        "一般公共预算财政拨款",
        "因公出国(境)费",
        "0",
        "0",
        "公务接待费",
        "1.90",
        "1.90",
        "总计",
        "1.90",
        "1.90",
      ],
      {
        columns: [{ id: "total" }, { id: "general" }],
        total: { name: "总计", amount: { total: 1.9, general: 1.9 } },
        lines: [{ amount: { total: 0, general: 0 } }, { amount: { total: 1.9, general: 1.9 } }],
      },
    ],
    [
      "a table without data, explained by its note, is declared empty",
      "xlsx",
      [
        "表8 政府性基金预算支出表",
        "单位：万元",
        "科目编码\t科目名称\t合计\t基本支出\t项目支出",
        "合计",
        "注：本部门2025年没有使用政府性基金预算拨款安排的支出，故本表无数据。",
      ],
      { kind: "government-fund", empty: { reason: "本部门2025年没有使用政府性基金预算拨款安排的支出，故本表无数据。" } },
    ],
  ];

  it.each(tables)("%s", (_, kind, rows, expected) => {
    expect(declared(kind, rows).tables?.[0]).toMatchObject(expected);
  });
});

describe("what cannot be told is reported, never guessed or dropped", () => {
  const gaps: [string, DocumentKind, string[], { why: string; text: RegExp }][] = [
    [
      "no unit printed",
      "xlsx",
      ["表6 一般公共预算基本支出表", "科目编码\t科目名称\t合计\t人员经费\t公用经费", "301\t工资福利支出\t369.70\t369.70\t"],
      { why: "table-unit", text: /一般公共预算基本支出表/ },
    ],
    [
      "a column whose header names no role",
      "xlsx",
      ["表3 部门支出总表", "单位：万元", "科目编码\t科目名称\t合计\t其他", "201\t一般公共服务支出\t697.36\t1.00"],
      { why: "table-columns", text: /其他/ },
    ],
    [
      "a row printed as words with fewer figures than columns",
      "text",
      ["表3 部门支出总表", "单位：万元", "科目编码 科目名称 合计 基本支出 项目支出", "201 一般公共服务支出 697.36 308.86"],
      { why: "table-row", text: /697\.36/ },
    ],
    ["a title with no rows under it", "text", ["表 2.部门收入总表", "表 3.部门支出总表"], { why: "table-no-rows", text: /部门收入总表/ }],
    [
      "a performance table of which nothing could be read",
      "text",
      ["表 11.整体支出绩效目标表", "收入 825.04 100%"],
      { why: "performance-table", text: /整体支出绩效目标表/ },
    ],
    [
      "a table in another unit than the narrative's",
      "text",
      ["部门预算支出825.04万元。", "2024年“三公”经费预算表", "单位：元", "合计 4500.00", "公务接待费 4500.00"],
      { why: "table-unit", text: /单位：元/ },
    ],
  ];

  it.each(gaps)("%s", (_, kind, rows, gap) => {
    const unread = declared(kind, rows).unread ?? [];
    expect(
      unread.some((entry) => entry.why === gap.why && gap.text.test(entry.text)),
      JSON.stringify(unread),
    ).toBe(true);
  });

  it("a row of figures the reader cannot place is a finding, not a pass", () => {
    const findings = checkDisclosureText(
      ["表3 部门支出总表", "单位：万元", "科目编码 科目名称 合计 基本支出 项目支出", "201 一般公共服务支出 697.36 308.86"].join("\n"),
      { lang: "en" },
    ).findings;
    // The row, and the table it leaves unchecked (a total over a row missed would look wrong): nothing was checked.
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.line, finding.messageId])).toEqual([
      ["document", "error", 1, "nothing-read"],
      ["narrative", "info", 1, "not-read"],
      ["narrative", "info", 4, "not-read"],
    ]);
  });
});

describe("the rules check the tables read, each finding at the cell that states it", () => {
  it("a 类 that is not the sum of its 款 is an error at its cell", () => {
    const rows = functionTable.map((row) => row.replace("20103\t政府办公厅（室）及相关机构事务\t697.36", "20103\t政府办公厅（室）及相关机构事务\t696.36"));
    const document = documentOf("xlsx", rows);
    const findings = checkDisclosureText(document.text, { lang: "en", document, placeOf: (offset) => `A${offset}` }).findings;
    const errors = findings.filter((finding) => finding.severity === "error");
    expect(errors.map((finding) => [finding.rule, finding.expected, finding.actual])).toContainEqual(["sum", "696.36", "697.36"]);
    const at = document.text.indexOf("697.36");
    expect(errors.some((finding) => finding.place === `A${at}`)).toBe(true);
  });
});

/** The errors `check` gives a text: rule, stated, expected. */
const errorsOf = (rows: readonly string[]) =>
  checkDisclosureText(rows.join("\n"), { lang: "en" })
    .findings.filter((finding) => finding.severity === "error")
    .map((finding) => [finding.rule, finding.actual, finding.expected]);

describe("what a hostile review of the table reader found: a table read as it is printed (.scratch/review, each case's smallest form)", () => {
  const cases: [string, string[], (string | undefined)[][]][] = [
    [
      "whole numbers of 3, 5 or 7 digits in a 元 table are figures, not codes (合计 99000 against 85000)",
      ["表7 一般公共预算“三公”经费支出表", "单位：元", "项目 预算数", "合计 99000", "因公出国（境）费 0", "公务接待费 35000", "公务用车购置及运行费 50000"],
      [["sum", "99000", "85000"]],
    ],
    [
      "columns headed by years: the latest is the amount, the year before the prior (a correct table, no error)",
      [
        "表7 一般公共预算“三公”经费支出表",
        "单位：万元",
        "项目 2024年预算数 2025年预算数 增减额 增减率",
        "合计 10.00 8.00 -2.00 -20.00%",
        "因公出国（境）费 0.00 0.00 0.00 0.00%",
        "公务接待费 4.00 3.00 -1.00 -25.00%",
        "公务用车购置及运行费 6.00 5.00 -1.00 -16.67%",
      ],
      [],
    ],
    [
      "上年 and 本年: the narrative restates this year's (a correct table and narrative, no error)",
      [
        "表7 一般公共预算“三公”经费支出表",
        "单位：万元",
        "项目 上年预算数 本年预算数",
        "合计 10.00 8.00",
        "公务接待费 4.00 3.00",
        "公务用车购置及运行费 6.00 5.00",
        "",
        "七、“三公”经费支出情况说明",
        "2025年“三公”经费支出预算为8.00万元，其中：公务接待费3.00万元，公务用车购置及运行费5.00万元。",
      ],
      [],
    ],
    [
      "the unit is not a place's first character (编制单位：元氏县…  单位：万元)",
      [
        "表3 部门支出总表",
        "编制单位：元氏县教育局 单位：万元",
        "科目编码 科目名称 合计 基本支出 项目支出",
        "合计 200.00 100.00 100.00",
        "201 一般公共服务支出 150.00 100.00 50.00",
      ],
      [
        ["sum", "200", "150"],
        ["sum", "100", "50"],
      ],
    ],
    [
      "a dash in a middle cell holds its column's place",
      [
        "表2 部门收入总表",
        "单位：万元",
        "科目编码 科目名称 合计 一般公共预算拨款收入 政府性基金预算拨款收入 事业收入",
        "合计 170.00 100.00 - 50.00",
        "201 一般公共服务支出 150.00 100.00 - 50.00",
      ],
      [
        ["sum", "170", "150"],
        ["sum", "170", "150"],
      ],
    ],
    [
      "一般公共预算财政拨款“三公”经费支出(决算)表 is a “三公” table",
      [
        "一般公共预算财政拨款“三公”经费支出决算表",
        "单位：万元",
        "项目 决算数",
        "合计 9.00",
        "因公出国（境）费 0.00",
        "公务接待费 3.00",
        "公务用车购置及运行维护费 5.00",
      ],
      [["sum", "9", "8"]],
    ],
  ];

  cases.push([
    "0.00万元 in a sentence keeps its decimals: 8.40 against parts of 8.00 is beyond rounding",
    ["七、“三公”经费支出情况说明", "2025年“三公”经费支出预算为8.40万元，其中：因公出国（境）费0.00万元，公务接待费3.00万元，公务用车购置及运行费5.00万元。"],
    [["sum", "8.4", "8"]],
  ]);
  cases.push([
    "a part is looked for first in the table its whole restates (表3's 一般公共服务支出, not 表5's)",
    [
      "表3 部门支出总表",
      "单位：万元",
      "科目编码 科目名称 合计 基本支出 项目支出",
      "合计 150.00 100.00 50.00",
      "201 一般公共服务支出 150.00 100.00 50.00",
      "",
      "表5 一般公共预算支出表",
      "单位：万元",
      "科目编码 科目名称 合计 基本支出 项目支出",
      "合计 100.00 100.00 0.00",
      "201 一般公共服务支出 100.00 100.00 0.00",
      "",
      "三、支出预算情况说明",
      "2025年支出预算150.00万元，其中：一般公共服务支出150.00万元。",
    ],
    [],
  ]);

  it.each(cases)("%s", (_, rows, errors) => {
    expect(errorsOf(rows)).toEqual(errors);
  });

  const gridded: [string, string[], (string | undefined)[][]][] = [
    [
      "小计 totals the lines above it, 合计 the 小计 (a correct table, no error)",
      ["表10 项目支出表", "单位：万元", "项目名称\t合计", "甲\t30.00", "乙\t20.00", "小计\t50.00", "丙\t10.00", "小计\t10.00", "合计\t60.00"],
      [],
    ],
    [
      "codes printed apart (类 | 款 | 项) are one code (a correct table, no error)",
      [
        "表5-1 一般公共预算支出表（分功能科目）",
        "单位：万元",
        "类\t款\t项\t科目名称\t合计",
        "\t\t\t合计\t150.00",
        "201\t\t\t一般公共服务支出\t150.00",
        "201\t03\t\t政府办公厅（室）及相关机构事务\t150.00",
        "201\t03\t01\t行政运行\t100.00",
        "201\t03\t02\t一般行政管理事务\t50.00",
      ],
      [],
    ],
    [
      "其中： on a row of its own opens the numbered items under it (a correct table, no error)",
      [
        "表7 一般公共预算“三公”经费支出表",
        "单位：万元",
        "项目\t预算数",
        "合计\t8.00",
        "公务用车购置及运行费\t5.00",
        "其中：\t",
        "（1）公务用车购置费\t0.00",
        "（2）公务用车运行费\t5.00",
        "公务接待费\t3.00",
      ],
      [],
    ],
  ];

  gridded.push(
    [
      "公务用车购置及运行维护费 is the vehicles' whole, not its 运行维护费 part (合计 9 against 0 + 5 + 3)",
      ["表7 一般公共预算“三公”经费支出表", "单位：万元", "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费", "9.00\t0.00\t5.00\t3.00"],
      [["sum", "9", "8"]],
    ],
    [
      "a sheet's title with its number in a cell of its own (表3 | 部门支出总表 | 单位：万元)",
      ["表3\t部门支出总表\t\t\t单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出", "\t合计\t200\t100\t100", "201\t一般公共服务支出\t150\t100\t50"],
      [
        ["sum", "200", "150"],
        ["sum", "100", "50"],
      ],
    ],
    [
      "a unit printed only in the columns' headers (预算数（万元）)",
      ["表7 一般公共预算“三公”经费支出表", "项目\t预算数（万元）", "合计\t9.00", "公务接待费\t3.00", "公务用车购置及运行费\t5.00"],
      [["sum", "9", "8"]],
    ],
  );

  it.each(gridded)("%s", (_, rows, errors) => {
    const document = documentOf("xlsx", rows);
    const found = checkDisclosureText(document.text, { lang: "en", document }).findings.filter((finding) => finding.severity === "error");
    expect(found.map((finding) => [finding.rule, finding.actual, finding.expected])).toEqual(errors);
  });
});

describe("a workbook's hidden sheets and rows are not the published tables: left out, and said so", () => {
  it("a hidden row with a wrong figure and a hidden sheet give no error, and two not-read notes", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表3 部门支出总表");
    for (const row of [
      ["表3 部门支出总表"],
      ["单位：万元"],
      ["科目编码", "科目名称", "合计"],
      ["合计", "", 150],
      ["201", "一般公共服务支出", 150],
      ["20103", "旧的一行", 999],
    ])
      sheet.addRow(row);
    sheet.getRow(6).hidden = true;
    const old = workbook.addWorksheet("表3 旧版");
    old.addRow(["表3 部门支出总表"]);
    old.state = "hidden";
    const document = await readDocument(Buffer.from(await workbook.xlsx.writeBuffer()), { file: "hidden.xlsx" });
    const unread = (parse(readDeclaration(document).yaml) as Declared).unread ?? [];
    expect(unread.filter((entry) => entry.why === "hidden").map((entry) => entry.text)).toEqual(["表3 部门支出总表!6:6", "表3 旧版"]);
    expect(checkDisclosureText(document.text, { lang: "en", document }).findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });
});

describe("a formula saved without its value shows nothing: said so, not read as blank", () => {
  it("a total cell that is a formula with no value", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表7");
    for (const row of [["表7 一般公共预算“三公”经费支出表"], ["单位：万元"], ["项目", "预算数"], ["合计", 8], ["公务接待费", 3], ["公务用车购置及运行费", 5]])
      sheet.addRow(row);
    sheet.getCell("B4").value = { formula: "SUM(B5:B6)" };
    const document = await readDocument(Buffer.from(await workbook.xlsx.writeBuffer()), { file: "formula.xlsx" });
    const unread = (parse(readDeclaration(document).yaml) as Declared).unread ?? [];
    expect(unread.filter((entry) => entry.why === "formula").map((entry) => entry.text)).toEqual(["表7!B4"]);
  });
});

describe("a PDF's page number is no part of the words around it", () => {
  it("3 at the foot of a page does not join 125.04万元 at the head of the next", () => {
    const lines = [
      ["某中心2025年部门预算", 1],
      ["一、收入预算", 1],
      ["第 1 页", 1],
      ["某中心2025年部门预算", 2],
      ["部门预算收入", 2],
      ["3", 2],
      ["125.04万元，比上年增加25.04万元，增长25.04%。", 3],
      ["第 3 页", 3],
    ] as const;
    const text = lines.map(([line]) => line).join("\n");
    const starts = lines.map((_, index) => lines.slice(0, index).reduce((sum, [line]) => sum + line.length + 1, 0));
    const document: DocumentText = {
      kind: "pdf",
      text,
      locate: (offset) => {
        const index = starts.filter((start) => start <= offset).length - 1;
        return { kind: "pdf", page: lines[index]?.[1] ?? 1, line: index + 1, column: 1 };
      },
    };
    const yaml = readDeclaration(document).yaml;
    expect(yaml).not.toContain("3125.04");
    expect(yaml).toContain("amount: 125.04");
  });
});

describe("a table of contents takes no table's id", () => {
  it("表3 listed in a 目录 and printed later: the printed one is t3", () => {
    const tables = declared("text", [
      "目录",
      "表3 部门支出总表",
      "表5 一般公共预算支出表",
      "正文",
      "表3 部门支出总表",
      "单位：万元",
      "科目编码 科目名称 合计",
      "合计 150.00",
      "201 一般公共服务支出 150.00",
    ]).tables;
    expect(tables?.map((table) => table.id)).toEqual(["t3"]);
  });
});

describe("a “三公” table of one row a year", () => {
  it("the latest year's row is the total, and the narrative is compared with it (9.00 and 4.00 against 8.00 and 3.00)", () => {
    const document = documentOf("xlsx", [
      "表7 一般公共预算“三公”经费支出表",
      "单位：万元",
      "项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费",
      "2024年预算数\t10.00\t0.00\t6.00\t4.00",
      "2025年预算数\t8.00\t0.00\t5.00\t3.00",
      "七、“三公”经费支出情况说明",
      "2025年“三公”经费支出预算为9.00万元，其中：因公出国（境）费0.00万元，公务接待费4.00万元，公务用车购置及运行维护费5.00万元。",
    ]);
    const errors = checkDisclosureText(document.text, { lang: "en", document })
      .findings.filter((finding) => finding.severity === "error" && finding.rule === "statement")
      .map((finding) => [finding.actual, finding.expected]);
    expect(errors).toEqual([
      ["9", "8"],
      ["4", "3"],
    ]);
  });
});
