import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Chalk } from "chalk";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkText } from "../src/check.js";
import { formatHtml } from "../src/report/html.js";
import { reportOf } from "../src/report/report.js";

const executablePath = "/usr/bin/chromium";
const output = new URL("../test-output/", import.meta.url);

describe("the HTML report in a real browser", () => {
  it("opens without console errors, highlights each finding's figure, and is saved as a screenshot", async () => {
    expect(existsSync(executablePath), "Debian's chromium is needed (.ci/run installs it: apt-get install chromium)").toBe(true);
    const file = "fixtures/wuchang-2025.yaml";
    const source = readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
    const report = reportOf([checkText(source, { file, lang: "zh" })]);
    mkdirSync(output, { recursive: true });
    const page = new URL("report.html", output);
    writeFileSync(page, formatHtml(report, { lang: "zh", chalk: new Chalk({ level: 0 }), sources: new Map([[file, source]]), failOn: "error", version: "test" }));

    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      tab.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      tab.on("pageerror", (error) => problems.push(error.message));
      tab.on("request", (request) => {
        if (!request.url().startsWith("file:")) problems.push(`fetched ${request.url()}`);
      });
      await tab.goto(pathToFileURL(page.pathname).href);
      const findings = report.files[0]?.findings ?? [];
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        const cell = tab.locator(`[data-path="${finding.path}"]`);
        expect(await cell.count(), finding.path).toBe(1);
        const look = await cell.evaluate((element) => {
          // Runs in the page, where the DOM's getComputedStyle exists (the test's own types have no DOM).
          const style = (globalThis as unknown as { getComputedStyle: (target: unknown) => { outlineStyle: string; backgroundColor: string } }).getComputedStyle(element);
          return { classes: String(element.className), outline: style.outlineStyle, background: style.backgroundColor };
        });
        expect(look.classes).toContain(`finding-${finding.severity}`);
        expect(look.outline).toBe("solid");
        expect(look.background).not.toBe("rgba(0, 0, 0, 0)");
      }
      // The list links to the figures: following the first link lands on a highlighted cell.
      const target = await tab.locator("ol.findings a").first().getAttribute("href");
      expect(await tab.locator(target ?? "#none").getAttribute("class")).toContain("finding");
      await tab.screenshot({ path: new URL("report.png", output).pathname, fullPage: true });
      expect(existsSync(new URL("report.png", output))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
