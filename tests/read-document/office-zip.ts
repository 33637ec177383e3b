import { crc32, deflateRawSync } from "node:zlib";

/** A part of an archive: its bytes, and optionally the size the central directory claims for it (a lie). */
export type Part = string | Buffer | { data: string | Buffer; listedSize?: number; stored?: boolean };

/** A zip archive of the parts, in order, deflated (or stored), written here so that no test needs a fixture. */
export function zipOf(parts: Readonly<Record<string, Part>>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const { data, listedSize, stored } = typeof part === "string" || Buffer.isBuffer(part) ? { data: part } : part;
    const raw = Buffer.isBuffer(data) ? data : Buffer.from(data, "utf8");
    const packed = stored ? raw : deflateRawSync(raw);
    const fileName = Buffer.from(name, "utf8");
    const header = (signature: number, size: number) => {
      const fields = Buffer.alloc(size);
      fields.writeUInt32LE(signature, 0);
      return fields;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(listedSize ?? raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(listedSize ?? raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const relationships = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** A sheet written by hand: its name, its `sheetData` (and what follows it: `mergeCells`), and whether it is hidden. */
export interface SheetXml {
  name: string;
  data: string | Buffer;
  state?: "hidden" | "veryHidden";
  /** The part's listed size, when the test makes the archive lie about it. */
  listedSize?: number;
}

/**
 * A workbook written by hand, part by part, as an office program writes one: for cases no library writes
 * on purpose (inline strings, prefixed elements, rows without numbers, hostile sizes). `strings` are the
 * shared strings' `<si>` contents; `formats` the cell styles' number formats (`numFmtId`, custom codes from 164).
 */
export function workbookOf(
  sheets: readonly SheetXml[],
  options: { strings?: readonly string[]; formats?: readonly (number | string)[]; date1904?: boolean } = {},
): Buffer {
  const custom = (options.formats ?? []).filter((format): format is string => typeof format === "string");
  const formatId = (format: number | string) => (typeof format === "number" ? format : 164 + custom.indexOf(format));
  const parts: Record<string, Part> = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${main} ${relationships}><workbookPr date1904="${options.date1904 ? 1 : 0}"/><sheets>${sheets
      .map(
        (sheet, index) => `<sheet name="${escaped(sheet.name)}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${index + 1}"/>`,
      )
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, index) =>
          `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${main}><numFmts>${custom
      .map((code, index) => `<numFmt numFmtId="${164 + index}" formatCode="${escaped(code)}"/>`)
      .join(
        "",
      )}</numFmts><cellXfs><xf numFmtId="0"/>${(options.formats ?? []).map((format) => `<xf numFmtId="${formatId(format)}"/>`).join("")}</cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst ${main}>${(options.strings ?? []).map((string) => `<si>${string}</si>`).join("")}</sst>`,
  };
  for (const [index, sheet] of sheets.entries()) {
    const data = Buffer.isBuffer(sheet.data) ? sheet.data : Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${main}>${sheet.data}</worksheet>`);
    parts[`xl/worksheets/sheet${index + 1}.xml`] = sheet.listedSize === undefined ? data : { data, listedSize: sheet.listedSize };
  }
  return zipOf(parts);
}
