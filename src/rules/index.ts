import { suppression } from "./suppression.js";
import { yaml } from "./yaml.js";
import { schema } from "./schema.js";
import { bound } from "./bound.js";
import { code } from "./code.js";
import { completeness } from "./completeness.js";
import { count } from "./count.js";
import { crossTable } from "./cross-table.js";
import { custom } from "./custom.js";
import { document } from "./document.js";
import { growth } from "./growth.js";
import { indicator } from "./indicator.js";
import { narrative } from "./narrative.js";
import { priorYear } from "./prior-year.js";
import { product } from "./product.js";
import type { Rule } from "./rule.js";
import { share } from "./share.js";
import { statement } from "./statement.js";
import { sum } from "./sum.js";

/**
 * Every rule, sorted by id. `yaml`, `schema` and `document` are stages, `custom` the config's checks and
 * `suppression` the inline directives: they describe themselves here but have no check of their own.
 */
export const rules: readonly Rule[] = [
  bound,
  code,
  completeness,
  count,
  crossTable,
  custom,
  document,
  growth,
  indicator,
  narrative,
  priorYear,
  product,
  schema,
  share,
  statement,
  sum,
  suppression,
  yaml,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));

/** A finding's rule: `custom/<id>` findings speak with the custom checks' messages. */
export function ruleOf(id: string): Rule | undefined {
  return rulesById.get(id) ?? (id.startsWith("custom/") ? custom : undefined);
}
