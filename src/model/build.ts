import { isMap, isScalar, type Document, type Node } from "yaml";
import type { Problem } from "../problem.js";
import { childPointer } from "../load/json-pointer.js";
import { resolved, scalarText, seqItems } from "../load/yaml-tree.js";
import { bilingual } from "../text.js";
import type { Column, Declaration, Indicator, Line, Project, Reference, Row, ShareBase, StatedFigure, Statement, Table, TotalRow } from "./declaration.js";
import { parseAmount, parsePercent, type Amount, type Percent } from "./figure.js";

export const defaultPrecision = 2;

/** Significant digits an amount may have: sums of such amounts stay exact at Exact's 80. */
const maxDigits = 40;

/** Rows without earlier years or columns share one empty map (nothing changes a row once built). */
const none = new Map<never, never>();

/** A table line. A class, so that its label is a getter on the prototype, built only for a finding. */
class LineRow implements Line {
  readonly kind = "line";
  columns: Map<string, Amount> = none;
  history: Map<number, Amount> = none;
  lines: Line[] = [];
  amount?: Amount;
  prior?: Amount;
  change?: Amount;
  growth?: Percent;
  share?: Percent;
  shareOf?: ShareBase;
  reason?: string;
  parent?: Line;
  id?: string;
  code?: string;
  constructor(
    readonly table: Table,
    readonly path: string,
    readonly name: string,
    code: string | undefined,
    id: string | undefined,
    parent: Line | undefined,
  ) {
    if (code !== undefined) this.code = code;
    if (id !== undefined) this.id = id;
    if (parent) this.parent = parent;
  }
  get label() {
    const shown = this.code === undefined ? this.name : `${this.code} ${this.name}`;
    return bilingual(`${this.table.id}「${shown}」`, `${this.table.id} line “${shown}”`);
  }
}

/**
 * Builds the rules' model from a declaration that passed the schema. Figures are read from the
 * scalars' source text into Decimals; nothing goes through a JS number. Problems are the structural
 * ones the schema cannot see (an amount for a column the table does not declare, an id used twice).
 */
export function buildDeclaration(doc: Document, defaults: { precision?: number } = {}): { declaration: Declaration; problems: Problem[] } {
  const problems: Problem[] = [];
  const root = doc.contents;
  /** A map's value by key: a short scan, cheaper than building an index for each of a large declaration's rows. */
  const read = (node: unknown, key: string): Node | undefined => {
    if (!isMap(node)) return undefined;
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? pair.key.value : undefined;
      if (name === key) return resolved(doc, pair.value);
    }
    return undefined;
  };
  const text = (node: unknown, key: string) => scalarText(read(node, key));
  const integer = (node: unknown, key: string) => {
    const value = text(node, key);
    return value === undefined ? undefined : Number.parseInt(value, 10);
  };

  const documentPrecision = integer(root, "precision") ?? defaults.precision ?? defaultPrecision;
  const declaration: Declaration = {
    year: integer(read(root, "department"), "year") ?? 0,
    department: text(read(root, "department"), "name") ?? "",
    unit: text(root, "unit") ?? "",
    precision: documentPrecision,
    ratioBasis: text(root, "ratioBasis") === "printed" ? "printed" : "unrounded",
    tables: [],
    tablesById: new Map(),
    statements: [],
  };

  const amountOf = (node: Node | undefined, owner: string, key: string | number, precision: number): Amount | undefined => {
    const source = scalarText(node);
    const amount = source === undefined ? undefined : parseAmount(source, precision, owner, key);
    if (amount && amount.value.precision(true) > maxDigits) {
      // Beyond any budget (10^40); past this the arithmetic could no longer be exact.
      problems.push({ rule: "schema", messageId: "too-many-digits", path: amount.path, data: { digits: amount.value.precision(true), limit: maxDigits } });
      return undefined;
    }
    if (amount && amount.decimals > precision) {
      problems.push({ rule: "schema", messageId: "too-precise", path: amount.path, data: { value: source ?? "", decimals: amount.decimals, precision } });
    }
    return amount;
  };
  const amountAt = (owner: unknown, key: string, path: string, precision: number) => amountOf(read(owner, key), path, key, precision);
  const percentAt = (owner: unknown, key: string, path: string): Percent | undefined => {
    const source = text(owner, key);
    return source === undefined ? undefined : parsePercent(source, path, key);
  };
  // `2023` and `"2023"` are different YAML keys but one year: the second would silently replace the first.
  const yearTwice = (path: string, year: string) => problems.push({ rule: "schema", messageId: "duplicate-year", path, atKey: true, data: { year } });
  const historyAt = (owner: unknown, path: string, precision: number): Map<number, Amount> => {
    const node = read(owner, "history");
    if (!isMap(node)) return none;
    const history = new Map<number, Amount>();
    const historyPath = childPointer(path, "history");
    for (const pair of node.items) {
      const year = scalarText(pair.key);
      if (year === undefined) continue;
      const amount = amountOf(resolved(doc, pair.value), historyPath, year, precision);
      if (!amount) continue;
      if (history.has(Number.parseInt(year, 10))) yearTwice(childPointer(historyPath, year), year);
      else history.set(Number.parseInt(year, 10), amount);
    }
    return history;
  };
  const referenceOf = (value: string | undefined, path: string): Reference | undefined => {
    if (value === undefined) return undefined;
    const match = /^([^/:]+)(?:\/([^:]+))?(?::(.+))?$/.exec(value);
    if (!match || match[1] === undefined) return undefined;
    const reference: Reference = { text: value, table: match[1], path };
    if (match[2] !== undefined) reference.line = match[2];
    if (match[3] !== undefined) reference.column = match[3];
    return reference;
  };
  const shareBaseAt = (owner: unknown, path: string): ShareBase | undefined => {
    const value = text(owner, "shareOf");
    if (value === undefined) return undefined;
    if (value === "total" || value === "parent") return { kind: value };
    const reference = referenceOf(value, childPointer(path, "shareOf"));
    return reference ? { kind: "reference", reference } : undefined;
  };

  /** The figures every row has: amount (per column), prior, change, growth, share, history. */
  const fillRow = (row: Row, node: Node, table: Table | undefined, precision: number) => {
    const path = row.path;
    const amountNode = read(node, "amount");
    const main = table?.columns[0]?.id;
    if (isMap(amountNode)) {
      const amountPath = childPointer(path, "amount");
      if (!table || table.columns.length === 0) {
        problems.push({ rule: "schema", messageId: "no-columns", path: amountPath, data: { table: table?.id ?? "" } });
      } else {
        row.columns = new Map();
        for (const pair of amountNode.items) {
          const column = scalarText(pair.key);
          if (column === undefined) continue;
          if (!table.columns.some((declared) => declared.id === column)) {
            problems.push({
              rule: "schema",
              messageId: "unknown-column",
              path: childPointer(amountPath, column),
              atKey: true,
              data: { column, table: table.id },
            });
            continue;
          }
          const amount = amountOf(resolved(doc, pair.value), amountPath, column, precision);
          if (amount) row.columns.set(column, amount);
        }
        if (main !== undefined) row.amount = row.columns.get(main);
      }
    } else {
      const amount = amountOf(amountNode, path, "amount", precision);
      if (amount) {
        row.amount = amount;
        if (main !== undefined) row.columns = new Map([[main, amount]]);
      }
    }
    const prior = amountAt(node, "prior", path, precision);
    if (prior) row.prior = prior;
    const change = amountAt(node, "change", path, precision);
    if (change) row.change = change;
    const growth = percentAt(node, "growth", path);
    if (growth) row.growth = growth;
    const share = percentAt(node, "share", path);
    if (share) row.share = share;
    const shareOf = shareBaseAt(node, path);
    if (shareOf) row.shareOf = shareOf;
    row.history = historyAt(node, path, precision);
    const reason = text(node, "reason");
    if (reason !== undefined) row.reason = reason;
  };

  const buildLine = (node: Node, path: string, table: Table, parent: Line | undefined, precision: number): Line => {
    const linePrecision = integer(node, "precision") ?? precision;
    const code = text(node, "code");
    const name = text(node, "name") ?? "";
    const id = text(node, "id");
    const line = new LineRow(table, path, name, code, id, parent);
    fillRow(line, node, table, linePrecision);
    for (const key of [id, code]) {
      if (key === undefined) continue;
      if (table.linesByKey.has(key) && key === id) {
        problems.push({ rule: "schema", messageId: "duplicate-id", path: childPointer(path, "id"), data: { id: key, table: table.id } });
      } else if (!table.linesByKey.has(key)) {
        table.linesByKey.set(key, line);
      }
    }
    table.allLines.push(line);
    line.lines = seqItems(doc, read(node, "lines")).map((child, index) =>
      buildLine(child, childPointer(childPointer(path, "lines"), index), table, line, linePrecision),
    );
    return line;
  };

  const buildProject = (node: Node, path: string, table: Table, precision: number): Project => {
    const name = text(node, "name") ?? "";
    const fundingPath = childPointer(path, "funding");
    const project: Project = {
      path,
      table,
      id: text(node, "id") ?? "",
      name,
      label: bilingual(`${table.id} 项目「${name}」`, `${table.id} project “${name}”`),
      funding: [],
      fundingPath,
      history: historyAt(node, path, precision),
    };
    const amount = amountAt(node, "amount", path, precision);
    if (amount) project.amount = amount;
    const budget = amountAt(node, "budget", path, precision);
    if (budget) project.budget = budget;
    seqItems(doc, read(node, "funding")).forEach((item, index) => {
      const itemPath = childPointer(fundingPath, index);
      const fundingAmount = amountAt(item, "amount", itemPath, precision);
      if (fundingAmount) project.funding.push({ source: text(item, "source") ?? "", amount: fundingAmount, path: itemPath });
    });
    return project;
  };

  seqItems(doc, read(root, "tables")).forEach((node, index) => {
    const path = childPointer("/tables", index);
    const precision = integer(node, "precision") ?? documentPrecision;
    const id = text(node, "id") ?? "";
    const table: Table = {
      path,
      id,
      title: text(node, "title") ?? "",
      columns: [],
      lines: [],
      projects: [],
      indicators: [],
      linesByKey: new Map(),
      allLines: [],
    };
    const kind = text(node, "kind");
    if (kind !== undefined) table.kind = kind;
    const shareOf = shareBaseAt(node, path);
    if (shareOf) table.shareOf = shareOf;
    const empty = text(read(node, "empty"), "reason");
    if (empty !== undefined) table.empty = empty;

    table.columns = seqItems(doc, read(node, "columns")).map((columnNode, columnIndex): Column => {
      const columnPath = childPointer(childPointer(path, "columns"), columnIndex);
      const column: Column = { id: text(columnNode, "id") ?? "", name: text(columnNode, "name") ?? "", path: columnPath };
      const sum = seqItems(doc, read(columnNode, "sum")).map((item) => scalarText(item) ?? "");
      if (sum.length > 0) column.sum = sum;
      return column;
    });
    for (const column of table.columns) {
      for (const [partIndex, part] of (column.sum ?? []).entries()) {
        if (part === column.id) {
          problems.push({
            rule: "schema",
            messageId: "sum-of-itself",
            path: childPointer(childPointer(column.path, "sum"), partIndex),
            data: { column: part },
          });
        } else if (!table.columns.some((declared) => declared.id === part)) {
          problems.push({
            rule: "schema",
            messageId: "unknown-column",
            path: childPointer(childPointer(column.path, "sum"), partIndex),
            data: { column: part, table: id },
          });
        }
      }
    }

    const totalNode = read(node, "total");
    if (isMap(totalNode)) {
      const totalPath = childPointer(path, "total");
      const name = text(totalNode, "name") ?? "合计";
      const total: TotalRow = {
        kind: "total",
        table,
        name,
        path: totalPath,
        label: bilingual(`${id}「${name}」`, `${id} total “${name}”`),
        columns: new Map(),
        history: new Map(),
      };
      fillRow(total, totalNode, table, integer(totalNode, "precision") ?? precision);
      table.total = total;
    }
    table.lines = seqItems(doc, read(node, "lines")).map((lineNode, lineIndex) =>
      buildLine(lineNode, childPointer(childPointer(path, "lines"), lineIndex), table, undefined, precision),
    );
    table.projects = seqItems(doc, read(node, "projects")).map((projectNode, projectIndex) =>
      buildProject(projectNode, childPointer(childPointer(path, "projects"), projectIndex), table, precision),
    );
    table.indicators = seqItems(doc, read(node, "indicators")).map((indicatorNode, indicatorIndex) => {
      const indicatorPath = childPointer(childPointer(path, "indicators"), indicatorIndex);
      const name = text(indicatorNode, "name") ?? "";
      const group = text(indicatorNode, "group");
      const indicator: Indicator = {
        path: indicatorPath,
        name,
        label: bilingual(`${id} 指标「${group ? `${group}/` : ""}${name}」`, `${id} indicator “${group ? `${group}/` : ""}${name}”`),
        values: new Map(),
      };
      const indicatorId = text(indicatorNode, "id");
      if (indicatorId !== undefined) indicator.id = indicatorId;
      if (group !== undefined) indicator.group = group;
      const valuesNode = read(indicatorNode, "values");
      if (isMap(valuesNode)) {
        for (const pair of valuesNode.items) {
          const year = scalarText(pair.key);
          const value = scalarText(resolved(doc, pair.value));
          if (year === undefined || value === undefined) continue;
          if (indicator.values.has(Number.parseInt(year, 10))) {
            yearTwice(childPointer(childPointer(indicatorPath, "values"), year), year);
            continue;
          }
          indicator.values.set(Number.parseInt(year, 10), { text: value, path: childPointer(childPointer(indicatorPath, "values"), year) });
        }
      }
      return indicator;
    });

    // A table printed empty (空表) has nothing else; data beside `empty` would be checked as if printed.
    if (table.empty !== undefined && (table.total || table.lines.length > 0 || table.projects.length > 0 || table.indicators.length > 0)) {
      problems.push({ rule: "schema", messageId: "empty-with-data", path: childPointer(path, "empty"), atKey: true, data: { table: id } });
    }
    if (declaration.tablesById.has(id)) {
      problems.push({ rule: "schema", messageId: "duplicate-id", path: childPointer(path, "id"), data: { id, table: id } });
    } else {
      declaration.tablesById.set(id, table);
    }
    declaration.tables.push(table);
  });

  seqItems(doc, read(root, "statements")).forEach((node, index) => {
    const path = childPointer("/statements", index);
    const statement: Statement = { path, text: text(node, "text") ?? "", figures: [] };
    const projectTargets = integer(node, "projectTargets");
    if (projectTargets !== undefined) statement.projectTargets = projectTargets;
    seqItems(doc, read(node, "figures")).forEach((figureNode, figureIndex) => {
      const figurePath = childPointer(childPointer(path, "figures"), figureIndex);
      const restatesText = text(figureNode, "restates") ?? "";
      const restates = referenceOf(restatesText, childPointer(figurePath, "restates")) ?? {
        text: restatesText,
        table: restatesText,
        path: childPointer(figurePath, "restates"),
      };
      const figure: StatedFigure = {
        kind: "statement",
        statement,
        restates,
        path: figurePath,
        label: bilingual(`情况说明所述的 ${restatesText}`, `the narrative's ${restatesText}`),
        columns: new Map(),
        history: new Map(),
      };
      fillRow(figure, figureNode, undefined, documentPrecision);
      statement.figures.push(figure);
    });
    declaration.statements.push(statement);
  });

  return { declaration, problems };
}
