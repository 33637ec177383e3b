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
      zh: "在声明中，某一行之前写 # budget-rules-disable-next-line sum -- 理由，可以不报告该行上这条规则的发现。理由必填，以便审阅者知道为什么接受这个差异。没有理由、点名不存在的规则，或者没有抑制任何发现的指令都报告为警告，过时的抑制因此不会留下。",
      en: "In a declaration, # budget-rules-disable-next-line sum -- reason on the line before a line silences that rule's findings on it. The reason is required, so that a reviewer knows why the difference is accepted. A directive without a reason, naming a rule that does not exist, or suppressing nothing is a warning, so stale suppressions do not linger.",
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
      unused: {
        text: { zh: "这条抑制指令没有抑制任何发现，可以删除", en: "This suppression silences nothing and can be removed" },
      },
    },
  },
};
