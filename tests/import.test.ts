import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { declareDocument } from "../src/document/declare/declaration-text.js";
import { readDocumentFile } from "../src/document/formats/read.js";
import type { Finding } from "../src/finding.js";
import { checkText } from "../src/run/check-text.js";
import { checkFiles } from "../src/run/run.js";

const corpus = new URL("../fixtures/corpus/", import.meta.url);
const folders = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

async function imported(folder: string): Promise<string> {
  return declareDocument(await readDocumentFile(new URL(`${folder}/source.txt`, corpus).pathname));
}

const errorsOf = (yaml: string) => checkText(yaml).findings.filter((finding) => finding.severity === "error");

/** Each hand-checked discrepancy, as the rule and the stated value checkText reports on the imported YAML. */
const discrepancies: Record<string, { rule: string; actual: string }[]> = {
  "daying-jinyuan-2023": [{ rule: "growth", actual: "33.33%" }],
  "fangchenggang-ggzyjy-2018": [{ rule: "growth", actual: "2.8%" }],
  "fuling-jiaoshi-2020-sangong": [
    { rule: "growth", actual: "-43.78%" },
    { rule: "growth", actual: "-2.2%" },
  ],
  "shenzhen-zfbgt-2011": [
    { rule: "sum", actual: "5631" },
    { rule: "sum", actual: "6198" },
  ],
  "tongliang-anju-2021-sangong": [{ rule: "growth", actual: "-7.83%" }],
  "xizang-hulu-2025": [{ rule: "statement", actual: "2024" }],
  "yilong-qunzhongbu-2015": [
    { rule: "share", actual: "71.82%" },
    { rule: "share", actual: "6.12%" },
    { rule: "share", actual: "99.98%" },
  ],
};

describe("import: the declaration read from each corpus document", () => {
  it.each(folders)("%s: is a valid declaration", async (folder) => {
    const findings = checkText(await imported(folder)).findings;
    expect(findings.filter((finding) => finding.rule === "yaml" || finding.rule === "schema")).toEqual([]);
  });

  it.each(folders)("%s: checks to its hand-checked discrepancies and no other error", async (folder) => {
    const errors = errorsOf(await imported(folder));
    const expected = discrepancies[folder] ?? [];
    for (const discrepancy of expected) expect(errors).toContainEqual(expect.objectContaining(discrepancy));
    const others = errors.filter((error) => !expected.some((discrepancy) => error.rule === discrepancy.rule && error.actual === discrepancy.actual));
    expect(others.map((error) => `${error.rule}/${error.messageId}`)).toEqual([]);
  });

  it.each(folders)("%s: the imported YAML gives the findings that checking the document gives", async (folder) => {
    const path = new URL(`${folder}/source.txt`, corpus).pathname;
    const { report } = await checkFiles([path], { lang: "en", threads: 1 });
    // The same findings, each at its YAML path and line in one and at its place in the document in the other.
    const said = (findings: readonly Finding[]) =>
      findings
        .map(({ rule, messageId, severity, message, expected, actual, difference, tolerance }) => ({
          rule,
          messageId,
          severity,
          message,
          expected,
          actual,
          difference,
          tolerance,
        }))
        .sort((a, b) => a.message.localeCompare(b.message));
    expect(said(checkText(await imported(folder)).findings)).toEqual(said(report.files[0]?.findings ?? []));
  });

  it("declares a figure printed with fewer decimals than the document at its own precision", async () => {
    expect(await imported("yinzhou-minglou-chc-2021")).toMatch(/^ +amount: 300\n +precision: 0\n +share: 2\.58%$/m);
  });

  it("gives every figure its place and lists what it does not declare", async () => {
    const yaml = await imported("yilong-qunzhongbu-2015");
    expect(yaml).toMatch(/^ {6}- name: 义龙试验区群工部2015年预算支出 # line \d+, column \d+$/m);
    expect(yaml).toContain("share: 71.82%");
    expect(yaml).not.toContain("complete: true"); // 其中 with no 分别为: a bound, not a sum
  });
});

async function run(argv: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

describe("budget-rules import", () => {
  const source = new URL("yilong-qunzhongbu-2015/source.txt", corpus).pathname;

  it("prints the declaration, or writes it with -o, never over a file without --force nor over its input", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "import-"));
    const printed = await run(["import", source], cwd);
    expect(printed).toMatchObject({ code: 0, stderr: "" });
    expect(printed.stdout).toMatch(/^version: 1$/m);
    expect(await run(["import", source, "-o", "decl.yaml"], cwd)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(cwd, "decl.yaml"), "utf8")).toBe(printed.stdout);
    const again = await run(["import", source, "-o", "decl.yaml"], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("budget-rules: decl.yaml exists; add --force to overwrite it\n");
    expect((await run(["import", source, "-o", "decl.yaml", "--force"], cwd)).code).toBe(0);
    writeFileSync(join(cwd, "in.txt"), readFileSync(source));
    const over = await run(["import", "in.txt", "-o", "in.txt", "--force"], cwd);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^budget-rules: in\.txt is the document read; import never writes over it\n$/);
  });

  it("exits 2 with one line when the document cannot be read", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "import-"));
    writeFileSync(join(cwd, "empty.txt"), "");
    for (const file of ["empty.txt", "missing.docx"]) {
      const result = await run(["import", file], cwd);
      expect(result).toMatchObject({ code: 2, stdout: "" });
      expect(result.stderr).toMatch(new RegExp(`^budget-rules: cannot read ${file.replace(".", "\\.")}: [^\\n]+\\n$`));
    }
  });
});
