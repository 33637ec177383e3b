import { describe, expect, it } from "vitest";
import { templateOf } from "../../../src/document/tables/catalogue.js";

/** Titles as printed on published pages and in exported workbooks, and the template each names. */
const titles: [string, string | undefined][] = [
  ["表 1.部门收支总表", "summary"],
  ["附表3 部门支出总表", "expenditure"],
  ["表2 部门收入总表", "income"],
  ["2025年部门预算收支总表（单位：万元）", "summary"],
  ["部门收支总表 单位：万元", "summary"],
  ["3.15部门收支总表", "summary"],
  ["表 4.财政拨款收支总表", "appropriation"],
  ["4.2023年财政拨款收支预算总表", "appropriation"],
  ["表5-1.一般公共预算支出表(分功能科目)", "general-by-function"],
  ["表5-2.一般公共预算支出表(分单位)", "general-by-unit"],
  ["一般公共预算财政拨款支出决算表", "general-by-function"],
  ["表6一般公共预算基本支出表", "general-basic"],
  ["表 7.一般公共预算“三公”经费支出表", "three-public"],
  ["2024年市级“三公”经费预算表", "three-public"],
  ["3.25部门“三公”经费和机关运行经费预算表", "three-public"],
  ["表8.政府性基金预算支出表", "government-fund"],
  ["表9 国有资本经营预算支出表", "state-capital"],
  ["表 10.项目支出情况表", "projects"],
  ["表 11.整体支出绩效目标表", "performance-overall"],
  ["表12-1.项目支出绩效目标表", "performance-project"],
  ["部门项目申报表(含绩效目标)", "performance-project"],
  ["政府采购预算表", "procurement"],
  // Not a title: a list of two, a sentence naming a table, a heading of the narrative.
  ["1、收支总表 23、一般公共预算基本支出表", undefined],
  ["本部门2025年收支总表见附件，收入预算825.04万元", undefined],
  ["三、支出预算安排情况", undefined],
];

describe("a printed title names its template, after width, punctuation, numbering, year and unit are set aside", () => {
  it.each(titles)("%s → %s", (title, kind) => {
    expect(templateOf(title)?.kind).toBe(kind);
  });
});
