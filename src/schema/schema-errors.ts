import type { Text } from "../text.js";
import type { ErrorObject } from "ajv";
import { childPointer, segmentsOf } from "../load/json-pointer.js";
import type { Problem } from "../problem.js";

/**
 * Turns ajv's errors into problems a finance officer can act on: one per real mistake, at the node
 * it concerns, saying which key is unknown, which is missing, what was expected. The validator is
 * compiled with `verbose`, so each error carries the schema object it failed in.
 */
export function schemaProblems(errors: readonly ErrorObject[], instance: unknown): Problem[] {
  return collapseAlternatives(errors).flatMap((error) => problemOf(error, instance));
}

/** The value format a schema object belongs to, from its `$comment` marker (`budget-rules format: amount`). */
function formatOf(error: ErrorObject): string | undefined {
  const comment = (error.parentSchema as { $comment?: string } | undefined)?.$comment;
  return comment?.startsWith("budget-rules format: ") ? comment.slice("budget-rules format: ".length) : undefined;
}

/**
 * anyOf/oneOf report every branch's failure. Where the value's type matched some branch, keep that
 * branch's complaints (a pattern, a minimum, a key inside); where no branch's type matched, keep one
 * error that lists the types allowed. Errors are grouped by the value they are about, since ajv's
 * schema paths restart inside each $ref.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternativePaths = new Set(errors.filter(isAlternative).map((error) => error.instancePath));
  const kept: ErrorObject[] = [];
  const typeErrors = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (isAlternative(error)) continue;
    if (error.keyword === "type" && alternativePaths.has(error.instancePath)) {
      typeErrors.set(error.instancePath, [...(typeErrors.get(error.instancePath) ?? []), error]);
    } else if (!error.schemaPath.includes("/propertyNames/")) {
      // (ajv reports a bad property name twice: the inner keyword and the propertyNames summary.)
      kept.push(error);
    }
  }
  for (const [path, mismatches] of typeErrors) {
    if (kept.some((error) => error.instancePath === path || error.instancePath.startsWith(`${path}/`))) continue;
    const marked = mismatches.find((error) => formatOf(error) !== undefined) ?? mismatches[0];
    if (!marked) continue;
    const types = [...new Set(mismatches.flatMap((error) => String(error.params.type).split(",")))];
    kept.push({ ...marked, params: { type: types.join(",") } });
  }
  return kept;
}

function isAlternative(error: ErrorObject): boolean {
  return error.keyword === "anyOf" || error.keyword === "oneOf";
}

function valueAt(instance: unknown, pointer: string): unknown {
  let value = instance;
  for (const segment of segmentsOf(pointer)) {
    if (value === null || typeof value !== "object") return undefined;
    value = Object.prototype.hasOwnProperty.call(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value;
}

/** A blank value, in the message's own language. */
const blank: Text = { zh: "空白", en: "nothing (a blank value)" };

function preview(value: unknown): string | Text {
  if (value === null || value === undefined) return blank;
  if (Array.isArray(value)) return "[…]";
  if (typeof value === "object") return "{…}";
  const text = typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : typeof value === "string" ? value : "";
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

const fullWidth = /[０-９．，－＋％]/g;

/**
 * The common slips of transcribing from a PDF: full-width digits, a unit after the amount, thousands
 * separators, a percentage without its %. Returns the value as it should be written, when that is clear.
 */
export function transcriptionFix(format: string, value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  let text = String(value)
    .replace(fullWidth, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .replace(/(万元|千元|亿元|元)$/, "");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(text)) text = text.replace(/,/g, "");
  if (format === "percent") {
    if (/^[+-]?\d+(\.\d+)?$/.test(text)) text = `${text}%`;
    return /^[+-]?\d+(\.\d+)?%$/.test(text) && text !== String(value) ? text : undefined;
  }
  const decimal = format === "amount" ? /^\+?\d+(\.\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
  return decimal.test(text) && text !== String(value) ? text : undefined;
}

/** Which slip message a format speaks with: a code is not an amount. */
const slipMessages: Record<string, string> = { percent: "percent-slip", code: "code-slip", amount: "amount-slip", "signed-amount": "amount-slip" };

function problemOf(error: ErrorObject, instance: unknown): Problem[] {
  const path = error.instancePath;
  const value = preview(valueAt(instance, path));
  const base = { rule: "schema", path };
  switch (error.keyword) {
    case "additionalProperties": {
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return [unknownKey(path, String(error.params.additionalProperty), allowed)];
    }
    case "required":
      return [{ ...base, messageId: "missing-key", data: { key: String(error.params.missingProperty) } }];
    case "propertyNames": {
      const key = String(error.params.propertyName);
      const names = error.schema as { pattern?: string; enum?: string[] } | undefined;
      // Keys from a fixed list (rule ids): an unknown key, with the closest one.
      if (names?.enum) return [unknownKey(path, key, names.enum)];
      const years = String(names?.pattern ?? "").includes("[12]");
      return [{ ...base, path: childPointer(path, key), atKey: true, messageId: years ? "year-key" : "key-format", data: { key } }];
    }
    case "type":
    case "pattern":
    case "minimum":
    case "maximum":
      return [valueProblem(error, instance)];
    case "enum":
      return [{ ...base, messageId: "enum", data: { value, allowed: (error.params.allowedValues as unknown[]).map(String).join(", ") } }];
    case "const": {
      const allowed = String(error.params.allowedValue);
      // `version: '1'` is the text 1, not the number: say so rather than "expected 1, found 1".
      const quoted = typeof valueAt(instance, path) === "string" && value === allowed;
      return [{ ...base, messageId: quoted ? "const-quoted" : "const", data: { value, allowed } }];
    }
    case "minItems":
      return [{ ...base, messageId: "min-items", data: { limit: String(error.params.limit) } }];
    default:
      return [{ ...base, messageId: "invalid", data: { detail: error.message ?? error.keyword } }];
  }
}

/** A key the schema does not know, pointed at, with the closest allowed one when there is one. */
function unknownKey(path: string, key: string, allowed: readonly string[]): Problem {
  const suggestion = closest(key, allowed);
  return {
    rule: "schema",
    path: childPointer(path, key),
    atKey: true,
    messageId: suggestion ? "unknown-key-suggest" : "unknown-key",
    data: { key, suggestion: suggestion ?? "", allowed: allowed.join(", ") },
  };
}

/** A value of the wrong type, pattern or range: a transcription slip with its fix when there is one. */
function valueProblem(error: ErrorObject, instance: unknown): Problem {
  const path = error.instancePath;
  const value = preview(valueAt(instance, path));
  const format = formatOf(error);
  const base = { rule: "schema", path };
  const slip = format ? transcriptionFix(format, valueAt(instance, path)) : undefined;
  if (format && slip !== undefined) return { ...base, messageId: slipMessages[format] ?? "amount-slip", data: { value, fix: slip } };
  if (format) return { ...base, messageId: format, data: { value } };
  if (error.keyword === "pattern") return { ...base, messageId: "not-blank", data: { value } };
  if (error.keyword !== "type") return { ...base, messageId: "range", data: { value, limit: `${error.params.comparison} ${error.params.limit}` } };
  const types = String(error.params.type).split(",");
  return {
    ...base,
    messageId: "type",
    data: {
      value,
      expected: {
        zh: types.map((type) => typeNames[type]?.zh ?? type).join("或"),
        en: types.map((type) => typeNames[type]?.en ?? type).join(" or "),
      },
    },
  };
}
