import type { Rule } from "./rule.js";

/**
 * The reader of a disclosure's narrative text. It is not a reconciliation rule over a declaration, so it
 * has no `check`: `checkDisclosureText` reports with these messages.
 */
export const narrative: Rule = {
  id: "narrative",
  meta: {
    name: "NarrativeTextAddsUp",
    description: {
      zh: "直接读取情况说明原文：增长率 = 增减额 ÷ 上年数，占比 = 部分 ÷ 整体且合计 100%，“其中”各项之和不超过（列全时等于）总数，“共 N 个”与所列名称个数一致；读不懂的含数字的句子报告为未读。",
      en: "Reads the narrative text itself: growth = change ÷ prior, share = part ÷ whole and shares add to 100%, the parts of a 其中 list add up to no more than (when complete, exactly) their total, “N 个” matches the names listed; a sentence with figures it cannot read is reported as not read.",
    },
    defaultSeverity: "error",
    docs: {
      zh: "读取部门预算公开情况说明的原文（.txt），不需要人工转录成 YAML。读取前先规范化：全角数字和标点转为半角，去掉数字中的千分位逗号和空格、被换行拆开的数字、页面杂项（【打印】、扫一扫在手机打开当前页）；发现仍指向原文的行和列。只识别固定句式：“X 万元，比/较上年增加/减少 Y 万元，增长/下降 Z%”（增长率以上年 X − Y 为基数；若所写增长率恰好是 Y ÷ X，即以本年为基数，会特别指出）；“与上年持平”等；“A 万元，占（…的）P%”（整体为所在“其中”列表的总数、“完成预算 W 万元的 P%”中的 W，或同一句中占比合计 100% 的各部分之和）；“X 万元，其中：A a 万元，B b 万元……”（写明“分别为”、“划分为”，或列出基本支出和项目支出、三公经费的三项、公务用车的购置和运行等全部组成时按等式核对，否则只核对各项之和不超过 X）；“内设 A、B、C 3 个科室”、“N 个……分别为 A、B、C”；“收入较上年增加 T 万元，主要是 A 增加 a 万元，B 减少 b 万元”（所列只是主要部分：各项增减之和与 T 不同时只作提示）；“纳入……N 年度部门预算范围”中的年度与文件标题的预算年度一致；“268 名代表，年人均 2400 元计 643200 元”“经费 120000 元，按 12 家每家 10000 元测算”（人数 × 标准 = 金额）；同一名称的金额前后不一致（警告）。金额按所写的小数位理解，舍入模型与其他规则相同。年份、日期、索引号不是数字；表格和任何读不懂的含金额或百分比的句子报告为提示“未读”，从不猜测关系，也从不静默丢弃。",
      en: "Reads the text of a published budget explanation (.txt) without a person transcribing it to YAML. The text is normalised first: full-width digits and punctuation to half-width, no thousands separators or spaces inside figures, no line break splitting a number, no page debris (【打印】, 扫一扫在手机打开当前页); findings still point at the line and column of the original. Only formulaic wording is read: “X 万元, 比/较上年增加/减少 Y 万元, 增长/下降 Z%” (the rate is based on the prior year X − Y; a rate that is exactly Y ÷ X, based on the current year, is called out); “与上年持平” and the like; “A 万元, 占 (… 的) P%” (the whole is the total of the 其中 list the part is in, W in “完成预算 W 万元的 P%”, or the sum of the parts of one sentence whose shares add to 100%); “X 万元, 其中: A a 万元, B b 万元 …” (checked as an equality when the list says 分别为 or 划分为 or names every component, such as 基本支出 and 项目支出, the three 三公 items, or a car's purchase and running costs; otherwise only that the parts do not add up to more than X); “内设 A、B、C 3 个科室” and “N 个 … 分别为 A、B、C”; “收入较上年增加 T 万元, 主要是 A 增加 a 万元, B 减少 b 万元” (the main parts only: a sum of changes that differs from T is info); the year of “纳入 … N 年度部门预算范围” against the budget year of the document’s titles; “268 名代表, 年人均 2400 元计 643200 元” and “经费 120000 元, 按 12 家每家 10000 元测算” (count × rate = amount); the same name with two different amounts (a warning). Amounts are read at the decimals they are written with, under the same rounding model as the other rules. Years, dates and index numbers are not figures; tables and any sentence with an amount or a percentage that is not read are reported as info “not read”: no relation is guessed and nothing is dropped silently.",
    },
    messages: {
      "growth-mismatch": {
        text: {
          zh: "{subject}的{rate}应为 {expected}（增减额 {change} ÷ {base} {prior}），实为 {actual}，差 {difference} {differenceUnit}，超出容差 {tolerance} {toleranceUnit}",
          en: "The {rate} of {subject} should be {expected} (change {change} ÷ {base} {prior}) but is {actual}: off by {difference} {differenceUnit}, beyond the tolerance {tolerance} {toleranceUnit}",
        },
      },
      "growth-current-base": {
        text: {
          zh: "{subject}的{rate}应为 {expected}（增减额 {change} ÷ {base} {prior}），实为 {actual}，即增减额 ÷ 本年数 {amount}：{rate}应以{base}为基数，而不是本年数（差 {difference} {differenceUnit}，容差 {tolerance} {toleranceUnit}）",
          en: "The {rate} of {subject} should be {expected} (change {change} ÷ {base} {prior}) but is {actual}, which is the change ÷ this year's amount {amount}: the {rate} is based on the {base}, not the current amount (off by {difference} {differenceUnit}, tolerance {tolerance} {toleranceUnit})",
        },
      },
      "growth-rounding": {
        severity: "info",
        text: {
          zh: "{subject}的{rate} {actual} 与增减额 {change} ÷ {base} {prior} 四舍五入的 {expected} 不同，但在金额的尾差范围内（差 {difference} {differenceUnit}，容差 {tolerance} {toleranceUnit}）",
          en: "The {rate} {actual} of {subject} is not change {change} ÷ {base} {prior} rounded, {expected}, but the amounts' rounding allows it (off by {difference} {differenceUnit}, tolerance {tolerance} {toleranceUnit})",
        },
      },
      "growth-sign": {
        text: {
          zh: "{subject}的增减额写“{changeWord}”{change}，增长率却写“{rateWord}”{actual}，方向相反",
          en: "The change of {subject} says “{changeWord}” {change} but its growth rate says “{rateWord}” {actual}: opposite directions",
        },
      },
      "growth-zero-base": {
        text: {
          zh: "{subject}的{base}为 {prior}，没有{rate}，却写了 {actual}",
          en: "The {base} of {subject} is {prior}, so there is no {rate}, but {actual} is stated",
        },
      },
      "growth-no-base": {
        severity: "info",
        text: {
          zh: "{subject}的增减额和增长率无法核对：句中没有本年数或上年数",
          en: "The change and growth rate of {subject} cannot be checked: the sentence states neither this year's amount nor the prior year's",
        },
      },
      "share-mismatch": {
        text: {
          zh: "{part}占{whole}的比例应为 {expected}，实为 {actual}，差 {difference} {differenceUnit}，超出容差 {tolerance} {toleranceUnit}",
          en: "The share of {part} in {whole} should be {expected} but is {actual}: off by {difference} {differenceUnit}, beyond the tolerance {tolerance} {toleranceUnit}",
        },
      },
      "share-truncated": {
        text: {
          zh: "{part}占{whole}的比例应为 {expected}，实为 {actual}：是截断而不是四舍五入（差 {difference} {differenceUnit}，容差 {tolerance} {toleranceUnit}）",
          en: "The share of {part} in {whole} should be {expected} but is {actual}, the ratio truncated rather than rounded (off by {difference} {differenceUnit}, tolerance {tolerance} {toleranceUnit})",
        },
      },
      "share-rounding": {
        severity: "info",
        text: {
          zh: "{part}占{whole}的比例 {actual} 与四舍五入的 {expected} 不同，但在金额的尾差范围内（差 {difference} {differenceUnit}，容差 {tolerance} {toleranceUnit}）",
          en: "The share {actual} of {part} in {whole} is not their ratio rounded, {expected}, but the amounts' rounding allows it (off by {difference} {differenceUnit}, tolerance {tolerance} {toleranceUnit})",
        },
      },
      "share-zero-whole": {
        text: {
          zh: "{part}的整体{whole}为 0，不能有非零占比 {actual}",
          en: "The whole {whole} of {part} is 0, which has no share other than 0, but {actual} is stated",
        },
      },
      "share-no-whole": {
        severity: "info",
        text: {
          zh: "占比 {actual}（{part}）无法核对：找不到它的整体",
          en: "The share {actual} of {part} cannot be checked: its whole is not found",
        },
      },
      "share-no-part": {
        severity: "info",
        text: {
          zh: "占比 {actual} 无法核对：前面没有它所占的金额",
          en: "The share {actual} cannot be checked: no amount precedes it",
        },
      },
      "hundred-mismatch": {
        text: {
          zh: "{whole}各部分的占比之和应为 100%，实为 {actual}，差 {difference} {differenceUnit}，超出容差 {tolerance} {toleranceUnit}",
          en: "The shares of the parts of {whole} should add up to 100% but add up to {actual}: off by {difference} {differenceUnit}, beyond the tolerance {tolerance} {toleranceUnit}",
        },
      },
      "hundred-rounding": {
        severity: "info",
        text: {
          zh: "{whole}各部分的占比之和为 {actual}，与 100% 相差 {difference} {differenceUnit}，在尾差容差 {tolerance} {toleranceUnit} 之内",
          en: "The shares of the parts of {whole} add up to {actual}, {difference} {differenceUnit} from 100%: within the rounding tolerance {tolerance} {toleranceUnit}",
        },
      },
      "sum-mismatch": {
        text: {
          zh: "{whole}应为所列各部分之和 {expected}（{parts}；{reason}），实为 {actual}，差 {difference}，超出容差 {tolerance}",
          en: "{whole} should be the sum of the parts listed, {expected} ({parts}; {reason}) but is {actual}: off by {difference}, beyond the tolerance {tolerance}",
        },
      },
      "sum-exceeds": {
        text: {
          zh: "{whole}下所列各部分之和 {expected}（{parts}）超过了它的金额 {actual}，差 {difference}，超出容差 {tolerance}",
          en: "The parts listed under {whole} add up to {expected} ({parts}), more than its amount {actual}: off by {difference}, beyond the tolerance {tolerance}",
        },
      },
      "sum-rounding": {
        severity: "info",
        text: {
          zh: "{whole} {actual} 与所列各部分之和 {expected}（{parts}）相差 {difference}，在尾差容差 {tolerance} 之内",
          en: "{whole} {actual} differs from the sum of the parts listed, {expected} ({parts}), by {difference}: within the rounding tolerance {tolerance}",
        },
      },
      "list-ambiguous": {
        severity: "info",
        text: {
          zh: "{whole}后的“其中”列表里又有“其中”，看不出内层列表在哪里结束：各部分之和未核对",
          en: "The list under {whole} has a nested 其中 whose end is not marked: the sum of its parts was not checked",
        },
      },
      "count-mismatch": {
        text: {
          zh: "写的是 {actual} 个，列出的名称却有 {expected} 个：{names}",
          en: "The text says {actual} but names {expected}: {names}",
        },
      },
      "restated-differs": {
        severity: "warning",
        text: {
          zh: "「{label}」前文为 {first}，此处为 {actual}",
          en: "“{label}” is {first} earlier but {actual} here",
        },
      },
      "breakdown-rounding": {
        severity: "info",
        text: {
          zh: "{whole}与其主要构成的增减（{parts}）之和 {expected} 相差 {difference}，在尾差容差 {tolerance} 之内",
          en: "{whole} differs from the sum of the changes that explain it ({parts}), {expected}, by {difference}: within the rounding tolerance {tolerance}",
        },
      },
      "breakdown-partial": {
        severity: "info",
        text: {
          zh: "{whole}后“主要是”所列的增减（{parts}）之和为 {expected}，与它相差 {difference}：所列只是主要部分，未作为等式核对",
          en: "The changes named after {whole} as the main ones ({parts}) add up to {expected}, {difference} away: they are the main parts only, so this is not checked as a sum",
        },
      },
      "product-mismatch": {
        text: {
          zh: "{whole}应为 {count} × {rate} = {expected}，实为 {actual}，差 {difference}，超出容差 {tolerance}",
          en: "{whole} should be {count} × {rate} = {expected} but is {actual}: off by {difference}, beyond the tolerance {tolerance}",
        },
      },
      "product-rounding": {
        severity: "info",
        text: {
          zh: "{whole} {actual} 与 {count} × {rate} = {expected} 相差 {difference}，在尾差容差 {tolerance} 之内",
          en: "{whole} {actual} differs from {count} × {rate} = {expected} by {difference}: within the rounding tolerance {tolerance}",
        },
      },
      "budget-year": {
        text: {
          zh: "本文件是 {expected} 年度的预算，纳入预算范围的说明却写的是 {actual} 年度",
          en: "This is the budget of {expected}, but the sentence on what the budget covers names {actual}",
        },
      },
      unreadable: {
        text: { zh: "无法读取该文件：{detail}", en: "The file cannot be read: {detail}" },
      },
      "not-read": {
        severity: "info",
        text: {
          zh: "未读：{excerpt}……（没有识别出其中数字之间的关系，未核对）",
          en: "Not read: {excerpt}… (no relation between its figures was recognised, so they were not checked)",
        },
      },
      "not-read-table": {
        severity: "info",
        text: {
          zh: "未读表格：{excerpt}……（表格中的数字未核对）",
          en: "Table not read: {excerpt}… (its figures were not checked)",
        },
      },
    },
  },
};
