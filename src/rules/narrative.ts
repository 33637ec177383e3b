import type { Text } from "../text.js";
import { declarationExample, defineRule, type Messages } from "./rule.js";

/** Why the reader left something out (schema `unread.why`, which a test holds to these keys), in words. */
export const unreadReasons = {
  "no-relation": { zh: "没有识别出其中数字之间的关系", en: "no relation between its figures was recognised" },
  table: { zh: "表格中的数字不读", en: "a table's figures are not read" },
  unit: { zh: "金额没有印单位，或单位无法按声明的单位表述", en: "the amount's unit is not printed, or is not one the declaration can state" },
  direction: { zh: "没有说明是增加还是减少", en: "it does not say whether it is an increase or a decrease" },
  "unchanged-at-zero": { zh: "0 与上年持平：上年为 0，没有增长率可言", en: "unchanged at 0: a prior of 0 has no growth rate" },
  "change-in-words": { zh: "用文字说增减（持平、无变化），没有写是哪个数字", en: "a change stated in words (持平, 无变化) without the figure it is about" },
  "no-list-total": { zh: "“其中”列表没有写总数", en: "a 其中 list whose total is not stated" },
  "nested-list": { zh: "嵌套的“其中”列表没有结束的标志，哪些是它的组成部分不清楚", en: "a nested 其中 list that does not end, so its parts are not clear" },
  "incomplete-list": {
    zh: "列表写明是全部组成，但有一项没有读出，只按不超过总数核对",
    en: "the list says it is complete but a part is not read, so it is checked only as a bound",
  },
  "share-of-nothing": { zh: "占比没有对应的金额", en: "the share names no amount it is the share of" },
  "count-in-words": { zh: "个数用汉字书写", en: "the count is written in words, not digits" },
  "main-changes": {
    zh: "用主要部分的增减说明总增减（主要是……），声明格式无法表述",
    en: "a change explained by its main parts' changes (主要是…), which the format cannot state",
  },
  "not-a-product": { zh: "不是整数个数乘以与总额同单位的标准", en: "not a whole count times a rate in the total's unit" },
  "second-comparison": {
    zh: "同一数字的第二个比较（如与 2019 年相比），声明格式只写与上年的一个比较",
    en: "a second comparison of the same figure (against another year), which the format cannot state beside the first",
  },
  "too-precise": { zh: "小数位超过 6 位，声明格式不接受", en: "more than 6 decimals, which the format does not take" },
  "table-unit": {
    zh: "表格没有印金额单位，或与其他表的单位不同：不猜，不核对",
    en: "the table prints no unit, or another unit than the other tables: not guessed, not checked",
  },
  "table-columns": { zh: "表格的栏无法按表头分辨：不猜，不核对", en: "the table's columns cannot be told apart by their headers: not guessed, not checked" },
  "table-row": {
    zh: "表格的这一行无法按栏读出（数字个数与栏数不符）",
    en: "this row of the table cannot be read by columns (its figures do not match the columns)",
  },
  "table-partly-read": {
    zh: "表格有行无法按栏读出：整张表不核对，以免把漏读的行当作差额",
    en: "some rows of the table cannot be read by columns: the whole table is not checked, lest a row missed look like a discrepancy",
  },
  "table-no-rows": { zh: "只印了表名，没有读出数据行", en: "only the table's title is printed; no rows with figures were read" },
  hidden: { zh: "隐藏的工作表或行：不是公开的内容，未读", en: "a hidden sheet or row: not what is published, not read" },
  formula: { zh: "公式没有保存计算结果：单元格显示为空，未读", en: "a formula saved without its value: the cell shows nothing, not read" },
  "out-of-range": {
    zh: "超出读取范围的单元格（第 1,024 列即 AMJ 列以后，或 Excel 最后一行以后）：公开表不会排到这里，未读",
    en: "cells beyond the last column read (after the 1,024th, AMJ) or Excel's last row: no published table reaches there, not read",
  },
  "table-link": {
    zh: "两行表格都可能是它所重述的数字：不猜，不与表格核对",
    en: "two lines of a table could be the figure it restates: not guessed, not compared with the table",
  },
  "page-limit": {
    zh: "PDF 的页数超过读取上限，其后的页未读",
    en: "the PDF has more pages than the reading budget: the pages after it are not read",
  },
  "memory-limit": {
    zh: "读取这些 PDF 页所需的内存超过上限：未读",
    en: "reading these pages of the PDF needs more memory than the budget: not read",
  },
  "time-limit": {
    zh: "读取 PDF 的时间超过上限，这些页未读",
    en: "reading the PDF took longer than the budget: these pages are not read",
  },
  "rotated-text": {
    zh: "PDF 这一页的文字是旋转或竖排的，无法按行排出阅读顺序：不猜，未读",
    en: "the text of this PDF page is rotated or vertical, so its lines cannot be put in reading order: not guessed, not read",
  },
  "two-columns": {
    zh: "PDF 这一页分两栏排版，按行读会把两栏的句子拼在一起：不猜，未读",
    en: "this PDF page is set in two columns, which read by lines would join the sentences of both: not guessed, not read",
  },
  "amount-in-words": {
    zh: "金额用汉字书写，或只写“万”“亿”而没有“元”：数值不读，它所在的关系不核对",
    en: "the amount is written in Chinese numerals, or with 万/亿 and no 元: its value is not read, nor any relation it is in",
  },
  "split-digits": {
    zh: "数字中间有空格，但不是每三位一组的千分位：不猜是一个数还是两个数，不核对",
    en: "the digits are split by a space that is no thousands separator (groups of three): not guessed as one number or two, not checked",
  },
  "performance-table": {
    zh: "绩效目标表中没有读出收支构成、项目或带各年指标值的指标",
    en: "no composition, project or indicator with its years' values was read from the performance target table",
  },
} satisfies Record<string, Text>;

/** A reason an entry of `unread` gives. */
export type UnreadWhy = keyof typeof unreadReasons;

const messages = {
  "not-read": {
    severity: "info",
    text: {
      zh: "未读：{text}（{why}；其中的数字未核对）",
      en: "Not read: {text} ({why}; its figures were not checked)",
    },
  },
} satisfies Messages;

/**
 * What the reader of a disclosure did not read. `import` lists it in the declaration (`unread`), so that
 * checking the document and checking the declaration read from it say the same.
 */
export const narrative = defineRule({
  id: "narrative",
  meta: {
    name: "NarrativeFullyRead",
    description: {
      zh: "从原文读出的声明中列为未读（unread）的内容：含数字但没有读出关系的句子、表格，以及读到但格式无法表述的内容，逐项提示，从不静默丢弃。",
      en: "What reading the document left out, as the declaration read from it lists it (unread): sentences and tables with figures whose relations were not read, and what was read but the format cannot state; each is info, never dropped silently.",
    },
    defaultSeverity: "info",
    example: {
      failing: declarationExample(`
        excerpt: true
        unread:
          - text: 人员经费和公用经费分别安排 120 万元、30 万元
            why: no-relation
      `),
      passing: declarationExample(`
        excerpt: true
        statements:
          - text: 基本支出 150 万元，其中：人员经费 120 万元，公用经费 30 万元。
            figures:
              - name: 基本支出
                amount: 150
                complete: true
                parts:
                  - { name: 人员经费, amount: 120 }
                  - { name: 公用经费, amount: 30 }
      `),
    },
    docs: {
      zh: "check 读取情况说明原文（.txt、.docx、.pdf、.xlsx）时，先像 import 一样把读懂的句子写成声明，再用与 YAML 相同的规则检查，发现指回原文的位置。读取前先规范化：全角数字和标点转为半角，繁体字转为简体（并去掉镜像网站加注的拼音），去掉数字中的千分位逗号和空格、被换行拆开的数字、页面杂项（【打印】、扫一扫在手机打开当前页）。只识别固定句式：“X 万元，比/较上年增加/减少 Y 万元，增长/下降 Z%”；“与上年持平”；“A 万元，占（…的）P%”（整体为所在“其中”列表的总数，或“完成预算 W 万元的 P%”中的 W）；“X 万元，其中：A a 万元，B b 万元……”（写明“分别为”“划分为”，或列出基本支出和项目支出、三公经费的三项等全部组成时按等式核对，否则只核对各项之和不超过 X）；“X 万元，其中：”之后逐行写出的组成；“主要用于以下方面：”列出的用途；“按功能分类……按经济分类……”是同一总数的两种分解；“占本年支出合计的 P%”按名称找到前文所述的整体；“…收入完成 A，加上 B、C，收入合计 T”（T = A + B + C）；“与 2019 年 X 万元相比”中的 X 是上年数；“内设 A、B、C 3 个科室”；“纳入……N 年度部门预算范围”；“268 名代表，年人均 2400 元计 643200 元”；同一名称前后两次写出的金额。年份、日期、索引号不是数字。含金额或百分比而没有读出关系的句子、表格，以及读到但声明格式无法表述的内容（如“主要是……”的增减说明）都列入声明的 unread，并由本规则逐项提示，从不猜测关系。",
      en: "When check reads a budget explanation itself (.txt, .docx, .pdf, .xlsx), it first writes what it understood as a declaration, as import does, then checks it with the same rules as any YAML, and points each finding back into the document. The text is normalised first: full-width digits and punctuation to half-width, traditional characters to simplified (with a mirror site's pinyin dropped), no thousands separators or spaces inside figures, no line break splitting a number, no page debris (【打印】, 扫一扫在手机打开当前页). Only formulaic wording is read: “X 万元, 比/较上年增加/减少 Y 万元, 增长/下降 Z%”; “与上年持平”; “A 万元, 占 (… 的) P%” (the whole is the total of the 其中 list the part is in, or W in “完成预算 W 万元的 P%”); “X 万元, 其中: A a 万元, B b 万元 …” (an equality when the list says 分别为 or 划分为 or names every component, such as 基本支出 and 项目支出 or the three 三公 items; otherwise only that the parts add up to no more than X); the parts of “X 万元, 其中:” on the lines after it; the uses listed after “主要用于以下方面:”; “按功能分类 … 按经济分类 …” as two breakdowns of one total; “占本年支出合计的 P%” by the whole stated earlier under that name; a balance “… 收入完成 A, 加上 B、C, 收入合计 T” (T = A + B + C); X in “与 2019 年 X 万元相比” as the prior; “内设 A、B、C 3 个科室”; “纳入 … N 年度部门预算范围”; “268 名代表, 年人均 2400 元计 643200 元”; the same name printed twice with its amount. Years, dates and index numbers are not figures. Sentences and tables with an amount or a percentage whose relations are not read, and what is read but the format cannot state (a change explained by 主要是 …), are listed in the declaration's unread and reported by this rule one by one: no relation is guessed.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const unread of declaration.unread) {
      report({ messageId: "not-read", path: unread.path, data: { text: unread.text, why: unreadReasons[unread.why as UnreadWhy] ?? unread.why } });
    }
  },
});
