import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/document/formats/plain-text.js";
import { checkDocument } from "../../src/run/check-document.js";
import { encodeLegacy } from "./documents.js";

/** A real rate error (33.33% where 15.60 ÷ 31.20 is 50.00%), in simplified and in traditional script. */
const simplified = "机关运行经费财政拨款预算为46.8万元,较2022年预算增加15.60万元,增长33.33%。";
const traditional = "機關運行經費財政撥款預算為46.8萬元,較2022年預算增加15.60萬元,增長33.33%。";
/** A Hong Kong or Taiwan wording with characters GB2312 lacks. */
const taiwanese = "本部門113年度歲出預算總額為1,200萬元,較上年度預算增加200萬元,增長20%。";

const findings = async (bytes: Uint8Array) =>
  (await checkDocument(bytes, { file: "說明.txt", lang: "en" })).report.findings.map((finding) => `${finding.rule}/${finding.messageId}`);

describe("a text not in UTF-8 is read in its own encoding, GB18030 or Big5 (issue 21)", () => {
  it.each([
    { name: "simplified, in GB18030", bytes: encodeLegacy(simplified, "gb18030"), encoding: "gb18030", text: simplified },
    { name: "traditional, in GB18030", bytes: encodeLegacy(traditional, "gb18030"), encoding: "gb18030", text: traditional },
    { name: "traditional, in Big5", bytes: encodeLegacy(traditional, "big5"), encoding: "big5", text: traditional },
    { name: "Taiwan's wording, in Big5", bytes: encodeLegacy(taiwanese, "big5"), encoding: "big5", text: taiwanese },
    { name: "a short Big5 line", bytes: encodeLegacy("預算：100萬元", "big5"), encoding: "big5", text: "預算：100萬元" },
  ])("$name", ({ bytes, encoding, text }) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  it.each([
    // the case: a Big5 file with a real rate error passed with “no problems”, exit 0
    { name: "a rate error, in Big5", bytes: encodeLegacy(traditional, "big5"), expected: ["growth/ratio-mismatch"] },
    { name: "a rate error, in GB18030", bytes: encodeLegacy(simplified, "gb18030"), expected: ["growth/ratio-mismatch"] },
    // bytes that are text in no encoding the reader knows: refused in one line, never read as something
    { name: "bytes of no text encoding", bytes: new Uint8Array([0x80, 0x80, 0xff, 0x00, 0x81]), expected: ["document/unreadable"] },
  ])("checked: $name", async ({ bytes, expected }) => {
    expect(await findings(bytes)).toEqual(expected);
  });
});
