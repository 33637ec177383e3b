import type { TableTemplate } from "./catalogue.js";
import type { Cell } from "./grid.js";

/** An amount of a line in one column, with the cell it is printed in. */
export interface CellAmount {
  value: string;
  cell: Cell;
}

/** A row of a table as read: its code and name as printed, its amounts by column id, its child rows. */
export interface TableLine {
  code?: string;
  name: string;
  /** Where the row's label is printed. */
  label: Cell;
  amounts: Map<string, CellAmount>;
  /** A share printed on the row (占比). */
  share?: CellAmount;
  /** The row's prior year, change and rate of change, where the table prints them (上年数, 增减额, 增减率). */
  prior?: CellAmount;
  change?: CellAmount;
  growth?: CellAmount;
  /** Earlier years' amounts, by year (a 部门整体支出绩效目标表's 近两年收支金额). */
  history?: Map<number, CellAmount>;
  /** An id the format's conventions give it (`income`, `expenditure`, `general` …). */
  id?: string;
  lines: TableLine[];
}

/** Why part of a table was not read: each is reported, never guessed. */
export type TableGapWhy = "unit" | "columns" | "row" | "partly-read" | "no-rows" | "performance" | "title-only";

/** Something of a table not read, where it is printed. */
export interface TableGap {
  why: TableGapWhy;
  start: number;
  end: number;
  text: string;
}

/** An amount column: its standard id, its header words as printed, where its header is. */
export interface TableColumn {
  id: string;
  name: string;
  /** Every header word above it, merged ones too (公务用车购置及运行维护费 over 小计). */
  header: string;
  cell: Cell;
}

/** One of the 公开表 as read from the document, in its own words and places. */
export interface ReadTable {
  template: TableTemplate;
  /** The title row as printed. */
  title: Cell;
  /** The number printed before the title (`5-1`), if any. */
  no?: string;
  unit?: { unit: string; cell: Cell };
  columns: TableColumn[];
  /** How the columns sum, by column id. */
  sums: Map<string, string[]>;
  total?: TableLine;
  lines: TableLine[];
  /** A note printed under a table without data (注：本部门没有…). */
  note?: Cell;
  gaps: TableGap[];
  /** A performance target table's composition, project and indicators. */
  performance?: PerformanceRead;
  /** From the title to the table's last row: what the sentence reader leaves to the table reader. */
  extent: { start: number; end: number };
}

/** A performance indicator as a 绩效目标表 prints it: its 三级指标, and its value by year (前年, 上年, 当年). */
export interface ReadIndicator {
  name: string;
  label: Cell;
  /** By the year's distance back from the budget's year: 0 this year, -1 last year, -2 the year before. */
  values: Map<number, Cell>;
}

/** A project as a 项目支出绩效目标表 states it: name, total and this year's budget, earlier years' budgets. */
export interface ReadProject {
  name: string;
  label: Cell;
  budget?: CellAmount;
  amount?: CellAmount;
  /** Earlier years' budgets, by year, as the text of 项目前两年预算及当年预算变动情况 states them. */
  history: Map<number, CellAmount>;
}

/** What a performance target table holds that the rules compare: its 收入/支出 composition, its projects, its indicators. */
export interface PerformanceRead {
  sides: TableLine[];
  projects: ReadProject[];
  indicators: ReadIndicator[];
  /** The budget's year, where the table tells it (the year after its 近两年收支金额). */
  year?: number;
}
