import type { ErrorObject } from "ajv";
import { childPointer, segmentsOf } from "../load/json-pointer.js";
import type { Problem } from "../problem.js";

/**
 * Turns ajv's errors into problems a finance officer can act on: one per real mistake, at the node
 * it concerns, saying which key is unknown, which is missing, what was expected.
 */
export function schemaProblems(errors: readonly ErrorObject[], instance: unknown, allowedKeys: (definition: string) => string[]): Problem[] {
  return collapseAlternatives(errors).flatMap((error) => problemOf(error, instance, allowedKeys));
}

/** The definition an error comes from (`#/definitions/amount/anyOf/0/type` → amount). */
function definitionOf(error: ErrorObject): string {
  const matches = [...error.schemaPath.matchAll(/#?\/?definitions\/([^/]+)/g)];
  return matches[matches.length - 1]?.[1] ?? "";
}

/**
 * anyOf/oneOf report every branch's failure. Keep the branch the value most likely meant: one whose
 * type matched; when no branch's type matched, one error saying which types were allowed.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let remaining = [...errors];
  const alternatives = remaining
    .filter((error) => error.keyword === "anyOf" || error.keyword === "oneOf")
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alternative of alternatives) {
    const prefix = `${alternative.schemaPath}/`;
    const inside = remaining.filter((error) => error.schemaPath.startsWith(prefix) && error.instancePath.startsWith(alternative.instancePath));
    const branches = new Map<string, ErrorObject[]>();
    for (const error of inside) {
      const branch = error.schemaPath.slice(prefix.length).split("/")[0] ?? "";
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const typeMismatch = (error: ErrorObject) => error.keyword === "type" && error.instancePath === alternative.instancePath;
    const likely = [...branches.values()]
      .filter((branchErrors) => !branchErrors.some(typeMismatch))
      .sort((a, b) => a.length - b.length)[0];
    let replacement: ErrorObject[];
    if (likely) {
      replacement = likely;
    } else {
      const types = [...new Set(inside.filter(typeMismatch).flatMap((error) => String(error.params.type).split(",")))];
      replacement = [{ ...alternative, keyword: "type", params: { type: types.join(",") } }];
    }
    remaining = remaining.filter((error) => error !== alternative && !inside.includes(error));
    remaining.push(...replacement);
  }
  // ajv reports propertyNames twice: the inner pattern and the outer summary.
  return remaining.filter((error) => !(error.keyword === "pattern" && error.schemaPath.includes("/propertyNames/")));
}

function valueAt(instance: unknown, pointer: string): unknown {
  let value = instance;
  for (const segment of segmentsOf(pointer)) {
    if (value === null || typeof value !== "object") return undefined;
    value = Object.prototype.hasOwnProperty.call(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value;
}

function preview(value: unknown): string {
  if (value === null || value === undefined) return "（空）/ (empty)";
  if (Array.isArray(value)) return "[…]";
  if (typeof value === "object") return "{…}";
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const typeNames: Record<string, { zh: string; en: string }> = {
  number: { zh: "数字", en: "a number" },
  integer: { zh: "整数", en: "a whole number" },
  string: { zh: "文字", en: "text" },
  object: { zh: "映射（键: 值）", en: "a mapping (key: value)" },
  array: { zh: "列表（- 开头的各项）", en: "a list (items starting with -)" },
  boolean: { zh: "true 或 false", en: "true or false" },
  null: { zh: "空值", en: "null" },
};

/** Definitions whose values have a format worth explaining, with the message that explains it. */
const formatMessages: Record<string, string> = {
  amount: "amount",
  signedAmount: "signed-amount",
  percent: "percent",
  code: "code",
  id: "id",
  ref: "reference",
  year: "year",
  history: "year-key",
};

function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function problemOf(error: ErrorObject, instance: unknown, allowedKeys: (definition: string) => string[]): Problem[] {
  const path = error.instancePath;
  const value = preview(valueAt(instance, path));
  const definition = definitionOf(error);
  const base = { rule: "schema", path };
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = allowedKeys(definition);
      const suggestion = closest(key, allowed);
      return [
        {
          ...base,
          path: childPointer(path, key),
          atKey: true,
          messageId: suggestion ? "unknown-key-suggest" : "unknown-key",
          data: { key, suggestion: suggestion ?? "", allowed: allowed.join(", ") },
        },
      ];
    }
    case "required":
      return [{ ...base, messageId: "missing-key", data: { key: String(error.params.missingProperty) } }];
    case "propertyNames":
      return [{ ...base, path: childPointer(path, String(error.params.propertyName)), atKey: true, messageId: formatMessages[definition] === "year-key" ? "year-key" : "key-format", data: { key: String(error.params.propertyName) } }];
    case "type":
    case "pattern": {
      const format = formatMessages[definition];
      if (format && format !== "year-key") return [{ ...base, messageId: format, data: { value } }];
      if (error.keyword === "pattern") return [{ ...base, messageId: "not-blank", data: { value } }];
      const types = String(error.params.type).split(",");
      return [
        {
          ...base,
          messageId: "type",
          data: {
            value,
            expected: {
              zh: types.map((type) => typeNames[type]?.zh ?? type).join("或"),
              en: types.map((type) => typeNames[type]?.en ?? type).join(" or "),
            },
          },
        },
      ];
    }
    case "enum":
      return [{ ...base, messageId: "enum", data: { value, allowed: (error.params.allowedValues as unknown[]).map(String).join(", ") } }];
    case "const":
      return [{ ...base, messageId: "const", data: { value, allowed: String(error.params.allowedValue) } }];
    case "minimum":
    case "maximum": {
      const format = formatMessages[definition];
      if (format) return [{ ...base, messageId: format, data: { value } }];
      return [{ ...base, messageId: "range", data: { value, limit: `${error.params.comparison} ${error.params.limit}` } }];
    }
    case "minItems":
      return [{ ...base, messageId: "min-items", data: { limit: String(error.params.limit) } }];
    default:
      return [{ ...base, messageId: "invalid", data: { detail: error.message ?? error.keyword } }];
  }
}
