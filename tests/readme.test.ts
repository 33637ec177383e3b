import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { rules } from "../src/rules/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README stays in step", () => {
  it("its rules table lists every rule as the registry describes it", () => {
    const rows = readme.split("\n").filter((line) => /^\| `[a-z-]+` \|/.test(line));
    expect(rows).toEqual(rules.map((rule) => `| \`${rule.id}\` | ${rule.meta.defaultSeverity} | ${rule.meta.description.zh}<br>${rule.meta.description.en} |`));
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

  it("shows the two set-up commands", () => {
    expect(readme).toContain("npm install && npx budget-rules check fixtures/wuchang-2025.yaml");
    expect(readme).toMatch(/^npm test\b/m);
  });
});
