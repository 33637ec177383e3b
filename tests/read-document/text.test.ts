import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/document/formats/read.js";
import { decodeText } from "../../src/document/formats/plain-text.js";
import { corpusText, encodeGb18030 } from "./documents.js";

const source = corpusText("tongliang-czj-2025");
const withLf = source.replace(/\r\n?/g, "\n");
const lines = withLf.split("\n");
const known = "11个职能科室";
const knownLine = lines.findIndex((line) => line.includes(known));
const knownPlace = { kind: "text", line: knownLine + 1, column: (lines[knownLine] ?? "").indexOf(known) + 1 };

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

describe("a text file", () => {
  it.each([
    { name: "UTF-8", bytes: Buffer.from(withLf), encoding: "utf-8" },
    { name: "UTF-8 with a byte order mark", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withLf)]), encoding: "utf-8" },
    { name: "UTF-8 with CRLF line ends", bytes: Buffer.from(withLf.replaceAll("\n", "\r\n")), encoding: "utf-8" },
    { name: "UTF-8 with old Mac CR line ends", bytes: Buffer.from(withLf.replaceAll("\n", "\r")), encoding: "utf-8" },
    { name: "GB18030 (as Chinese Windows saves it)", bytes: encodeGb18030(withLf), encoding: "gb18030" },
    { name: "GB18030 with CRLF line ends", bytes: encodeGb18030(withLf.replaceAll("\n", "\r\n")), encoding: "gb18030" },
    { name: "UTF-16 with a byte order mark (Notepad's “Unicode”)", bytes: utf16le(withLf), encoding: "utf-16le" },
  ])("$name is read with its lines, and maps a sentence to its line and column", async ({ bytes, encoding }) => {
    expect(decodeText(bytes).encoding).toBe(encoding);
    const document = await readDocument(bytes, { file: "情况说明.txt" });
    expect(document.kind).toBe("text");
    expect(document.text).toBe(withLf);
    expect(document.locate(document.text.indexOf(known))).toEqual(knownPlace);
  });

  it("leaves out a character cut off at the very end (a truncated copy) rather than reading the file as GB18030", () => {
    const bytes = Buffer.from("收入较2024年减少844.18万元");
    const { text, encoding } = decodeText(bytes.subarray(0, bytes.length - 1));
    expect(encoding).toBe("utf-8");
    expect(text).toBe("收入较2024年减少844.18万");
  });

  it.each([
    { offset: 0, place: { kind: "text", line: 1, column: 1 } },
    { offset: -5, place: { kind: "text", line: 1, column: 1 } },
    { offset: (lines[0] ?? "").length, place: { kind: "text", line: 1, column: (lines[0] ?? "").length + 1 } },
    { offset: (lines[0] ?? "").length + 1, place: { kind: "text", line: 2, column: 1 } },
    { offset: withLf.length + 100, place: { kind: "text", line: lines.length, column: (lines.at(-1) ?? "").length + 1 } },
  ])("maps offset $offset (a line end, before the start, past the end) to $place", async ({ offset, place }) => {
    const document = await readDocument(Buffer.from(withLf));
    expect(document.locate(offset)).toEqual(place);
  });
});
