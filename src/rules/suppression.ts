import { declarationExample, type Rule } from "./rule.js";

/** Inline suppression directives, described like a rule so that their own findings read the same. */
export const suppression: Rule = {
  id: "suppression",
  meta: {
    name: "SuppressionGivesReason",
    description: {
      zh: "行内抑制指令 # budget-rules-disable-next-line <规则> -- <理由> 必须写明理由、点名存在的规则，并且确实抑制了某条发现。",
      en: "An inline directive # budget-rules-disable-next-line <rule> -- <reason> gives a reason, names rules that exist, and suppresses something.",
    },
    defaultSeverity: "warning",
    example: {
      failing: declarationExample(`
        tables:
          - id: t
            title: 表
            total: { amount: 826.04 }
            lines:
              # budget-rules-disable-next-line sum
              - { name: 甲, amount: 825.04 }
      `),
      passing: declarationExample(`
        tables:
          - id: t
            title: 表
            # budget-rules-disable-next-line sum -- 上级批复的合计含 1 万元待分配资金
            total: { amount: 826.04 }
            lines:
              - { name: 甲, amount: 825.04 }
      `),
    },
    docs: {
      zh: "在声明中，某一行之前写 # budget-rules-disable-next-line sum -- 理由，可以不报告该行上这条规则的发现。理由必填，以便审阅者知道为什么接受这个差异。指令是一条 YAML 注释（块标量或引号字符串中的 # 是数据），覆盖下一行开始的第一个节点（一行的流式行整体，或一个键及其值）中位于该行的发现。没有理由、点名不存在的规则、写错指令名，或者没有抑制任何发现的指令都报告为警告，过时的抑制因此不会留下。yaml 和 schema 的发现以及规则运行出错决定文件是否得到检查，不能抑制：点名它们的指令报告为错误。",
      en: "In a declaration, # budget-rules-disable-next-line sum -- reason on the line before a line silences that rule's findings on it. The reason is required, so that a reviewer knows why the difference is accepted. The directive is a YAML comment (a # inside a block scalar or a quoted string is data) and covers the findings located on the next line within the first node that starts there (a one-line flow row whole, or a key with its value). A directive without a reason, naming a rule that does not exist, with a misspelt name, or suppressing nothing is a warning, so stale suppressions do not linger. The findings of yaml and schema, and a rule that failed to run, decide whether the file was checked at all and cannot be suppressed: a directive naming them is an error.",
    },
    messages: {
      "missing-reason": {
        text: {
          zh: "抑制指令需要写明理由：# budget-rules-disable-next-line <规则> -- <理由>",
          en: "A suppression needs a reason: # budget-rules-disable-next-line <rule> -- <reason>",
        },
      },
      "unknown-rule": {
        text: { zh: "抑制指令点名的规则「{rule}」不存在", en: "The suppression names “{rule}”, which is not a rule" },
      },
      "unknown-directive": {
        text: {
          zh: "「{name}」不是抑制指令，什么也没有抑制；指令是 # budget-rules-disable-next-line <规则> -- <理由>",
          en: "“{name}” is not a directive and silences nothing; the directive is # budget-rules-disable-next-line <rule> -- <reason>",
        },
      },
      unsuppressible: {
        severity: "error",
        text: {
          zh: "规则 {rule} 不能抑制：它决定本文件是否得到检查，它的发现照常报告",
          en: "Rule {rule} cannot be suppressed: it decides whether the file was checked at all, and its findings are reported as ever",
        },
      },
      unused: {
        text: { zh: "这条抑制指令没有抑制任何发现，可以删除", en: "This suppression silences nothing and can be removed" },
      },
    },
  },
};
