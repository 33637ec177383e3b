import { bilingual } from "../../text.js";
import { DocumentError } from "./document.js";
import { tooLargeInside, type ZipEntry } from "./zip.js";

/**
 * What one read of a Word or Excel file may cost. A file beyond a limit is refused with a one-line reason
 * (`too-large`), except a workbook's cells beyond its last column, which are set aside and named; no read
 * runs unbounded, whatever the archive says of itself.
 */
export interface DocumentLimits {
  /** Bytes the parts read may unpack to, in all (and no part to more than the archive lists for it). */
  unpackedBytes: number;
  /** XML elements in the parts read, in all: what bounds the time of a read. */
  elements: number;
  /** How deep XML elements may nest. */
  depth: number;
  /** Characters kept: a workbook's shared strings and the text read. */
  characters: number;
  /** A workbook's cells laid out in its text, in all: each row from column A to its last cell with a value. */
  cells: number;
  /** The last column a workbook's cell is read in (1,024 is AMJ); cells beyond are set aside, a sheet's in one range. */
  columns: number;
}

/**
 * The defaults, far above any published disclosure (the seed's workbook lays out about 3,000 cells in 14
 * sheets and its Word file has about 35,000 XML elements), and low enough that a whole check of a file at
 * them stays within seconds and well under a gigabyte (docs/performance.md).
 */
export const defaultLimits: DocumentLimits = {
  unpackedBytes: 64 * 1024 * 1024,
  elements: 1_000_000,
  depth: 256,
  characters: 8_000_000,
  cells: 250_000,
  columns: 1024,
};

const count = (value: number) => value.toLocaleString("en");

/** The archive's part is beyond a limit: the file is not read. */
function beyond(zh: string, en: string): DocumentError {
  return new DocumentError("too-large", bilingual(`${zh}：文件未读`, `${en}: the file was not read`));
}

/** Counts what a read costs against its limits, and stops it with a one-line reason at the first one passed. */
export class ReadBudget {
  private unpacked = 0;
  private elementCount = 0;
  private characterCount = 0;
  private cellCount = 0;
  private mergedCount = 0;

  constructor(readonly limits: DocumentLimits) {}

  /** A part about to be read, at the size the archive lists for it (it is never let unpack to more). */
  part(entry: ZipEntry): void {
    this.unpacked += entry.size;
    if (this.unpacked > this.limits.unpackedBytes) throw tooLargeInside(entry.name);
  }

  /** One more XML element in `part`, `depth` deep. */
  element(part: string, depth: number): void {
    this.elementCount += 1;
    if (depth > this.limits.depth)
      throw beyond(`${part} 的 XML 嵌套超过 ${count(this.limits.depth)} 层`, `the XML of ${part} nests deeper than ${count(this.limits.depth)} levels`);
    if (this.elementCount > this.limits.elements)
      throw beyond(`XML 元素超过 ${count(this.limits.elements)} 个（至 ${part}）`, `more than ${count(this.limits.elements)} XML elements (up to ${part})`);
  }

  /** Characters of `part` read since its last element began or ended: a text or attribute held whole until it ends. */
  unbroken(part: string, length: number): void {
    if (length > this.limits.characters)
      throw beyond(
        `${part} 中有超过 ${count(this.limits.characters)} 个字符不含任何元素`,
        `${part} runs more than ${count(this.limits.characters)} characters without an element`,
      );
  }

  /** Characters kept from `part`. */
  characters(part: string, length: number): void {
    this.characterCount += length;
    if (this.characterCount > this.limits.characters)
      throw beyond(
        `文字超过 ${count(this.limits.characters)} 个字符（至 ${part}）`,
        `more than ${count(this.limits.characters)} characters of text (up to ${part})`,
      );
  }

  /** Cells laid out in a workbook's text, up to `where` (a sheet and row). */
  cells(added: number, where: string): void {
    this.cellCount += added;
    if (this.cellCount > this.limits.cells)
      throw beyond(`要读的单元格超过 ${count(this.limits.cells)} 个（至 ${where}）`, `more than ${count(this.limits.cells)} cells to read (up to ${where})`);
  }

  /** Cells looked at to blank what merged areas cover, up to `where`: as many as the cells read, for areas that do not overlap. */
  merged(looked: number, where: string): void {
    this.mergedCount += looked;
    if (this.mergedCount > 2 * this.limits.cells)
      throw beyond(`合并单元格相互重叠，覆盖的单元格过多（至 ${where}）`, `merged areas overlap over too many cells (up to ${where})`);
  }
}

/** The limits of a read: the defaults, with what the caller set. */
export function limitsOf(set: Partial<DocumentLimits> = {}): DocumentLimits {
  return { ...defaultLimits, ...set };
}
