import { bilingual } from "../../text.js";
import { DocumentError, lineInCell, type DocumentText, type DocxPlace, type TableCell } from "./document.js";
import { Layout, type Anchor } from "./layout.js";
import { defaultLimits, ReadBudget, type DocumentLimits } from "./limits.js";
import { parseXml, readXmlPart, type XmlHandler } from "./xml.js";
import { corruptZip, zipEntries } from "./zip.js";

/** A node of the document's ordered tree: `{ tag: children }`, or `{ "#text": text }` (see TreeBuilder). */
type XmlNode = Record<string, unknown>;

const tagOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ":@") ?? "";
const childrenOf = (node: XmlNode): XmlNode[] => {
  const children = node[tagOf(node)];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
};

/** What a run's elements stand for in the text; other elements (field codes, deleted text) stand for nothing. */
const runCharacters: Record<string, string> = { "w:tab": "\t", "w:br": "\n", "w:cr": "\n", "w:noBreakHyphen": "-" };

/**
 * Elements whose content is not the paragraph's own text: the alternative form of a drawing, text boxes
 * (read as paragraphs of their own), and text moved away (w:moveFrom: it is read where it was moved to).
 */
const elsewhere = new Set(["mc:Fallback", "w:txbxContent", "w:moveFrom"]);

/** A run marked hidden (w:rPr/w:vanish) is not printed: not the published text. */
function isHidden(run: XmlNode): boolean {
  const properties = childrenOf(run).find((node) => tagOf(node) === "w:rPr");
  return properties !== undefined && childrenOf(properties).some((node) => tagOf(node) === "w:vanish");
}

/** A paragraph's text, and the text boxes it anchors (each read after it). */
function paragraphText(nodes: readonly XmlNode[], boxes: XmlNode[][]): string {
  let text = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:t")
      text += childrenOf(node)
        .map((child) => (typeof child["#text"] === "string" ? child["#text"] : ""))
        .join("");
    else if (tag in runCharacters) text += runCharacters[tag];
    else if (tag === "w:txbxContent") boxes.push(childrenOf(node));
    else if (tag === "w:r" && isHidden(node)) continue;
    else if (!elsewhere.has(tag) && tag !== "w:p" && tag !== "#text") text += paragraphText(childrenOf(node), boxes);
  }
  return text;
}

/** One line of the text: a paragraph, or a table row's cells (each its paragraphs, joined by `lineInCell`). */
type Line = { paragraph: number; text: string; table?: TableCell }[][];

/**
 * Walks the body in document order, numbering every paragraph (in cells and text boxes too), and gives
 * the lines of the text: a paragraph per line, a table row per line with its cells separated by tabs.
 */
class BodyReader {
  readonly lines: Line[] = [];
  private paragraphs = 0;
  private tables = 0;

  read(nodes: readonly XmlNode[], cell?: { table: TableCell; into: Line[number] }): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === "w:p") this.paragraph(node, cell);
      else if (tag === "w:tbl" && !cell) this.table(childrenOf(node));
      else if (tag !== "mc:Fallback" && tag !== "#text") this.read(childrenOf(node), cell);
    }
  }

  private paragraph(node: XmlNode, cell?: { table: TableCell; into: Line[number] }): void {
    const boxes: XmlNode[][] = [];
    const text = paragraphText(childrenOf(node), boxes);
    this.paragraphs += 1;
    // In a cell, a tab or a line break would end the cell or the row: a tab is a space there, a line break
    // (w:br, w:cr) a line break within the cell, which never joins the digits on either side of it.
    if (cell) cell.into.push({ paragraph: this.paragraphs, text: text.replaceAll("\t", " ").replaceAll("\n", lineInCell), table: cell.table });
    else this.lines.push([[{ paragraph: this.paragraphs, text }]]);
    for (const box of boxes) this.read(box, cell);
  }

  private table(nodes: readonly XmlNode[]): void {
    this.tables += 1;
    const table = this.tables;
    let row = 0;
    for (const rowNode of descendants(nodes, "w:tr")) {
      row += 1;
      // A row may start at a later column of the grid (w:gridBefore): the columns before it are blank.
      const line: Line = Array.from({ length: gridBefore(rowNode) }, () => []);
      for (const [index, cellNode] of descendants(childrenOf(rowNode), "w:tc").entries()) {
        const into: Line[number] = [];
        // A table inside a cell is read as the cell's paragraphs.
        this.read(childrenOf(cellNode), { table: { table, row, cell: index + 1 }, into });
        line.push(into);
        // A cell merged across columns leaves the grid's other columns blank, so columns line up row to row.
        for (let spanned = 1; spanned < gridSpan(cellNode); spanned += 1) line.push([]);
      }
      this.lines.push(line);
    }
  }
}

/**
 * A count of grid columns a row or cell property states (`w:trPr/w:gridBefore`, `w:tcPr/w:gridSpan`), at
 * most the 63 columns Word allows; `fallback` when it states none.
 */
function gridCount(node: XmlNode, properties: string, property: string, fallback: number): number {
  const stated = childrenOf(node).find((child) => tagOf(child) === properties);
  const element = stated && childrenOf(stated).find((child) => tagOf(child) === property);
  const value = (element?.[":@"] as Record<string, unknown> | undefined)?.["w:val"];
  const count = typeof value === "string" ? Number.parseInt(value, 10) : fallback;
  return Number.isInteger(count) && count > fallback ? Math.min(count, 63) : fallback;
}

/** How many of the grid's columns a row leaves blank before its first cell. */
const gridBefore = (row: XmlNode) => gridCount(row, "w:trPr", "w:gridBefore", 0);

/** How many of the grid's columns a cell spans. */
const gridSpan = (cell: XmlNode) => gridCount(cell, "w:tcPr", "w:gridSpan", 1);

/** The elements named `tag` among the nodes or inside wrappers (content controls), not inside another `tag` or table. */
function descendants(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((node) => {
    const own = tagOf(node);
    if (own === tag) return [node];
    return own === "w:tbl" || own === "#text" ? [] : descendants(childrenOf(node), tag);
  });
}

/**
 * Builds the document's tree in order, as elements come: `{ tag: children, ":@": attributes }`, and
 * `{ "#text": text }` (kept exactly: no trimming, no numbers). Its size is the budget's: so many elements,
 * so deep, so many characters.
 */
class TreeBuilder implements XmlHandler {
  readonly nodes: XmlNode[] = [];
  private readonly openChildren: XmlNode[][] = [this.nodes];

  constructor(
    private readonly budget: ReadBudget,
    private readonly part: string,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const children: XmlNode[] = [];
    const node: XmlNode = { [name]: children };
    // Attributes are kept (under ":@") only where they are read: a row's or a cell's count of grid columns (w:val).
    if (name === "w:gridBefore" || name === "w:gridSpan") node[":@"] = attributes;
    this.openChildren.at(-1)?.push(node);
    this.openChildren.push(children);
  }

  close(): void {
    this.openChildren.pop();
  }

  text(text: string): void {
    this.budget.characters(this.part, text.length);
    this.openChildren.at(-1)?.push({ "#text": text });
  }
}

/** A Word document's text: its paragraphs and table rows, one a line, each mapped to its paragraph. */
export async function readDocx(bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentText> {
  const entry = zipEntries(bytes).find((candidate) => candidate.name === "word/document.xml");
  if (!entry) throw corruptZip();
  const budget = new ReadBudget(limits);
  const tree = new TreeBuilder(budget, entry.name);
  await readXmlPart(bytes, entry, budget, tree);
  return bodyText(tree.nodes);
}

/** The text of `word/document.xml` given as text (see `readDocx`), within `limits`. */
export async function documentXmlText(xml: string, limits: DocumentLimits = defaultLimits): Promise<DocumentText> {
  const part = "word/document.xml";
  const budget = new ReadBudget(limits);
  const tree = new TreeBuilder(budget, part);
  await parseXml([xml], part, budget, tree);
  return bodyText(tree.nodes);
}

/** The text of a document's tree: its lines, each part placed at its paragraph (and table cell). */
function bodyText(nodes: readonly XmlNode[]): DocumentText {
  const reader = new BodyReader();
  reader.read(nodes);
  const layout = new Layout<DocxPlace>("docx");
  for (const [index, line] of reader.lines.entries()) {
    if (index > 0) layout.append("\n");
    for (const [cellIndex, cell] of line.entries()) {
      if (cellIndex > 0) layout.append("\t");
      for (const [partIndex, part] of cell.entries()) {
        if (partIndex > 0) layout.append(lineInCell);
        const anchor: Anchor<DocxPlace> = part.table
          ? { kind: "docx", paragraph: part.paragraph, table: part.table }
          : { kind: "docx", paragraph: part.paragraph };
        layout.add(part.text, anchor);
      }
    }
  }
  const document = layout.finish();
  if (!/\S/.test(document.text)) throw new DocumentError("no-text", bilingual("Word 文件中没有文字", "the Word document has no text"));
  return document;
}
