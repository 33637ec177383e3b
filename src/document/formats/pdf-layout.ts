/** A piece of text on a page, in the page's top-down coordinates; `turned` when it does not run left to right. */
export interface PagePiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  turned: boolean;
}

/** Why a page's text cannot be put in reading order by lines: turned text, or two columns side by side. */
export type PageLayout = "rotated-text" | "two-columns";

const han = /[\u4e00-\u9fff]/g;
const hanCount = (text: string) => text.match(han)?.length ?? 0;

/** A fifth of the page's characters or more run other than left to right (a rotated table, vertical text). */
function isTurned(pieces: readonly PagePiece[]): boolean {
  const all = pieces.reduce((sum, piece) => sum + piece.text.length, 0);
  const turned = pieces.reduce((sum, piece) => sum + (piece.turned ? piece.text.length : 0), 0);
  return all > 0 && turned * 5 >= all;
}

/**
 * Where a line splits into prose on both sides of a wide gap (three font sizes or more, after words rather than
 * a figure, with 6 or more Chinese characters on each side; a table's gaps follow its figures): the gap's
 * middle, else undefined.
 */
function gutterOf(line: readonly PagePiece[]): number | undefined {
  for (let index = 1; index < line.length; index += 1) {
    const before = line[index - 1];
    const after = line[index];
    if (!before || !after || after.x - (before.x + before.width) < 3 * after.size) continue;
    // A table's row (收入 label, its figure, 支出 label, its figure) has a figure before its gaps: not prose.
    if (/[\d.%)）]\s*$/.test(before.text)) continue;
    const left = line
      .slice(0, index)
      .map((piece) => piece.text)
      .join("");
    const right = line
      .slice(index)
      .map((piece) => piece.text)
      .join("");
    if (hanCount(left) >= 6 && hanCount(right) >= 6) return (before.x + before.width + after.x) / 2;
  }
  return undefined;
}

/**
 * Two columns side by side: at least 5 lines, and 2 in 5 of the page's lines, split by a gutter at one place
 * (within two font sizes). Read by lines, each would join a line of one column to a line of the other.
 */
function isTwoColumns(lines: readonly (readonly PagePiece[])[]): boolean {
  const gutters = lines.map(gutterOf).filter((gutter): gutter is number => gutter !== undefined);
  if (gutters.length < 5 || gutters.length * 5 < lines.length * 2) return false;
  const sorted = [...gutters].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const size = lines[0]?.[0]?.size ?? 12;
  return gutters.filter((gutter) => Math.abs(gutter - middle) <= 2 * size).length * 5 >= gutters.length * 4;
}

/** Whether a page's lines (as grouped by their baselines) can be read in order; why not, if not. */
export function unreadableLayout(pieces: readonly PagePiece[], lines: readonly (readonly PagePiece[])[]): PageLayout | undefined {
  if (isTurned(pieces)) return "rotated-text";
  return isTwoColumns(lines) ? "two-columns" : undefined;
}
