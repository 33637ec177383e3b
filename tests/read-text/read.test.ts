import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/document/sentences/figures.js";
import { normalise } from "../../src/document/text/normalise.js";
import { readDisclosure, type Relation } from "../../src/document/sentences/read.js";
import { quoted } from "./corpus-source.js";

const show = (figure: Figure | undefined) => figure?.text ?? "-";

/** A relation in a line: what was read, with the figures as printed (normalised). */
function describe_(relation: Relation): string {
  switch (relation.kind) {
    case "growth":
      return `growth ${show(relation.subject)} prior ${show(relation.prior)} ${relation.change?.word ?? ""}${show(relation.change)} ${relation.rate?.word ?? ""}${show(relation.rate)}`;
    case "unchanged":
      return `unchanged ${show(relation.subject)}`;
    case "share":
      return `share ${show(relation.part)} of ${relation.whole ? show(relation.whole) : relation.parts ? `Σ(${relation.parts.map(show).join(" + ")})` : "-"} = ${show(relation.share)}`;
    case "sum":
      return `sum ${show(relation.whole)} ${relation.complete ? "=" : "≥"} ${relation.parts.map(show).join(" + ")}${relation.ambiguous ? " (ambiguous)" : ""}`;
    case "count":
      return `count ${relation.stated}: ${relation.names.join("、")}`;
    case "restated":
      return `restated ${relation.label}: ${show(relation.first)} then ${show(relation.second)}`;
    case "year":
      return `year ${relation.stated} of ${relation.expected}`;
    case "breakdown":
      return `breakdown ${show(relation.total)} = ${relation.parts.map((part) => `${part.word}${show(part)}`).join(" ")}`;
    case "product":
      return `product ${show(relation.count)} × ${show(relation.rate)} = ${show(relation.total)}`;
  }
}

const read = (text: string) => {
  const reading = readDisclosure(text);
  return { relations: reading.relations.map(describe_), unread: reading.unread.map((unread) => unread.excerpt) };
};

describe("normalising keeps every offset into the original", () => {
  it.each([
    ["全角 ８２５．０４ 万元，增长７５．１％", "全角825.04万元,增长75.1%"],
    ["2011年总收入6,198万元", "2011年总收入6198万元"],
    ["增长1,055.4%", "增长1055.4%"],
    ["一般公共服务支出2713623.00,34.60%", "一般公共服务支出2713623.00,34.60%"],
    ["增长2.1 %,增加 26.17 万元", "增长2.1%,增加26.17万元"],
    ["拨款 8\n25.04 万元", "拨款825.04万元"],
    ["合计\n404.77\n1.工资", "合计\n404.77\n1.工资"],
    ["字体:【    】 打印\n扫一扫在手机打开当前页", "字体:打印\n"],
    ["a\r\nb\rc", "a\nb\nc"],
    // A Word or Excel table's cells, between tabs; an indent is not a cell.
    ["\t项目\t预算数\n合计\t1100\t1000", "项目|预算数\n合计|1100|1000"],
  ])("%j → %j", (text, expected) => {
    const normalised = normalise(text);
    expect(normalised.text).toBe(expected);
    for (const [index, char] of [...normalised.text].entries()) {
      const original = text[normalised.origin[index] ?? -1] ?? "";
      if (char !== "\n") expect(original.normalize("NFKC").replace("，", ",").replace("\t", "|")).toBe(char);
    }
  });
});

describe("each recogniser, on real sentences", () => {
  it.each([
    // growth: amount, change, rate; rate before change; 同比; prior after 对比
    ["fangchenggang-ggzyjy-2018", "2018年收入总预算317.6万元,同比增加8.25万元,同比增长2.8%。", ["growth 317.6万元 prior - 增加8.25万元 增长2.8%"]],
    [
      "daying-jinyuan-2023",
      "2023年,大英县金元镇人民政府的机关运行经费财政拨款预算为46.8万元,较2022年预算增加15.60万元,增长33.33%。",
      ["growth 46.8万元 prior - 增加15.60万元 增长33.33%"],
    ],
    ["youxian-zfb-2022-sangong", "2022游仙区政府办“三公”经费财政拨款预算数9万元,较2021年预算下降40%,减少6万元。", ["growth 9万元 prior - 减少6万元 下降40%"]],
    [
      "shenzhen-zfbgt-2011",
      "市政府办公厅系统2011年总收支比上年减少30.7%,对比2010年预算批复数8,946万元减少了2,748万元,",
      ["growth - prior 8946万元 减少2748万元 减少30.7%"],
    ],
    [
      "fuling-jiaoshi-2020-sangong",
      "经比较2020年度镇本级“三公”经费41万元,较上年减少19万元,下降43.78% ,较年初预算数减少4万元,下降2.2%。",
      ["growth 41万元 prior - 减少19万元 下降43.78%", "growth 41万元 prior - 减少4万元 下降2.2%"],
    ],
    [
      "qinan-sixiao-2022",
      "2022年财政拨款收支总预算 1259.94 万元,比2021年预算增加 26.17 万元,增长2.1 %,",
      ["growth 1259.94万元 prior - 增加26.17万元 增长2.1%"],
    ],
    // the subject of a change after a list closed by “;” is the list's total, not its last part
    [
      "ningxia-jiguanju-2013",
      "机管局2013年收支总预算4,471.22万元,含区泾河源山庄管理处经费250万元,政府机关幼儿园经费537.31万元;比2012年预算增加755.18万元,增长20.32%。",
      ["sum 4471.22万元 ≥ 250万元 + 537.31万元", "growth 4471.22万元 prior - 增加755.18万元 增长20.32%"],
    ],
    // the change in a sentence of its own after the rate
    ["youxian-zfb-2022-sangong", "公务用车运行维护费预算安排8万元,较2021年预算下降42.86%。减少6万元。", ["growth 8万元 prior - 减少6万元 下降42.86%"]],
    // unchanged
    ["youxian-zfb-2022-sangong", "2022年预算安排1万元,与2021年预算持平。", ["unchanged 1万元"]],
    ["qinan-sixiao-2022", "一般公共服务支出 0 万元,比2021年预算增加/减少 0 万元,增长/下降 0 %", ["growth 0万元 prior - 增加/减少0万元 增长/下降0%"]],
    // shares: of a 其中 total, “完成预算 W 的 P%”, shares of one sentence adding to 100%
    [
      "yinzhou-minglou-chc-2021",
      "本单位2021年收入预算11654.33万元,其中:一般公共预算拨款收入3225万元,占27.67%;事业收入 8000万元,占68.64%;其他收入300万元,占2.58%;上年结转 129.33万元,占1.11%。",
      [
        "sum 11654.33万元 = 3225万元 + 8000万元 + 300万元 + 129.33万元",
        "share 3225万元 of 11654.33万元 = 27.67%",
        "share 8000万元 of 11654.33万元 = 68.64%",
        "share 300万元 of 11654.33万元 = 2.58%",
        "share 129.33万元 of 11654.33万元 = 1.11%",
      ].map((line) => (line.startsWith("sum") ? line.replace(" = ", " ≥ ") : line)),
    ],
    [
      "guangdong-czt-sangong-juesuan-2023",
      "2023年度“三公”经费财政拨款支出决算中,因公出国(境)费12.02万元,占19.4%;公务用车购置及运行维护费支出27.46万元,占44.2%;公务接待费支出22.59万元,占36.4%。",
      [
        "share 12.02万元 of Σ(12.02万元 + 27.46万元 + 22.59万元) = 19.4%",
        "share 27.46万元 of Σ(12.02万元 + 27.46万元 + 22.59万元) = 44.2%",
        "share 22.59万元 of Σ(12.02万元 + 27.46万元 + 22.59万元) = 36.4%",
      ],
    ],
    // 其中 lists: complete by naming every component, brackets, a bound, a sibling that ends the list
    [
      "fuling-jiaoshi-2020-sangong",
      "2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费21万元(公务用车购置费0万元、公务用车运行维护费21万元),公务接待费20万元。",
      ["sum 21万元 = 0万元 + 21万元", "sum 41万元 = 0万元 + 21万元 + 20万元"],
    ],
    [
      "panlong-rendaban-2017",
      "2017年部门经费预算7464053元,基本支出4566793元,其中工资福利支出(人员支出)3265013元,商品和服务支出(公用支出)843942元,对个人和家庭补助支出(人员支出)457838元;项目支出(专项工作经费支出)2897260元。",
      ["sum 4566793元 ≥ 3265013元 + 843942元 + 457838元"],
    ],
    [
      "tianjin-weishengju",
      "部门支出预算919543.7万元,其中:教育7043.8万元,主要用于所属职业院校基本支出;科学技术4256.5万元,主要用于所属科研院所基本支出;医疗卫生908055.4万元,主要用于卫生资源布局调整贷款贴息5000万元、二级以上公立医院社会保险补贴4260万元、公立医院医保制度改革3375万元、卫生人才培养经费1000万元等项目支出,医疗卫生机构事业支出以及本部门基本支出;环境保护188万元,主要用于示范工程项目可再生能源补助。",
      ["sum 919543.7万元 ≥ 7043.8万元 + 4256.5万元 + 908055.4万元 + 188万元"],
    ],
    ["fangchenggang-ggzyjy-2018", "管理岗位4人(其中:管理八级2人,管理9级2人);", ["sum 4人 ≥ 2人 + 2人"]],
    // counts
    [
      "tongliang-xinfang-2024",
      "内设综合科、来信来访科、信访稳定协调科、督查科四个科室和下属事业单位1个重庆市铜梁区信访投诉受理中心。",
      ["count 4: 综合科、来信来访科、信访稳定协调科、督查科"],
    ],
    [
      "wulong-jcy-2023",
      "本部门现有内设机构8个,包括办公室、政治部、检察一部、检察二部、检察三部、检察四部、检察五部、检察六部。",
      ["count 8: 办公室、政治部、检察一部、检察二部、检察三部、检察四部、检察五部、检察六部"],
    ],
    ["xizang-hulu-2025", "下设2个事业机构(综合保障中心、教育培训中心)", ["count 2: 综合保障中心、教育培训中心"]],
    // breakdowns: a change explained by its main parts (主要是…), in its sentence or the next
    [
      "changshou-tuanquwei-2023",
      "收入较去年增加157.93万元,主要是一般公共预算拨款增加170.68万元,政府性基金预算拨款收入减少12.75万元。",
      ["growth - prior - 增加157.93万元 -", "breakdown 157.93万元 = 增加170.68万元 减少12.75万元"],
    ],
    [
      "tongliang-xinfang-2024",
      "2024年年初预算数1062.12万元,比2023年支出减少104.67万元。主要是项目支出预算减少115.5万元,基本支出预算增加10.83万元。",
      ["growth 1062.12万元 prior - 减少104.67万元 -", "breakdown 104.67万元 = 减少115.5万元 增加10.83万元"],
    ],
    // a count times a rate, the total after it (计) or before it (按…测算)
    ["panlong-rendaban-2017", "测算标准:268名代表,年人均2400元计643200元。", ["product 268名 × 2400元 = 643200元"]],
    [
      "panlong-rendaban-2017",
      "10、 街道人大工委代表工作联络指导经费120000元,按12家街道工委每家10000元测算,同上年。",
      ["unchanged 120000元", "product 12家 × 10000元 = 120000元"],
    ],
  ])("%s: %s", (folder, sentence, relations) => {
    expect(read(quoted(folder, sentence)).relations).toEqual(relations);
  });
});

describe("what is not read is said, never guessed", () => {
  it.each([
    ["panlong-rendaban-2017", "代表活动及视察经费以268名代表,年人均2000元测算。", ["年人均2000元测算。"]],
    ["youxian-zfb-2022-sangong", "减少6万元。", ["减少6万元。"]],
    ["cq-shiji-sangong-2024", "合计 |\n6.08 |\n因公出国(境)费 |\n0.66 |", ["合计| 6.08| 因公出国(境)费| 0.66"]],
  ])("%s: %j", (folder, sentence, unread) => {
    expect(read(quoted(folder, sentence)).unread).toEqual(unread);
  });

  it("a table from a Word or Excel file, its cells between tabs, is not read and says so", () => {
    expect(read("收支总表(单位:万元)\n项目\t预算数\t上年数\n合计\t1100\t1000\n基本支出\t600\t500\n").unread).toEqual(["项目|预算数|上年数 合计|1100|1000 "]);
  });

  it.each([
    ["cq-shiji-sangong-2024", "[成文日期 ]\n2024-02-01"],
    ["yinzhou-minglou-chc-2021", "索引号 002969720/2022-100191"],
    ["fuling-jiaoshi-2020-sangong", "公务用车购置及运行维护费21 万元,"],
  ])("%s: %j has nothing unread (no figures, or one plain figure)", (folder, sentence) => {
    expect(read(quoted(folder, sentence))).toEqual({ relations: [], unread: [] });
  });
});
