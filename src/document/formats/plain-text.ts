import { bilingual } from "../../text.js";
import { DocumentError, type DocumentText, type TextPlace } from "./document.js";
import { Layout } from "./layout.js";

/** The encodings plain text is read in: Unicode, or GB18030 (GBK's superset) or Big5 (traditional script) for what is not UTF-8. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

const byteOrderMarks: [TextEncoding, number[]][] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

function decode(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    // fatal: a byte that is not of the encoding is an error, not a silent U+FFFD. The BOM is dropped.
    // stream: a character cut off at the very end (a truncated copy) is left out rather than failing.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch (error) {
    if (error instanceof RangeError && encoding !== "utf-8") {
      const name = encoding.toUpperCase();
      throw new DocumentError(
        "unsupported",
        bilingual(
          `此 Node.js 不能解码 ${name}（需完整 ICU）：请将文件另存为 UTF-8`,
          `this Node.js cannot decode ${name} (it needs full ICU): save the file as UTF-8`,
        ),
        { cause: error },
      );
    }
    return undefined;
  }
}

/**
 * Characters common in any Chinese text and in budget wording, in simplified and traditional script: a
 * text decoded in its own encoding is mostly made of them, the same bytes decoded in another are not.
 */
const common = new Set(
  "的一是在了有和人中大为上个国以要时用们生到地于出分对成可主发年动同工也能下过产种面而方后多定行法所得经十三之进等部度家力如化高自二理起小物现实加量都两体制机当使点从业本去性应开合还因由其些前外政四日社义事平形相全表间样与关各重新内数正明原又利比或但第向此变条只没结解意建月公无系情者最代通并提题程展五果员位入常总次品式活设及管特件长基资级少统知较将组计别期根运指几区强决则任取据处给门即保规领东导交受联六共权收证改转更单务具万每目至达完类名确科张信节整元况今集传需段研界报项专预算支付费增减降拨款购置维护接待车辆出境财政经费县市镇办乡区际预算總經費萬預財務項專購維護車輛國與為數計劃實際發動會員關門時來對業產開點會長統給結報況區設稅職級書號說議減員總額較",
);

/** How many of the text's characters are common ones: the higher, the likelier its encoding is the right one. */
function commonness(text: string): number {
  let count = 0;
  for (const char of text) if (common.has(char)) count += 1;
  return count;
}

/**
 * Text that is not UTF-8: GB18030 (as saved by Chinese Windows in the mainland) or Big5 (Taiwan, Hong Kong,
 * traditional script). Both take most of each other's bytes without an error, so the one whose characters
 * are the common ones of Chinese text is taken; GB18030 when neither decodes to any.
 */
function chineseText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const decoded = (["gb18030", "big5"] as const).flatMap((encoding) => {
    const text = decode(bytes, encoding);
    return text === undefined || looksBinary(text) ? [] : [{ text, encoding, score: commonness(text) }];
  });
  const [best] = decoded.sort((a, b) => b.score - a.score);
  return best && { text: best.text, encoding: best.encoding };
}

/**
 * The characters of a text file: by its byte order mark if it has one, else UTF-8, else GB18030 or Big5,
 * whichever reads as Chinese text. What is none of them, or holds NUL or many control characters, is binary.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const marked = byteOrderMarks.find(([, mark]) => mark.every((byte, index) => bytes[index] === byte));
  const text = decode(bytes, marked?.[0] ?? "utf-8");
  if (text !== undefined && !looksBinary(text)) return { text, encoding: marked?.[0] ?? "utf-8" };
  const chinese = marked ? undefined : chineseText(bytes);
  if (chinese) return chinese;
  throw new DocumentError(
    "unsupported",
    bilingual("该文件不是文本，也不是 Word、Excel 或 PDF 文件", "the file is not text, nor a Word, Excel or PDF document"),
  );
}

const textControls = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** Control characters other than tab, line feed, form feed and carriage return: one NUL, or more than 1 in 100. */
function looksBinary(text: string): boolean {
  if (text.includes("\0")) return true;
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && !textControls.has(code)) || code === 0x7f) controls += 1;
  }
  return controls > text.length / 100;
}

/**
 * A text file as lines: CRLF and CR become LF in the text, so its line and column are the ones an
 * editor shows of the file (a byte order mark is not a column).
 */
export function readPlainText(bytes: Uint8Array): DocumentText {
  const { text } = decodeText(bytes);
  const layout = new Layout<TextPlace>("text");
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index > 0) layout.append("\n");
    layout.add(line, { kind: "text", line: index + 1 });
  });
  return layout.finish();
}
