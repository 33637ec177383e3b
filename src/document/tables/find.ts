import { amountOf } from "./amount.js";
import { templateOf, type TableTemplate } from "./catalogue.js";
import { rowWords, type GridRow } from "./grid.js";

/** A table's place in the document: its title row and the rows under it, up to the next table or the narrative. */
export interface FoundTable {
  template: TableTemplate;
  title: GridRow;
  no?: string;
  body: GridRow[];
}

/** A heading of the narrative or of a part (第三部分, 一、): where a table's rows end. */
const heading = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[,，]?、)/;

/** A row of several cells in Word or Excel is a table's; a lone cell may hold a paragraph (a workbook's narrative). */
const isCells = (row: GridRow) => row.gridded && row.cells.filter((cell) => cell.text !== "").length > 1;

/** A heading of the narrative: 一、支出合计 4.9 0 0 0 is a row of the table, 一、收支预算总体情况 a heading. */
function isHeading(row: GridRow): boolean {
  const words = rowWords(row);
  const figures = row.cells.some((cell) => amountOf(cell.text));
  // In a Word or Excel table, or a PDF's (whose prose ends a table anyway), a row 五、单位资金收入 with its
  // figures blank is still the table's: there a heading of the narrative is one that says what it tells (…情况).
  const inTable = row.gridded || row.positioned === true;
  return !isCells(row) && heading.test(words) && !figures && (!inTable || /(?:情况|说明)$/.test(words));
}

/** A row that is prose, not a table's: a long sentence, or a heading of the narrative. */
function isProse(row: GridRow): boolean {
  const words = rowWords(row);
  return isHeading(row) || (!isCells(row) && words.length > 40 && /[。;]$|,/.test(words));
}

/** A note under a table (注：…, 说明：…): part of it, not the narrative. */
export function isNote(row: GridRow): boolean {
  return /^(?:注|说明|备注)\s*\d*\s*[:：]/.test(rowWords(row));
}

/** The printed number of a title (表5-1 → `5-1`). */
function numberOf(words: string): string | undefined {
  const match = /^(?:附)?表(\d+(?:[-—－]\d+)?)/.exec(words);
  return match?.[1]?.replace(/[—－]/, "-");
}

/** Each row's title, looked up once: every table's body is scanned for the next title. */
const titles = new WeakMap<GridRow, TableTemplate | null>();

/** A row is a title when, short, its words name a template; a gridded row is a title only alone in its row. */
function titleOf(row: GridRow): TableTemplate | undefined {
  const known = titles.get(row);
  if (known !== undefined) return known ?? undefined;
  const template = templateFor(row);
  titles.set(row, template ?? null);
  return template;
}

function templateFor(row: GridRow): TableTemplate | undefined {
  const filled = row.cells.filter((cell) => cell.text !== "");
  // In a sheet the number may stand in a cell of its own before the title (表3 | 部门支出总表).
  const numbered =
    filled.length >= 2 &&
    /^(?:附)?表\s*\d+(?:[-—－]\d+)?[.、]?$/.test((filled[0]?.text ?? "").trim()) &&
    filled.slice(2).every((cell) => /单位/.test(cell.text));
  if (filled.length === 0 || (row.gridded && filled.length > 1 && !numbered)) return undefined;
  const words = rowWords(row);
  return words.length <= 48 ? templateOf(words) : undefined;
}

/** The rows of a table's body: after its title, to the next title, a narrative heading or prose (a note is kept). */
function bodyOf(rows: readonly GridRow[], from: number, template: TableTemplate): GridRow[] {
  const body: GridRow[] = [];
  let gridStarted = false;
  // A performance table holds prose of its own (goals, a department's duties) in its cells.
  const performance = template.shape === "performance";
  for (let index = from; index < rows.length; index += 1) {
    const row = rows[index];
    if (row?.furniture) continue;
    if (!row || titleOf(row) || row.sheet) break;
    // A performance table holds prose of its own (goals, duties, reasons) in its cells, whatever its form.
    if (performance ? isHeading(row) : isProse(row) && !isNote(row)) break;
    // In Word, a paragraph after the table's cells ends it, unless it is its note or blank.
    if (gridStarted && !row.gridded && rowWords(row) !== "" && !isNote(row)) break;
    gridStarted ||= row.gridded;
    body.push(row);
  }
  while (body.length > 0 && rowWords(body.at(-1) as GridRow) === "") body.pop();
  return body;
}

/** Every table the document prints: its title as the catalogue knows it, and its rows. */
export function findTables(rows: readonly GridRow[]): FoundTable[] {
  const found: FoundTable[] = [];
  for (const [index, row] of rows.entries()) {
    const template = titleOf(row);
    if (!template) continue;
    // A sheet's name, then its title (表1 部门收支总表 above 部门收支总表): one table, named by the second.
    const previous = found.at(-1);
    const merges = previous !== undefined && previous.body.length === 0 && previous.template === template;
    const no = numberOf(rowWords(row)) ?? (merges ? previous.no : undefined);
    if (merges) found.pop();
    const body = bodyOf(rows, index + 1, template);
    found.push({ template, title: row, ...(no ? { no } : {}), body });
  }
  return found;
}
