// Office files at the read's limits, and the hostile ones issue 21 found, written by hand (a zip of XML
// parts) for `npm run bench`: the largest input of each form that is read, and what is refused, each with
// its time and peak memory. Not part of npm test.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";

/** A zip archive of the parts (name → text or bytes), deflated; `listed` gives a part's size as the archive claims it. */
function zipOf(parts, listed = {}) {
  const chunks = [];
  const directory = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const raw = Buffer.isBuffer(data) ? data : Buffer.from(data);
    const packed = deflateRawSync(raw, { level: 6 });
    const fileName = Buffer.from(name);
    const size = listed[name] ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, fileName, packed);
    directory.push(central, fileName);
    offset += 30 + fileName.length + packed.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length / 2, 8);
  end.writeUInt16LE(directory.length / 2, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, central, end]);
}

const spreadsheet = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A workbook of one sheet whose rows (after a title, a unit and a header) are `row(number)`'s cells. */
function workbook(rows, row) {
  const body = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>表10 项目支出情况表</t></is></c></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>单位：万元</t></is></c></row>',
  ];
  for (let number = 3; number < rows + 3; number += 1) body.push(`<row r="${number}">${row(number)}</row>`);
  return zipOf({
    "[Content_Types].xml": "<Types/>",
    "xl/workbook.xml": `<workbook ${spreadsheet} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表10" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/styles.xml": `<styleSheet ${spreadsheet}><cellXfs><xf numFmtId="0"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    "xl/worksheets/sheet1.xml": `<worksheet ${spreadsheet}><sheetData>${body.join("")}</sheetData></worksheet>`,
  });
}

/** A seeded generator of figures with two decimals, so that the files are the same from run to run. */
function figures(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 100).toFixed(2);
  };
}

const letters = (number) => (number > 26 ? letters(Math.floor((number - 1) / 26)) : "") + String.fromCharCode(65 + ((number - 1) % 26));

/** A row of `columns` figures (the first cell a project's name). */
function figureRow(columns, next) {
  return (number) =>
    `<c r="A${number}" t="inlineStr"><is><t>项目${number}</t></is></c>` +
    Array.from({ length: columns - 1 }, (_, index) => `<c r="${letters(index + 2)}${number}" s="1"><v>${next()}</v></c>`).join("");
}

/** A Word document whose body is `body`; `listed` the size the archive claims for it. */
function word(body, listed) {
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": xml }, listed === undefined ? {} : { "word/document.xml": listed });
}

/** Writes the files into `folder`; returns each with what it shows. */
export function officeFiles(folder) {
  const files = [
    // The largest workbook read: 12,490 rows of 20 cells, just under the 250,000 cells a read lays out.
    { name: "cells-at-limit.xlsx", what: "workbook at the cells limit (12,490 rows × 20 figures)", bytes: workbook(12_490, figureRow(20, figures(1))) },
    // Issue 21: cells in A and XFD on every row (there 17 KB, 163 s, 4.3 GB, abort); XFD is set aside, A read.
    {
      name: "a-and-xfd.xlsx",
      what: "cells in A and XFD on 190,000 rows (XFD set aside)",
      bytes: workbook(190_000, (number) => `<c r="A${number}"><v>${number}</v></c><c r="XFD${number}"><v>1</v></c>`),
    },
    // Near the file size limit (32 MiB), figures that compress little: refused before a sheet is unpacked.
    {
      name: "size-limit.xlsx",
      what: "workbook of 28 MiB (3.6 million figures): refused by its parts' listed size",
      bytes: workbook(180_000, figureRow(20, figures(2))),
    },
    // Past the cells limit, within the unpacked limit: refused as the sheet is read.
    {
      name: "cells-over-limit.xlsx",
      what: "workbook of 20,000 rows × 20 figures: refused at 250,000 cells",
      bytes: workbook(20_000, figureRow(20, figures(3))),
    },
    // The largest Word body read: 240,000 paragraphs of four elements, just under 1,000,000 elements.
    {
      name: "elements-at-limit.docx",
      what: "Word file at the elements limit (240,000 paragraphs)",
      bytes: word(Array.from({ length: 240_000 }, (_, index) => `<w:p><w:r><w:t>第${index}段</w:t></w:r></w:p>`).join("")),
    },
    // Issue 21: a docx that unpacks to hundreds of megabytes (there 693 KB, 283 s, 4.5 GB, abort): refused by its listing.
    { name: "bomb.docx", what: "Word file listing 300 MB unpacked (a zip bomb)", bytes: word("<w:p/>".repeat(1000), 300_000_000) },
  ];
  for (const file of files) {
    file.path = join(folder, file.name);
    writeFileSync(file.path, file.bytes);
    file.size = file.bytes.length;
    delete file.bytes;
  }
  return files;
}
