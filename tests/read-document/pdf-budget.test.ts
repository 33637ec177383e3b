import { deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { declareDocument } from "../../src/document/declare/declaration-text.js";
import { DocumentError } from "../../src/document/formats/document.js";
import { readDocument } from "../../src/document/formats/read.js";
import type { PdfBudget } from "../../src/document/formats/pdf.js";
import { pdfOf } from "./documents.js";

const pages = ["收入预算100万元。", "支出预算100万元，比上年增加10万元，增长11.11%。", "基本支出60万元。", "项目支出40万元。", "“三公”经费5万元。"];
let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await pdfOf(pages.map((line) => [line]));
});

/** What reading the PDF within a budget gives: the pages read (their first lines) and what was set aside, or the one-line refusal. */
async function within(budget: PdfBudget): Promise<{ read: string[]; setAside: string[] } | string> {
  try {
    const document = await readDocument(pdf, { pdf: budget });
    return {
      read: document.text.split("\n"),
      setAside: (document.setAside ?? []).map((aside) => `${aside.text} (${aside.why})`),
    };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    expect(error.text.zh).toMatch(/^[^\n]+$/);
    return `${error.problem}: ${error.text.en}`;
  }
}

describe("every PDF is read within a budget of pages, heap and time, and what it does not read is said (issue 21)", () => {
  it.each<{ what: string; budget: PdfBudget; told: Awaited<ReturnType<typeof within>> }>([
    { what: "the default budget reads all five pages", budget: {}, told: { read: pages, setAside: [] } },
    { what: "a budget of five pages reads all five", budget: { maxPages: 5 }, told: { read: pages, setAside: [] } },
    { what: "a budget of four pages sets the fifth aside", budget: { maxPages: 4 }, told: { read: pages.slice(0, 4), setAside: ["第 5 页 (page-limit)"] } },
    {
      what: "a budget of two pages sets the other three aside",
      budget: { maxPages: 2 },
      told: { read: pages.slice(0, 2), setAside: ["第 3–5 页 (page-limit)"] },
    },
    // a heap in which pdf.js cannot even start: the worker ends, the command does not
    {
      what: "a heap of 2 MiB",
      budget: { maxMemoryMb: 2 },
      told: "too-large: reading page 1 of the PDF needs more memory than the limit of 2 MB: not read",
    },
    // no time at all: the worker is ended before it posts a page (no timing is measured: 0 s is spent before any page)
    { what: "no time", budget: { maxSeconds: 0 }, told: "too-large: reading page 1 of the PDF takes longer than the limit of 0 s: not read" },
  ])("$what", async ({ budget, told }) => {
    expect(await within(budget)).toEqual(told);
  });

  it.each([
    {
      what: "one stream beyond 1 MiB",
      budget: { maxStreamMb: 1 },
      told: "too-large: the PDF is not read: one of its streams inflates to more than 1 MB (a compression bomb?)",
    },
    {
      what: "streams beyond 1 MiB together",
      budget: { maxStreamMb: 4, maxInflatedMb: 1 },
      told: "too-large: the PDF is not read: its streams inflate to more than 1 MB together (a compression bomb?)",
    },
  ])("a PDF whose streams inflate beyond the budget is refused before pdf.js inflates them: $what", async ({ budget, told }) => {
    // 2 MiB of path operators in 2 KB: what a content bomb is, a thousand times smaller.
    const data = deflateSync(Buffer.alloc(2 * 1024 * 1024, "0 0 m "));
    const bomb = Buffer.concat([
      Buffer.from(pdf),
      Buffer.from(`\n99 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`),
      data,
      Buffer.from("\nendstream\nendobj\n%%EOF\n"),
    ]);
    await expect(readDocument(bomb, { pdf: budget })).rejects.toMatchObject({ problem: "too-large", message: told.replace(/^too-large: /, "") });
    // within a budget that holds it, the same bytes are read
    expect((await readDocument(bomb, { pdf: { maxStreamMb: 4 } })).text.split("\n")).toEqual(pages);
  });

  it("the pages set aside are in the declaration's unread list, so check reports them", async () => {
    const yaml = declareDocument(await readDocument(pdf, { pdf: { maxPages: 2 } }));
    expect(yaml).toMatch(/- text: 第 3–5 页 # .*\n {4}why: page-limit\n/);
  });
});
