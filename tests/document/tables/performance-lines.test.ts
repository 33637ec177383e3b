import { describe, expect, it } from "vitest";
import type { DocumentText } from "../../../src/document/formats/document.js";
import { gridOf } from "../../../src/document/tables/grid.js";
import { indicatorsFromLines, projectFromLines, sidesFromLines } from "../../../src/document/tables/performance-lines.js";

/** A text of lines; on a "page", each character stands 10 wide at its column, as a PDF's text layer places it. */
function rowsOf(lines: readonly string[], placed = false) {
  const text = lines.join("\n");
  const document: DocumentText = { kind: placed ? "pdf" : "text", text, locate: () => ({ kind: "text", line: 1, column: 1 }) };
  if (placed) {
    const columnOf = (offset: number) => offset - (text.lastIndexOf("\n", offset - 1) + 1);
    document.positionOf = (offset) => ({ x0: columnOf(offset) * 10, x1: columnOf(offset) * 10 + 10, size: 10 });
  }
  return gridOf(document);
}

/** Indicators as `name: back→value …` (back: 0 this year, -1 last year, -2 the year before). */
const indicators = (lines: readonly string[], placed = false) =>
  indicatorsFromLines(rowsOf(lines, placed)).map(
    (indicator) => `${indicator.name}: ${[...indicator.values].map(([back, cell]) => `${back}→${cell.text}`).join(" ")}`,
  );

describe("a performance table's indicators printed as lines of words", () => {
  const cases: [string, string[], string[]][] = [
    [
      "name, measure and a value for each year on one line (表11 as a PDF is copied to text)",
      ["一级指标 二级指标 三级指标 指标值", "前年 上年 当年", "招聘活动场次 举办场次 39 9 6", "促进就业率 就业率 增加 增加 增加"],
      ["招聘活动场次: -2→39 -1→9 0→6", "促进就业率: -2→增加 -1→增加 0→增加"],
    ],
    [
      "a name wrapped over lines above its values, the 一级/二级指标 set among them (表12 as copied)",
      ["前年 上年", "预计当年", "实现", "产出指标", "数量指标", "招聘活动", "场次", "39 10 6", "质量指标", "促进就业", "率", "增加 增加 增加"],
      ["招聘活动场次: -2→39 -1→10 0→6", "促进就业率: -2→增加 -1→增加 0→增加"],
    ],
    [
      "where rows print name and measure, a row of the measure alone has its name wrapped above",
      ["前年 上年 当年", "招聘活动场次 举办场次 39 9 6", "帮代办效率 工作效率 提升 提升 提升", "行业培训＼活", "动场次", "举办场次 86 150 70"],
      ["招聘活动场次: -2→39 -1→9 0→6", "帮代办效率: -2→提升 -1→提升 0→提升", "行业培训\\活动场次: -2→86 -1→150 0→70"],
    ],
    ["a measure word after the figures is no value", ["前年 上年 当年", "主流媒体宣传 60 70 60 篇"], ["主流媒体宣传: -2→60 -1→70 0→60"]],
    ["a value missing in a line of words: which year is blank cannot be told, not read", ["前年 上年 当年", "邀约人才数量 邀约数量 500"], []],
    ["the same name twice: no name to compare by", ["前年 上年 当年", "场次 39 9 6", "场次 40 10 7"], []],
    ["no 前年 | 上年 | 当年 header: nothing read", ["一级指标 二级指标 三级指标 指标值", "招聘活动场次 举办场次 39 9 6"], []],
  ];
  it.each(cases)("%s", (_, lines, expected) => {
    expect(indicators(lines)).toEqual(expected);
  });

  it("on a page, each value stands under its year's header, and a blank year is left out", () => {
    const page = ["一级指标  三级指标          前年  上年  当年", "产出指标  邀约人才数量                500", "          招聘活动场次    39  9   6"];
    expect(indicators(page, true)).toEqual(["邀约人才数量: 0→500", "招聘活动场次: -2→39 -1→9 0→6"]);
  });
});

describe("a 部门整体支出绩效目标表's 收入构成 and 支出构成 printed as lines of words", () => {
  const table = [
    "总体资金情况 当年金额 占比",
    "近两年收支金额",
    "2023 年 2024 年",
    "收入",
    "构成",
    "财政拨款 825.04 100% 1435.1 471.19",
    "单位资金",
    "合 计 825.04 100% 1435.1 471.19",
    "支出",
    "构成",
    "人员类项目支出 373.45 45.26% 379.96 309.64",
    "特定目标类项目支",
    "出",
    "451.59 54.74% 1055.14 161.55",
    "合 计 825.04 100% 1435.1 471.19",
  ];

  it("each side's 合计 with its parts, their shares and the two years before", () => {
    const sides = sidesFromLines(rowsOf(table)).map((side) => ({
      id: side.id,
      history: Object.fromEntries([...(side.history ?? [])].map(([year, amount]) => [year, amount.value])),
      parts: side.lines.map((line) => `${line.name} ${line.amounts.get("total")?.value} ${line.share?.value}`),
    }));
    expect(sides).toEqual([
      { id: "income", history: { 2023: "1435.1", 2024: "471.19" }, parts: ["财政拨款 825.04 100%"] },
      { id: "expenditure", history: { 2023: "1435.1", 2024: "471.19" }, parts: ["人员类项目支出 373.45 45.26%", "特定目标类项目支出 451.59 54.74%"] },
    ]);
  });

  it("a row missing a figure ends the reading: what follows is not guessed", () => {
    const short = table.map((line) => (line.startsWith("人员类") ? "人员类项目支出 373.45 45.26% 379.96" : line));
    expect(sidesFromLines(rowsOf(short)).map((side) => side.id)).toEqual(["income"]);
  });
});

describe("a 项目支出绩效目标表's project printed as lines of words", () => {
  it.each([
    [
      "key and value on lines of their own, the name wrapped",
      [
        "项目名称",
        "科创企业和人才服务专项",
        "经费",
        "项目编码",
        "项目总预算 81.5 项目当年预算 81.5",
        "项目前两年预算及当",
        "年预算变动情况",
        "2023 年预算金额 950 万，2024 年预算金额 101.5 万，2025 年预计 81.5 万",
      ],
      { name: "科创企业和人才服务专项经费", budget: "81.5", amount: "81.5", history: { 2023: "950", 2024: "101.5", 2025: "81.5" } },
    ],
    [
      "the value set between the two halves of its key (a PDF centres a merged cell's words)",
      [
        "项目名称 创新发展和人才服务基地专项 项目编码",
        "项目总预算 307 项目当年预算 307",
        "项目前两年预算及当年",
        "2023 年预算 750 万，2024 年预算 0，2025 年预算 307",
        "预算变动情况",
        "来源项目 金额",
      ],
      { name: "创新发展和人才服务基地专项", budget: "307", amount: "307", history: { 2023: "750", 2024: "0", 2025: "307" } },
    ],
  ])("%s", (_, lines, expected) => {
    const project = projectFromLines(rowsOf(lines));
    expect({
      name: project?.name,
      budget: project?.budget?.value,
      amount: project?.amount?.value,
      history: Object.fromEntries([...(project?.history ?? [])].map(([year, amount]) => [year, amount.value])),
    }).toEqual(expected);
  });

  it("each earlier year's budget is placed at its own figure", () => {
    const text = "项目名称 甲项目 项目前两年预算及当年预算变动情况 2023 年预算 750 万";
    const figure = projectFromLines(rowsOf([text]))?.history.get(2023)?.cell;
    expect(figure && text.slice(figure.start, figure.end)).toBe("750");
  });

  it("no 项目名称: no project", () => {
    expect(projectFromLines(rowsOf(["项目总预算 81.5"]))).toBeUndefined();
  });
});
