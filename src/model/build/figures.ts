import { isMap, type Node } from "yaml";
import { childPointer } from "../../load/json-pointer.js";
import { mapEntries, scalarText } from "../../load/yaml-tree.js";
import type { ShareBase } from "../declaration.js";
import { parseAmount, parsePercent, writtenDecimals, type Amount, type Percent } from "../figure.js";
import { referenceAt } from "../reference.js";
import { nodeAt, textAt, type BuildContext } from "./context.js";

/** Significant digits an amount may have: sums of such amounts stay exact at Exact's 80. */
const maxDigits = 40;

/** Rows without earlier years share one empty map (nothing changes a row once built). */
export const none = new Map<never, never>();

/** An amount read from its source text, refused past maxDigits and reported when written too precisely. */
export function amountOf(context: BuildContext, node: Node | undefined, owner: string, key: string | number): Amount | undefined {
  const source = scalarText(node);
  const { precision, problems } = context;
  const amount = source === undefined ? undefined : parseAmount(source, precision, owner, key, context.shift);
  if (amount && amount.value.precision(true) > maxDigits) {
    // Beyond any budget (10^40); past this the arithmetic could no longer be exact.
    problems.push({ rule: "schema", messageId: "too-many-digits", path: amount.path, data: { digits: amount.value.precision(true), limit: maxDigits } });
    return undefined;
  }
  if (amount && amount.decimals > amount.precision) {
    const written = writtenDecimals(amount);
    const decimals = { zh: String(written), en: `${written} decimal${written === 1 ? "" : "s"}` };
    problems.push({ rule: "schema", messageId: "too-precise", path: amount.path, data: { value: source ?? "", decimals, precision } });
  }
  return amount;
}

export function amountAt(context: BuildContext, owner: unknown, key: string, path: string): Amount | undefined {
  return amountOf(context, nodeAt(context, owner, key), path, key);
}

export function percentAt(context: BuildContext, owner: unknown, key: string, path: string): Percent | undefined {
  const source = textAt(context, owner, key);
  return source === undefined ? undefined : parsePercent(source, path, key);
}

/**
 * A map keyed by year (history, an indicator's values), each value read by `read`. `2023` and `"2023"` are
 * different YAML keys but one year: the second would silently replace the first, so it is reported.
 */
export function byYear<T>(context: BuildContext, node: unknown, path: string, read: (value: Node | undefined, year: string) => T | undefined): Map<number, T> {
  const years = new Map<number, T>();
  for (const { key: year, value: valueNode } of mapEntries(context.doc, node)) {
    const value = read(valueNode, year);
    if (value === undefined) continue;
    const at = childPointer(path, year);
    if (years.has(Number.parseInt(year, 10))) context.problems.push({ rule: "schema", messageId: "duplicate-year", path: at, atKey: true, data: { year } });
    else years.set(Number.parseInt(year, 10), value);
  }
  return years;
}

/** `history: { 2023: 1435.1 }`: earlier years' amounts. */
export function historyAt(context: BuildContext, owner: unknown, path: string): Map<number, Amount> {
  const node = nodeAt(context, owner, "history");
  if (!isMap(node)) return none;
  const historyPath = childPointer(path, "history");
  return byYear(context, node, historyPath, (value, year) => amountOf(context, value, historyPath, year));
}

export function shareBaseAt(context: BuildContext, owner: unknown, path: string): ShareBase | undefined {
  const value = textAt(context, owner, "shareOf");
  if (value === undefined) return undefined;
  if (value === "total" || value === "parent") return { kind: value };
  const reference = referenceAt(value, childPointer(path, "shareOf"));
  return reference ? { kind: "reference", reference } : undefined;
}
