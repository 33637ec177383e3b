import type { Text } from "../text.js";
import type { Amount, Percent } from "./figure.js";

/** The declaration as the rules see it: every figure a Decimal with its JSON pointer. */
export interface Declaration {
  /** The department or unit, as printed (may be empty in an excerpt). */
  department: string;
  year: number;
  unit: string;
  precision: number;
  /** Whether shares and growth rates were computed from the printed amounts or from unrounded ones. */
  ratioBasis: "unrounded" | "printed";
  /** Only part of the disclosure is declared: missing tables are not reported. */
  excerpt: boolean;
  /** Read from a document: its tables' lines carry the ids the reader gave them, not a bureau's. */
  printed: boolean;
  /** The tables, and last the `narrative` table of the figures the text states on its own, if any. */
  tables: Table[];
  tablesById: Map<string, Table>;
  statements: Statement[];
  /** What the reader of a document left out, as `import` lists it. */
  unread: Unread[];
}

/** A stretch of a document that `import` did not read or could not declare, and why (schema `unread.why`). */
export interface Unread {
  text: string;
  why: string;
  path: string;
}

/** What a share is a share of. */
export type ShareBase = { kind: "total" } | { kind: "parent" } | { kind: "reference"; reference: Reference };

/** `t5-1/2010350:basic`: a table, optionally a line (by id or code), optionally a column. */
export interface Reference {
  text: string;
  table: string;
  line?: string;
  column?: string;
  path: string;
}

/** Anything that states an amount with its year-on-year figures: a table line, a total row, a stated figure. */
export interface Row {
  kind: "line" | "total" | "statement";
  path: string;
  label: Text;
  /** The main column's amount (the only one in a single-column table). */
  amount?: Amount;
  /** Amounts by column id, in a table with columns. */
  columns: Map<string, Amount>;
  prior?: Amount;
  change?: Amount;
  growth?: Percent;
  /** A final account's comparison with its initial budget (年初预算数, 较年初预算增减额, 增减率). */
  budgeted?: Amount;
  budgetChange?: Amount;
  budgetGrowth?: Percent;
  share?: Percent;
  shareOf?: ShareBase;
  history: Map<number, Amount>;
  /** 主要原因, where the change is explained. */
  reason?: string;
  /** 持平 / 无增减变化: a change of 0 and a growth rate of 0% stated in words. */
  unchanged?: true;
}

export interface Line extends Row {
  kind: "line";
  table: Table;
  parent?: Line;
  id?: string;
  code?: string;
  name: string;
  lines: Line[];
  /** A figure the narrative states on its own (table `narrative`): the sentence that states it. */
  statement?: Statement;
  /** Another breakdown of a figure restated from elsewhere: its own figures are printed there, only its lines here. */
  breakdown?: true;
  /** Its lines are a 其中 list that does not say it is complete: they add up to at most this line. */
  partialList?: true;
  /** A count or headcount (个, 人) instead of an amount of money. */
  countUnit?: string;
  /** An amount worked out as a count times a rate (268名代表，年人均2400元计643200元). */
  product?: { count: Amount; rate: Amount; path: string };
  /** The names a count lists (分别是：A、B、C). */
  items?: { names: string[]; path: string };
}

export interface TotalRow extends Row {
  kind: "total";
  table: Table;
  /** As printed: 合计, 总计, 支出合计. */
  name: string;
}

export interface Column {
  id: string;
  name: string;
  sum?: string[];
  path: string;
  /** The published table does not print this column: its cells are unknown, not 0. */
  unprinted?: true;
}

export interface Project {
  path: string;
  table: Table;
  id: string;
  name: string;
  label: Text;
  amount?: Amount;
  budget?: Amount;
  funding: { source: string; amount: Amount; path: string }[];
  fundingPath: string;
  history: Map<number, Amount>;
}

/** A performance indicator (绩效指标) with its values by year, as printed. */
export interface Indicator {
  path: string;
  id?: string;
  name: string;
  group?: string;
  label: Text;
  values: Map<number, { text: string; path: string }>;
}

export interface Table {
  path: string;
  id: string;
  /** How findings name it: its id, or in a declaration read from a document its printed number (表5-1) or title. */
  shown: string;
  title: string;
  kind?: string;
  columns: Column[];
  total?: TotalRow;
  lines: Line[];
  projects: Project[];
  indicators: Indicator[];
  shareOf?: ShareBase;
  empty?: string;
  /** Lines by id and by code, for references. */
  linesByKey: Map<string, Line>;
  /** Every line at every depth, parents before their children: what most rules walk. */
  allLines: Line[];
}

/** The id of the table that holds the figures the narrative states on its own. */
export const narrativeTableId = "narrative";

export interface Statement {
  path: string;
  text: string;
  /** The figures that restate a table line. */
  figures: StatedFigure[];
  /** The figures the sentence states on its own, as lines of the `narrative` table (with their 其中 parts). */
  narrative: Line[];
  /** How many project performance targets the sentence says were set. */
  projectTargets?: number;
  /** The budget year the sentence names (纳入…2025年度部门预算范围). */
  budgetYear?: number;
}

export interface StatedFigure extends Row {
  kind: "statement";
  statement: Statement;
  restates: Reference;
  /** The name the sentence gives it (read from a document), by which findings speak of it. */
  name?: string;
}

/** Every row of a table: its total row first, then its lines depth-first. */
export function tableRows(table: Table): (TotalRow | Line)[] {
  return table.total ? [table.total, ...table.allLines] : table.allLines;
}

/** Every row whose figures relate: the tables' rows, then the narrative's stated figures. */
export function allRows(declaration: Declaration): AnyRow[] {
  const rows: AnyRow[] = [];
  for (const table of declaration.tables) rows.push(...tableRows(table));
  for (const statement of declaration.statements) rows.push(...statement.figures);
  return rows;
}

export type AnyRow = Line | TotalRow | StatedFigure;
