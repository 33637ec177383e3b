import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";

async function check(cwd: string, file: string): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const code = await main(["check", "--cache", "--lang", "en", file], {
    stdout: (text) => (stdout += text),
    stderr: () => {},
    env: {},
    cwd,
    stdoutIsTTY: false,
  });
  return { code, stdout };
}

describe("a result taken from the cache is shown as the check that made it showed it (issue 21)", () => {
  it.each([
    // a damaged PDF: no code frame of its bytes (it showed %PDF-1.7 and raw bytes from the cache)
    { name: "a damaged PDF", file: "broken.pdf", bytes: Buffer.from("%PDF-1.7\n\x01\x02garbage\x1b[31m\n%%EOF\n", "latin1"), frame: false },
    { name: "a Word file that is no zip", file: "a.docx", bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x1b]), frame: false },
    // a text document with an error: its text, as read, in the frame both times
    {
      name: "a narrative with a rate error",
      file: "a.txt",
      bytes: Buffer.from("机关运行经费财政拨款预算为46.8万元,较2022年预算增加15.60万元,增长33.33%。\n"),
      frame: true,
    },
  ])("$name", async ({ file, bytes, frame }) => {
    const cwd = mkdtempSync(join(tmpdir(), "cached-frame-"));
    writeFileSync(join(cwd, file), bytes);
    const first = await check(cwd, file);
    const cached = await check(cwd, file);
    expect(cached).toEqual(first);
    expect(cached.stdout.includes(" > 1 | ")).toBe(frame);
    // no raw byte: no control character, no replacement character
    expect([...cached.stdout].filter((char) => char === "\ufffd" || (char.charCodeAt(0) < 0x20 && char !== "\n"))).toEqual([]);
  });
});
