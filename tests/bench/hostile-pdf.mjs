// Hostile PDFs for `npm run bench --only pdf-budget` (issue 21): each is made here, by hand, as a PDF
// writer would lay it out, so that no binary is committed. A page's text is Helvetica (a standard font).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

/** A PDF of these object bodies (object 1 the catalog), with its cross-reference table and trailer. */
function pdf(objects) {
  const parts = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets = [];
  let length = parts[0].length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const stream = (content, dictionary = "") => {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "latin1");
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} ${dictionary}>>\nstream\n`), data, Buffer.from("\nendstream")]);
};
const text = (words) => `BT /F1 12 Tf 72 700 Td (${words}) Tj ET`;
const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** One page (objects 1–5: catalog, pages, page, content, font) whose content is `content`, with extra resources and objects. */
function onePage(content, { xobjects = "", extra = [], filter = "" } = {}) {
  return pdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> ${xobjects} >> >>`,
    stream(content, filter),
    font,
    ...extra,
  ]);
}

/** `depth` nested `q` (save graphics state) around one line of text: pdf.js's state stack was quadratic. */
export function nestedSaves(depth) {
  return onePage(`${"q ".repeat(depth)}${text("nested")}${" Q".repeat(depth)}`);
}

/** Forms drawing the form below twice, `depth` deep: 2^depth draws of one line of text from a file of a few KB. */
export function formDoubling(depth) {
  const forms = Array.from({ length: depth + 1 }, (_, level) => {
    const body = level === 0 ? text("form") : `/X${level - 1} Do /X${level - 1} Do`;
    const below = level === 0 ? "" : `/XObject << /X${level - 1} ${6 + level - 1} 0 R >>`;
    return stream(body, `/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> ${below} >> `);
  });
  return onePage(`/X${depth} Do`, { xobjects: `/XObject << /X${depth} ${6 + depth} 0 R >>`, extra: forms });
}

/** A content stream that inflates to `megabytes` MB of path operators: a few hundred KB on disk. */
export function contentBomb(megabytes) {
  const content = Buffer.alloc(megabytes * 1024 * 1024, "0 0 m ");
  return onePage(deflateSync(content, { level: 9 }), { filter: "/Filter /FlateDecode " });
}

/** `node tests/bench/hostile-pdf.mjs FOLDER`: writes each case there, so that the bench's own process never holds them. */
export const cases = {
  "pages-1000": () => manyPages(1000),
  "pages-10000": () => manyPages(10_000),
  "nested-q": () => nestedSaves(100_000),
  "forms-2-30": () => formDoubling(30),
  "content-64mb": () => contentBomb(64),
  "content-1gb": () => contentBomb(1024),
};

/** `count` pages of one line each, under one pages node. */
export function manyPages(count) {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", font];
  const kids = [];
  for (let page = 0; page < count; page += 1) {
    const at = objects.length + 1;
    kids.push(`${at} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${at + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(stream(text(`page ${page + 1}: 100.00`)));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${count} >>`;
  return pdf(objects);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  for (const [name, make] of Object.entries(cases)) writeFileSync(join(process.argv[2], `${name}.pdf`), make());
