import { childPointer } from "../load/json-pointer.js";
import type { Declaration, Line, Row, Table } from "./declaration.js";
import { printedAmount, printedPercent, type Amount, type Percent } from "./figure.js";

/**
 * A declaration as a report shows it: plain data (it crosses worker threads and goes into caches), every
 * figure as printed with the JSON pointer findings point at. Built once, by the check, so that no
 * report parses or models the declaration again.
 */
export interface DeclarationView {
  department: string;
  year: number;
  tables: TableView[];
  statements: StatementView[];
}

/** A figure as printed, and where it stands. */
export interface FigureView {
  path: string;
  text: string;
}

export interface RowView {
  kind: "total" | "line" | "statement";
  path: string;
  code?: string;
  name: string;
  depth: number;
  figures: Partial<Record<"amount" | "prior" | "change" | "growth" | "share", FigureView>>;
  /** By column id, for a table with columns. */
  columns: Record<string, FigureView>;
  /** By year, for earlier years' amounts. */
  history: Record<string, FigureView>;
}

export interface TableView {
  path: string;
  id: string;
  title: string;
  kind?: string;
  empty?: string;
  columns: { id: string; name: string }[];
  rows: RowView[];
  projects: { path: string; name: string; budget?: FigureView; amount?: FigureView; history: Record<string, FigureView> }[];
  indicators: { path: string; name: string; values: Record<string, FigureView> }[];
}

export interface StatementView {
  path: string;
  text: string;
  figures: (RowView & { restates: string })[];
}

function amountView(amount: Amount | undefined): FigureView | undefined {
  return amount ? { path: amount.path, text: printedAmount(amount) } : undefined;
}

function percentView(percent: Percent | undefined): FigureView | undefined {
  return percent ? { path: percent.path, text: printedPercent(percent) } : undefined;
}

function byYear(history: ReadonlyMap<number, Amount>): Record<string, FigureView> {
  return Object.fromEntries([...history].map(([year, amount]) => [String(year), { path: amount.path, text: printedAmount(amount) }]));
}

function rowView(row: Row, name: string, depth: number, code?: string): RowView {
  const figures: RowView["figures"] = {};
  const entries = {
    amount: amountView(row.amount),
    prior: amountView(row.prior),
    change: amountView(row.change),
    growth: percentView(row.growth),
    share: percentView(row.share),
  };
  for (const [key, figure] of Object.entries(entries)) if (figure) figures[key as keyof typeof entries] = figure;
  const columns = Object.fromEntries([...row.columns].map(([id, amount]) => [id, { path: amount.path, text: printedAmount(amount) }]));
  return { kind: row.kind, path: row.path, name, depth, figures, columns, history: byYear(row.history), ...(code !== undefined ? { code } : {}) };
}

function depthOf(line: Line): number {
  let depth = 0;
  for (let parent = line.parent; parent; parent = parent.parent) depth += 1;
  return depth;
}

function tableView(table: Table): TableView {
  const rows = [
    ...(table.total ? [rowView(table.total, table.total.name, 0)] : []),
    ...table.allLines.map((line) => rowView(line, line.name, depthOf(line), line.code)),
  ];
  return {
    path: table.path,
    id: table.id,
    title: table.title,
    ...(table.kind !== undefined ? { kind: table.kind } : {}),
    ...(table.empty !== undefined ? { empty: table.empty } : {}),
    columns: table.columns.map(({ id, name }) => ({ id, name })),
    rows,
    projects: table.projects.map((project) => {
      const budget = amountView(project.budget);
      const amount = amountView(project.amount);
      return { path: project.path, name: project.name, history: byYear(project.history), ...(budget ? { budget } : {}), ...(amount ? { amount } : {}) };
    }),
    indicators: table.indicators.map((indicator) => ({
      path: indicator.path,
      name: indicator.group ? `${indicator.group} / ${indicator.name}` : indicator.name,
      values: Object.fromEntries([...indicator.values].map(([year, value]) => [String(year), { path: value.path, text: value.text }])),
    })),
  };
}

export function viewOf(declaration: Declaration): DeclarationView {
  return {
    department: declaration.department,
    year: declaration.year,
    tables: declaration.tables.map(tableView),
    statements: declaration.statements.map((statement) => ({
      path: statement.path,
      text: statement.text,
      figures: statement.figures.map((figure) => ({ ...rowView(figure, figure.restates.text, 0), restates: figure.restates.text })),
    })),
  };
}

/** Where a row's code and name stand, for highlighting them. */
export function rowKeyPath(row: RowView, key: "code" | "name" | "restates"): string {
  return childPointer(row.path, key);
}
