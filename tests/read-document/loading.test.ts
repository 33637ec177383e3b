import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { pdfjsDataFolders } from "../../src/document/formats/pdf.js";

const folder = "src/document/formats";
const heavy = ["pdfjs-dist", "saxes", "fast-xml-parser"];

it(`${folder} loads ${heavy.join(", ")} only with import(), when such a file comes (a declaration or text never pays for them)`, () => {
  const found = readdirSync(folder).flatMap((name) => {
    const source = readFileSync(join(folder, name), "utf8");
    return [...source.matchAll(/^import (?!type )[^;]*from "([^"]+)"/gm)]
      .map((match) => match[1] ?? "")
      .filter((specifier) => heavy.some((library) => specifier === library || specifier.startsWith(`${library}/`)))
      .map((specifier) => `${name}: ${specifier}`);
  });
  expect(found).toEqual([]);
});

it("finds pdf.js's CMaps (which Chinese PDFs' fonts name) and standard fonts where it reads them, as folders", () => {
  const { cMapUrl, standardFontDataUrl } = pdfjsDataFolders();
  expect(cMapUrl.endsWith("/")).toBe(true);
  expect(existsSync(join(cMapUrl, "UniGB-UCS2-H.bcmap"))).toBe(true);
  expect(existsSync(join(cMapUrl, "GBK-EUC-H.bcmap"))).toBe(true);
  expect(readdirSync(standardFontDataUrl).length).toBeGreaterThan(0);
});
