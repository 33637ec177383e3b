import { declarationExample, type Rule } from "./rule.js";

/** The YAML stage, described like a rule so that reports, `rules` and `explain` treat it the same. */
export const yaml: Rule = {
  id: "yaml",
  meta: {
    name: "WellFormedYaml",
    description: {
      zh: "声明是一份合乎语法的 YAML 文档：没有语法错误、重复的键或失控的别名展开。",
      en: "The declaration is one well-formed YAML document: no syntax error, duplicate key or runaway alias expansion.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        unit: 元
        tables: []
      `),
      passing: declarationExample(`
        tables: []
      `),
    },
    docs: {
      zh: "声明先按 YAML 1.2 解析，记下每个节点的行列位置。语法错误、重复的键（后一个会悄悄覆盖前一个）、一个文件中的多份文档、展开后过大的别名都报告为错误，并指出行列；此时不再做后续检查。",
      en: "A declaration is first parsed as YAML 1.2, keeping every node's line and column. Syntax errors, duplicate keys (the second would silently win), several documents in one file and aliases that expand too far are errors at their line and column; nothing further is checked then.",
    },
    messages: {
      syntax: { text: { zh: "YAML 语法错误：{detail}", en: "YAML syntax error: {detail}" } },
      unsupported: {
        text: { zh: "声明中不能使用这种 YAML 写法（如标签 !tag）：{detail}", en: "A declaration cannot use this YAML (such as a !tag): {detail}" },
      },
      "too-large": {
        text: {
          zh: "文件有 {size}，超过了上限 {limit}，未检查；可用 --max-file-size 调整",
          en: "The file is {size}, above the limit of {limit}, and was not checked; --max-file-size changes the limit",
        },
      },
      unreadable: { text: { zh: "无法解析此 YAML：{detail}", en: "This YAML cannot be parsed: {detail}" } },
      encoding: {
        text: {
          zh: "文件不是 UTF-8 编码的文本（第 {offset} 字节起无法解码），请另存为 UTF-8",
          en: "The file is not UTF-8 text (it cannot be decoded from byte {offset}); save it as UTF-8",
        },
      },
      "yaml-version": {
        text: {
          zh: "声明按 YAML 1.2 读取；%YAML {version} 指令会改变 010、yes 等值的含义：请删去这一行",
          en: "Declarations are read as YAML 1.2; the %YAML {version} directive would change what values such as 010 and yes mean: remove it",
        },
      },
      "alias-expansion": {
        text: { zh: "别名展开过大或自我引用，疑为别名炸弹，拒绝处理", en: "Aliases expand too far or refer to themselves (an alias bomb); refused" },
      },
    },
  },
};
