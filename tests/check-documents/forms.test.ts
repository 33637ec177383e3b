import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/finding.js";
import { main } from "../../src/cli/main.js";
import type { Report } from "../../src/report/report.js";
import { checkFiles } from "../../src/run/run.js";
import { corpusText, docxOf, linesOf, pdfOf, typeset, xlsxOf } from "../read-document/documents.js";

/** The corpus documents with a hand-checked discrepancy, each checked in every form it is published in. */
const documents = ["daying-jinyuan-2023", "fangchenggang-ggzyjy-2018", "shenzhen-zfbgt-2011", "xizang-hulu-2025"];

const folder = mkdtempSync(join(tmpdir(), "budget-rules-forms-"));

/** What a finding says, whatever form the document came in. */
const gist = (finding: Finding) => ({
  rule: finding.rule,
  messageId: finding.messageId,
  severity: finding.severity,
  expected: finding.expected,
  actual: finding.actual,
});

async function check(name: string, bytes: Uint8Array | string) {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  const { report, exitCode } = await checkFiles([path], { cwd: folder, lang: "en", threads: 1 });
  return { findings: report.files[0]?.findings ?? [], exitCode };
}

describe("check reads a disclosure as published: text, Word, PDF and Excel give the same findings", () => {
  it.each(documents)("%s", async (document) => {
    const text = corpusText(document);
    const lines = linesOf(text);
    const plain = await check(`${document}.txt`, text);
    const errors = plain.findings.filter((finding) => finding.severity === "error");
    expect(errors.length, "the text's hand-checked discrepancy is found").toBeGreaterThan(0);
    expect(plain.exitCode).toBe(1);
    expect(plain.findings.every((finding) => finding.place === undefined)).toBe(true);

    const forms = {
      docx: await docxOf(lines),
      // A web page's text in a workbook: one line a row, in column A.
      xlsx: await xlsxOf([{ name: "情况说明", rows: lines.map((line) => [line]) }]),
      // As typeset: 38 characters a line (numbers and sentences broken), a header and a page footer; named
      // without an extension, so the content decides how it is read.
      pdf: await pdfOf(typeset(text, 38, 40, `${document} 部门预算`)),
    };
    for (const [form, bytes] of Object.entries(forms)) {
      const { findings, exitCode } = await check(form === "pdf" ? `${document}-published` : `${document}.${form}`, bytes);
      expect(findings.filter((finding) => finding.severity === "error").map(gist), form).toEqual(errors.map(gist));
      expect(exitCode).toBe(1);
      // Each error and each figure related to it is placed in the document, not in the declaration read from it.
      const placed = findings.filter((finding) => finding.severity === "error").flatMap((finding) => [finding, ...(finding.related ?? [])]);
      const places = placed.map((at) => at.place ?? "");
      expect(
        places.every((place) => (form === "docx" ? /^paragraph \d+$/ : form === "pdf" ? /^page \d+, line \d+$/ : /^情况说明!A\d+$/).test(place)),
        `${form}: ${places.join(", ")}`,
      ).toBe(true);
      expect(placed.map((at) => at.path)).toEqual(placed.map(() => ""));
    }
  });

  it("every report format points at the place in a Word document", async () => {
    writeFileSync(join(folder, "daying.docx"), await docxOf(linesOf(corpusText("daying-jinyuan-2023"))));
    const out = async (format: string) => {
      let stdout = "";
      await main(["check", "daying.docx", "-f", format], {
        stdout: (text) => (stdout += text),
        stderr: () => undefined,
        env: {},
        cwd: folder,
        stdoutIsTTY: false,
      });
      return stdout;
    };
    const paragraph = /^paragraph \d+$/;
    const error = (JSON.parse(await out("json")) as Report).files[0]?.findings.find((finding) => finding.severity === "error");
    expect(error?.place).toMatch(paragraph);
    const sarif = JSON.parse(await out("sarif")) as {
      runs: { results: { level: string; locations: { logicalLocations: { name: string }[]; physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    const [location] = sarif.runs[0]?.results.find((result) => result.level === "error")?.locations ?? [];
    expect(location?.logicalLocations[0]?.name).toBe(error?.place);
    expect(location?.physicalLocation.region.startLine).toBe(error?.line);
    expect(await out("github")).toContain(`::error file=daying.docx,line=${error?.line},col=${error?.column},`);
    expect(await out("github")).toContain(`::${error?.place}: `);
    expect(await out("junit")).toContain(`daying.docx: ${error?.place}`);
    expect(await out("html")).toContain(`${error?.place}`);
  });

  it.each([
    ["a PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
    ["an empty document", Buffer.alloc(0)],
    ["a zip that is neither Word nor Excel", Buffer.from("504b0304", "hex")],
  ])("%s is a finding that the file cannot be read, never a skipped file", async (_name, bytes) => {
    const { findings, exitCode } = await check("upload.bin", bytes);
    expect(findings.map((finding) => [finding.rule, finding.messageId, finding.line])).toEqual([["document", "unreadable", 1]]);
    expect(exitCode).toBe(2); // not checked (exit-code.ts)
  });
});
