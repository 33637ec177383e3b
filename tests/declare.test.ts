import { describe, expect, it } from "vitest";
import { declarationText } from "../src/document/declare/declaration-text.js";
import { readDisclosure } from "../src/document/sentences/read.js";
import { checkText } from "../src/run/check-text.js";

/** The declaration import writes for a text, every figure placed at its offset. */
function declared(text: string): string {
  return declarationText({ original: text, reading: readDisclosure(text), place: (offset) => `offset ${offset}` });
}

/** Sentences of the corpus whose declaration stated a relation the text does not (issue 12), and what it states now. */
const cases: { name: string; text: string; contains: string[]; lacks: string[] }[] = [
  {
    name: "a figure is named by its own words: not its comparison, not the figure listed before it (鄂尔多斯 2022, 涪陵区焦石镇 2020)",
    text: "公务接待较上年同期减少0.58万元,减少4.68%。公务用车购置及运行维护费21万元(公务用车购置费0万元、公务用车运行维护费21万元)。",
    contains: ["name: 公务接待 #", "name: 公务用车购置费 #", "name: 公务用车运行维护费 #"],
    lacks: ["name: 公务接待较", "name: 公务用车购置及运行维护费21万元"],
  },
  {
    name: "an amount whose clause names nothing is named by its heading (游仙区政府办 2022)",
    text: "(三)公务用车购置及运行维护费\n2022年预算安排8万元,较2021年预算下降42.86%。",
    contains: ["name: 公务用车购置及运行维护费 #"],
    lacks: ['name: "8万元"'],
  },
  {
    name: "a change with no subject declares no amount: its value is the change's (鄂尔多斯 2022)",
    text: "2022年度“三公”经费预算较2021年度增加1.68万元,其中公务接待较上年同期减少0.58万元,减少4.68%。公务用车运行费用较上年同期增加2.27万元,增长29.37%。",
    contains: ["change: -0.58\n        growth: -4.68%", "change: 2.27\n        growth: 29.37%"],
    lacks: ["amount: 0.58", "amount: 2.27"],
  },
  {
    name: "a prior and a change with no subject: the prior's clause is not an amount (深圳市政府办公厅 2011)",
    text: "市政府办公厅系统2011年总收支比上年减少30.7%,对比2010年预算批复数8,946万元减少了2,748万元,主要原因是自2011年起,市信访局(原市信访办)因机构改革,其部门预算不再纳入我厅汇总。",
    contains: ["prior: 8946\n        change: -2748\n        growth: -30.7%"],
    lacks: ["amount: 2748"],
  },
  {
    name: "a change in the next sentence: the statement runs to it (游仙区政府办 2022)",
    text: "公务用车运行维护费预算安排8万元,较2021年预算下降42.86%。减少6万元。主要原因是厉行节约。",
    contains: ['text: "公务用车运行维护费预算安排8万元,较2021年预算下降42.86%。减少6万元。"', "change: -6"],
    lacks: [],
  },
  {
    name: "持平 at 0 is not declared unchanged: it would state 0.00% on a prior of 0 (游仙区政府办 2022)",
    text: "公务用车购置费预算安排0万元,与2021年预算持平\n",
    contains: ["amount: 0", "why: unchanged-at-zero"],
    lacks: ["unchanged: true"],
  },
  {
    name: "a second breakdown of the same total restates it with its own parts (秦安县 2022)",
    text: "2022年基本支出 1259.94 万元,比2021年预算增加26.17 万元,增长 2.1 %。包括:一般公共预算拨款1259.94万元。具体是:教育支出1259.94万元,社保障和就业支出0万元。",
    contains: ["id: n1", "name: 一般公共预算拨款", "- restates: narrative/n1", "name: 教育支出"],
    lacks: ["unread:"],
  },
  {
    name: "a count written in words is not declared: the text prints no digit for it (铜梁区信访办 2024)",
    text: "内设综合科、来信来访科、信访稳定协调科、督查科四个科室和下属事业单位1个重庆市铜梁区信访投诉受理中心。",
    contains: ["unread:\n  - text: 内设综合科、来信来访科、信访稳定协调科、督查科四 #", "why: count-in-words"],
    lacks: ["count: 4", "items: [综合科"],
  },
  {
    name: "an amount printed in 元 in a 万元 text declares its unit, and a part in 万元 under it says so",
    text: "“三公”经费预算1.25万元,其中:公务接待费2500元,公务用车运行维护费1万元。公务接待费2600元,比上年增加100元,增长4%。",
    contains: [
      "amount: 2500\n            precision: 0\n            unit: 元",
      "amount: 2600\n        change: 100\n        precision: 0\n        growth: 4%\n        unit: 元",
    ],
    lacks: ["why: unit"],
  },
];

describe("import: what a sentence declares", () => {
  it.each(cases)("$name", ({ text, contains, lacks }) => {
    const yaml = declared(text);
    for (const part of contains) expect(yaml).toContain(part);
    for (const part of lacks) expect(yaml).not.toContain(part);
    expect(checkText(yaml).findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });
});
