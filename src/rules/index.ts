import { yaml } from "../load/meta.js";
import { schema } from "../schema/meta.js";
import { bound } from "./bound.js";
import { code } from "./code.js";
import { completeness } from "./completeness.js";
import { crossTable } from "./cross-table.js";
import { growth } from "./growth.js";
import { indicator } from "./indicator.js";
import { priorYear } from "./prior-year.js";
import type { Rule } from "./rule.js";
import { share } from "./share.js";
import { statement } from "./statement.js";
import { sum } from "./sum.js";

/** Every rule, sorted by id. `yaml` and `schema` are stages with no check of their own here. */
export const rules: readonly Rule[] = [bound, code, completeness, crossTable, growth, indicator, priorYear, schema, share, statement, sum, yaml];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
