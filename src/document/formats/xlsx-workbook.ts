import { bilingual } from "../../text.js";
import { DocumentError } from "./document.js";
import type { ReadBudget } from "./limits.js";
import { numberFormat, type NumberFormat } from "./number-format.js";
import { localName, readXmlPart, type XmlHandler } from "./xml.js";
import { corruptZip, type ZipEntry } from "./zip.js";

/** A sheet as the workbook lists it, in order: its name, whether it is shown, and its part in the archive. */
export interface SheetEntry {
  name: string;
  visible: boolean;
  part: ZipEntry;
}

/** What every sheet's cells are read with: the shared strings, each style's number format, the date system. */
export interface CellContext {
  strings: readonly string[];
  formats: readonly NumberFormat[];
  date1904: boolean;
}

/** A workbook's parts, by name, and the budget reading them spends. */
export interface Archive {
  bytes: Uint8Array;
  parts: ReadonlyMap<string, ZipEntry>;
  budget: ReadBudget;
}

const attribute = (attributes: Readonly<Record<string, string>>, name: string): string | undefined =>
  attributes[name] ?? Object.entries(attributes).find(([key]) => localName(key) === name)?.[1];

const isTrue = (value: string | undefined) => value === "1" || value === "true";

/** Reads a part with a handler, if the archive holds it (`required` parts must be there). */
async function readPart(archive: Archive, name: string, handler: XmlHandler, required = false): Promise<void> {
  const entry = archive.parts.get(name);
  if (entry) await readXmlPart(archive.bytes, entry, archive.budget, handler);
  else if (required) throw corruptZip();
}

/** A relationship's target as a part's name: relative to `xl/`, or from the archive's root when it starts with `/`. */
const partName = (target: string) => (target.startsWith("/") ? target.slice(1) : `xl/${target}`).replace(/\/[^/]+\/\.\.\//g, "/");

/** The workbook's relationships: each id's part, and the parts of the shared strings and styles by their type. */
async function relationships(archive: Archive): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  await readPart(archive, "xl/_rels/workbook.xml.rels", {
    open(name, attributes) {
      const id = attribute(attributes, "Id");
      const target = attribute(attributes, "Target");
      if (localName(name) !== "Relationship" || target === undefined) return;
      if (id !== undefined) targets.set(id, partName(target));
      const type = /\/(sharedStrings|styles)$/.exec(attribute(attributes, "Type") ?? "")?.[1];
      if (type) targets.set(`#${type}`, partName(target));
    },
    close() {},
    text() {},
  });
  return targets;
}

/** The sheets the workbook lists, in its order, and whether it counts dates from 1904. */
async function sheetList(archive: Archive, targets: ReadonlyMap<string, string>): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await readPart(
    archive,
    "xl/workbook.xml",
    {
      open(name, attributes) {
        const local = localName(name);
        if (local === "workbookPr") date1904 = isTrue(attributes["date1904"]);
        if (local !== "sheet") return;
        const target = targets.get(attribute(attributes, "id") ?? "") ?? "";
        const part = archive.parts.get(target);
        if (!part) throw corruptZip();
        const state = attributes["state"] ?? "visible";
        sheets.push({ name: attributes["name"] ?? "", visible: state === "visible", part });
      },
      close() {},
      text() {},
    },
    true,
  );
  return { sheets, date1904 };
}

/** Each cell style's number format (`cellXfs`, by index), from the styles part. */
async function styleFormats(archive: Archive, part: string): Promise<NumberFormat[]> {
  const written = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  await readPart(archive, part, {
    open(name, attributes) {
      const local = localName(name);
      if (local === "numFmt") written.set(Number(attributes["numFmtId"]), attributes["formatCode"] ?? "");
      else if (local === "cellXfs") inCellXfs = true;
      else if (local === "xf" && inCellXfs) ids.push(Number(attributes["numFmtId"] ?? 0));
    },
    close(name) {
      if (localName(name) === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return ids.map((id) => numberFormat(id, written));
}

/** The shared strings, each its text runs joined (a phonetic guide, `rPh`, is not printed and not read). */
async function sharedStrings(archive: Archive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let inPhonetic = false;
  await readPart(archive, part, {
    open(name) {
      const local = localName(name);
      if (local === "si") current = [];
      else if (local === "rPh") inPhonetic = true;
      else if (local === "t") inText = !inPhonetic;
    },
    close(name) {
      const local = localName(name);
      if (local === "t") inText = false;
      else if (local === "rPh") inPhonetic = false;
      else if (local === "si" && current) {
        const text = current.join("");
        archive.budget.characters(part, text.length);
        strings.push(text);
        current = undefined;
      }
    },
    text(text) {
      if (inText) current?.push(text);
    },
  });
  return strings;
}

/** The parts that say what a workbook's sheets are and how their cells read, before any sheet is read. */
export async function workbookParts(archive: Archive): Promise<{ sheets: SheetEntry[]; context: CellContext }> {
  const targets = await relationships(archive);
  const { sheets, date1904 } = await sheetList(archive, targets);
  if (sheets.length === 0) throw new DocumentError("no-text", bilingual("Excel 文件中没有工作表", "the Excel workbook has no sheet"));
  const formats = await styleFormats(archive, targets.get("#styles") ?? "xl/styles.xml");
  const strings = await sharedStrings(archive, targets.get("#sharedStrings") ?? "xl/sharedStrings.xml");
  return { sheets, context: { strings, formats, date1904 } };
}
