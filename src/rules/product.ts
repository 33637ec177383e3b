import { declaredInterval } from "../rounding/tolerance.js";
import { printedAmount } from "../model/figure.js";
import { figureNames, figureOf } from "./figure-name.js";
import { checkRelation, messagesFor } from "./relation.js";
import { declarationExample, defineRule, type Messages } from "./rule.js";

const messages = { ...messagesFor("agree") } satisfies Messages;

export const product = defineRule({
  id: "product",
  meta: {
    name: "ProductMatchesCountAndRate",
    description: {
      zh: "按个数乘以标准测算的金额（“268名代表，年人均2400元计643200元”）等于个数 × 标准。",
      en: "An amount worked out as a count times a rate (268名代表, 年人均2400元计643200元) equals the count × the rate.",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        excerpt: true
        statements:
          - text: 代表活动经费按 268 名代表、年人均 2400 元计 634200 元。
            figures:
              - { name: 代表活动经费, amount: 634200, unit: 元, product: { count: 268, rate: 2400 } }
      `),
      passing: declarationExample(`
        excerpt: true
        statements:
          - text: 代表活动经费按 268 名代表、年人均 2400 元计 643200 元。
            figures:
              - { name: 代表活动经费, amount: 643200, unit: 元, product: { count: 268, rate: 2400 } }
      `),
    },
    docs: {
      zh: "测算依据常写“按 N 人（家、辆）、人均（每家、每辆）R 元计 A 元”。金额应等于个数 × 标准；个数是精确的，标准按所写的小数位四舍五入，所以容差是标准的尾差乘以个数。",
      en: "The basis of an estimate often reads 按 N 人, 人均 R 元计 A 元 (or 家 and 每家, 辆 and 每辆). The amount must equal the count times the rate; the count is exact and the rate rounded at its decimals, so the tolerance is the rate's rounding times the count.",
    },
    messages,
  },
  check({ declaration, report }) {
    for (const table of declaration.tables) {
      for (const line of table.allLines) {
        const { product: stated, amount } = line;
        if (!stated || !amount) continue;
        const each = declaredInterval(stated.rate);
        const times = stated.count.value;
        const words = `${times.toString()} × ${printedAmount(stated.rate)}`;
        checkRelation(report, {
          kind: "agree",
          figure: { amount, label: () => figureOf(line.label, figureNames.amount) },
          other: { interval: { mid: each.mid.times(times), half: each.half.times(times) }, label: { zh: words, en: words }, path: stated.path },
        });
      }
    }
  },
});
