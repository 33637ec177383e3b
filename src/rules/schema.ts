import { declarationExample, type Rule } from "./rule.js";

/** The schema stage, described like a rule so that reports, `rules` and `explain` treat it the same. */
export const schema: Rule = {
  id: "schema",
  meta: {
    name: "DeclarationMatchesSchema",
    description: {
      zh: "声明符合 JSON Schema（schemas/budget.schema.json）：没有未知的键，必填的键都在，每个值的类型和写法正确。",
      en: "The declaration matches the JSON Schema (schemas/budget.schema.json): no unknown key, every required key present, every value of the right type and form.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t
            title: 表
            lines:
              - { name: 甲, ammount: 5 }
      `),
      passing: declarationExample(`
        tables:
          - id: t
            title: 表
            lines:
              - { name: 甲, amount: 5 }
      `),
    },
    docs: {
      zh: "先按 JSON Schema 检查声明的结构。键写错不会被悄悄忽略：未知的键是错误，并提示最接近的正确键名。金额写成数字（825.04）或数字字符串，不带单位和千分位；百分比写成带 % 的字符串（45.26%）。结构不符时不运行核对规则，因为它们依赖正确的结构。",
      en: "First the declaration's structure is checked against the JSON Schema. A misspelt key never passes silently: an unknown key is an error that suggests the closest valid one. Amounts are numbers (825.04) or numeric strings, without unit or thousands separators; percentages are strings with a % sign (45.26%). The reconciliation rules do not run on a declaration that does not match, since they rely on its structure.",
    },
    messages: {
      "unknown-key": { text: { zh: "未知的键「{key}」；这里可用的键：{allowed}", en: "Unknown key “{key}”; the keys allowed here: {allowed}" } },
      "unknown-key-suggest": { text: { zh: "未知的键「{key}」，是不是「{suggestion}」？", en: "Unknown key “{key}”; did you mean “{suggestion}”?" } },
      "missing-key": { text: { zh: "缺少必填的键「{key}」", en: "Missing required key “{key}”" } },
      type: { text: { zh: "这里应为{expected}，实为 {value}", en: "Expected {expected} here, found {value}" } },
      amount: {
        text: {
          zh: "金额应写成不小于 0 的十进制数，如 825.04（不带单位、千分位或全角数字），实为 {value}",
          en: "An amount is a decimal number not below 0, such as 825.04 (no unit, thousands separator or full-width digits); found {value}",
        },
      },
      "signed-amount": {
        text: {
          zh: "增减额应写成十进制数，减少写负数，如 -6.2，实为 {value}",
          en: "A change is a decimal number, negative for a decrease, such as -6.2; found {value}",
        },
      },
      "amount-slip": {
        text: {
          zh: "{value} 应写作 {fix}：金额只写数字，不带单位、千分位或全角数字",
          en: "Write {value} as {fix}: an amount is digits only, without unit, thousands separators or full-width digits",
        },
      },
      "code-slip": {
        text: {
          zh: "{value} 应写作 {fix}：分类编码只写半角数字",
          en: "Write {value} as {fix}: a classification code is half-width digits only",
        },
      },
      "percent-slip": {
        text: { zh: "{value} 应写作 {fix}：百分比写成半角数字加 %", en: "Write {value} as {fix}: a percentage is half-width digits with a %" },
      },
      "too-precise": {
        severity: "warning",
        text: {
          zh: "{value} 有 {decimals} 位小数，多于声明的精度 {precision} 位：是抄错了，还是应改 precision？",
          en: "{value} has {decimals}, more than the declared precision of {precision}: a slip, or should precision change?",
        },
      },
      percent: { text: { zh: "百分比应写成带 % 的数，如 45.26%，实为 {value}", en: "A percentage is a number with a % sign, such as 45.26%; found {value}" } },
      code: {
        text: { zh: '科目编码应为数字串，如 "2010350"，实为 {value}', en: 'A classification code is a string of digits, such as "2010350"; found {value}' },
      },
      id: { text: { zh: "标识只能由字母、数字和 _ . - 组成，如 t5-1，实为 {value}", en: "An id is letters, digits and _ . -, such as t5-1; found {value}" } },
      reference: {
        text: {
          zh: "引用应写成 表id[/行编码或行id][:栏id]，如 t5-1/2010350，实为 {value}",
          en: "A reference is table-id[/line-code-or-id][:column-id], such as t5-1/2010350; found {value}",
        },
      },
      figure: {
        text: {
          zh: "数字引用应写成 表id[/行编码或行id][:栏id].字段，字段为 amount、prior、change、growth、share 或 history.年份，如 t5-1/2010350.amount，实为 {value}",
          en: "A figure reference is table-id[/line-code-or-id][:column-id].field, the field one of amount, prior, change, growth, share or history.year, such as t5-1/2010350.amount; found {value}",
        },
      },
      year: { text: { zh: "年份应为四位数，如 2025，实为 {value}", en: "A year has four digits, such as 2025; found {value}" } },
      "year-key": {
        text: { zh: "「{key}」不是年份：这里按年份写，如 2023: 1435.1", en: "“{key}” is not a year: list values by year here, such as 2023: 1435.1" },
      },
      "key-format": { text: { zh: "键「{key}」的写法不对", en: "The key “{key}” is not of the expected form" } },
      "not-blank": { text: { zh: "这里不能为空白", en: "This must not be blank" } },
      enum: { text: { zh: "应为以下之一：{allowed}；实为 {value}", en: "Expected one of: {allowed}; found {value}" } },
      const: { text: { zh: "应为 {allowed}，实为 {value}", en: "Expected {allowed}, found {value}" } },
      "const-quoted": {
        text: {
          zh: '应为数字 {allowed}，这里是加了引号的文字 "{value}"：去掉引号',
          en: 'Expected the number {allowed}, found the text "{value}": remove the quotes',
        },
      },
      range: { text: { zh: "{value} 超出范围（应 {limit}）", en: "{value} is out of range (must be {limit})" } },
      "min-items": { text: { zh: "至少要有 {limit} 项", en: "At least {limit} item(s) are required" } },
      invalid: { text: { zh: "不符合格式：{detail}", en: "Does not match the format: {detail}" } },
      "no-columns": { text: { zh: "按栏写了金额，但表 {table} 没有声明 columns", en: "Amounts are given per column, but table {table} declares no columns" } },
      "unknown-column": { text: { zh: "表 {table} 没有「{column}」栏", en: "Table {table} has no column “{column}”" } },
      "too-many-digits": {
        text: {
          zh: "金额有 {digits} 位有效数字，超过上限 {limit} 位：请检查单位或抄写",
          en: "The amount has {digits} significant digits, more than the limit of {limit}: check its unit or transcription",
        },
      },
      "duplicate-year": {
        text: {
          zh: '年份 {year} 写了两次（如 2023 与 "2023"）：后一个会悄悄覆盖前一个',
          en: 'The year {year} is written twice (such as 2023 and "2023"): the second would silently replace the first',
        },
      },
      "sum-of-itself": { text: { zh: "「{column}」栏不能是它自己的组成部分", en: "The column “{column}” cannot be one of its own parts" } },
      "empty-with-data": {
        text: {
          zh: "表 {table} 声明为空表（empty），却又列了合计、行、项目或指标",
          en: "Table {table} is declared empty, yet it states a total, lines, projects or indicators",
        },
      },
      "figure-without-subject": {
        text: {
          zh: "所述数字既没有 restates（重述哪一表行），也没有 name（文字所述的是什么）",
          en: "The figure has neither restates (the table line it restates) nor name (what the text says it is)",
        },
      },
      "restated-with-own": {
        text: {
          zh: "重述表行的数字不能有「{key}」：其中所列、个数和标识只属于文字自己陈述的数字（用 name 代替 restates）",
          en: "A figure that restates a table line cannot have “{key}”: parts, counts and ids belong to a figure the text states on its own (name instead of restates)",
        },
      },
      "unit-mix": {
        text: {
          zh: "「{part}」与「{whole}」一个是个数、一个是金额（或计数单位不同），不能相加",
          en: "“{part}” and “{whole}” are not both amounts or both counts in one unit, so they cannot add up",
        },
      },
      "coarser-unit": {
        text: {
          zh: "以{unit}计的数字不能写在以{document}为单位的文件中：其尾差比文件的任何金额都粗；请把文件的 unit 写为{unit}，或把数字换算为{document}",
          en: "A figure in {unit} cannot be read in a declaration in {document}: its rounding is coarser than any amount of the document can say; declare the document in {unit}, or write the figure in {document}",
        },
      },
      "count-and-amount": { text: { zh: "一个数字不能同时有个数（count）和金额（amount）", en: "A figure cannot have both a count and an amount" } },
      "items-without-count": {
        text: { zh: "列了名称（items），却没有写个数（count）：无从核对", en: "Names are listed (items) but no count is given to check them against" },
      },
      "unprinted-with-amount": {
        text: {
          zh: "「{column}」栏声明为未印（printed: false），却写了金额",
          en: "The column “{column}” is declared not printed (printed: false), yet an amount is given in it",
        },
      },
      "reserved-id": {
        text: {
          zh: "表的标识不能是「{id}」：它指文字自己陈述的数字（{id}/<标识>）",
          en: "A table cannot have the id “{id}”: it names the figures the text states on its own ({id}/<id>)",
        },
      },
      "duplicate-id": { text: { zh: "标识「{id}」重复：引用将无法确定指哪一个", en: "The id “{id}” is used twice, so a reference to it would be ambiguous" } },
      "not-checked": {
        severity: "info",
        text: {
          zh: "本文件有结构错误，未运行核对规则：请先修正这些错误",
          en: "The reconciliation rules did not run because this file has structural errors; fix them first",
        },
      },
    },
  },
};
