import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { rules } from "../src/rules/index.js";

const readmeUrl = new URL("../README.md", import.meta.url);
let readme = readFileSync(readmeUrl, "utf8");

describe("the README stays in step", () => {
  it("its rules table lists every rule as the registry describes it (npm run generate writes it)", () => {
    const isRow = (line: string) => /^\| `[a-z-]+` \| (?:error|warning|info) \|/.test(line);
    const generated = rules.map((rule) => `| \`${rule.id}\` | ${rule.meta.defaultSeverity} | ${rule.meta.description.zh}<br>${rule.meta.description.en} |`);
    if (process.env.UPDATE_GENERATED) {
      const lines = readme.split("\n");
      const first = lines.findIndex(isRow);
      const count = lines.slice(first).findIndex((line) => !isRow(line));
      lines.splice(first, count, ...generated);
      readme = lines.join("\n");
      writeFileSync(readmeUrl, readme);
    }
    expect(readme.split("\n").filter(isRow)).toEqual(generated);
  });

  it("its example report is what the seed gives", async () => {
    let stdout = "";
    await main(["check", "--lang", "en", "fixtures/wuchang-2025.yaml"], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      env: {},
      cwd: new URL("..", import.meta.url).pathname,
      stdoutIsTTY: false,
    });
    expect(readme).toContain(`\`\`\`text\n${stdout}\`\`\``);
  });

  it("its demo of a published page is what the tool gives on that page", async () => {
    const folder = mkdtempSync(join(tmpdir(), "budget-rules-demo-"));
    copyFileSync(new URL("../fixtures/corpus/tongliang-anju-2021-sangong/source.txt", import.meta.url), join(folder, "anju.txt"));
    let stdout = "";
    await main(["check", "--lang", "zh", "anju.txt"], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      env: {},
      cwd: folder,
      stdoutIsTTY: false,
    });
    expect(readme).toContain(`\`\`\`text\n$ budget-rules check --lang zh anju.txt\n${stdout}\`\`\``);
  });

  it("shows the two set-up commands", () => {
    expect(readme).toContain("npm install && npx budget-rules check fixtures/wuchang-2025.yaml");
    expect(readme).toMatch(/^npm test\b/m);
  });
});
