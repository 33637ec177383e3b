import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Chalk } from "chalk";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkText } from "../src/check.js";
import { formatHtml } from "../src/report/html.js";
import { reportOf } from "../src/report/report.js";

const output = new URL("../test-output/", import.meta.url);
/** A CJK font from the registry, so that the screenshot shows glyphs on a machine with no CJK font installed. */
const cjkFont = new URL("../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf", import.meta.url);
/** The report is served from an origin of the test's own: nothing leaves the machine. */
const origin = "http://report.budget-rules.test";

/**
 * A Chromium from a registry package (@sparticuz/chromium ships the binary inside its npm package), so
 * the test needs no system browser and no root. It unpacks into a folder of the project's own rather
 * than the shared /tmp, where another user's copy could not be run.
 */
async function packagedChromium(): Promise<{ executablePath: string; args: string[] }> {
  const unpackInto = fileURLToPath(new URL("../node_modules/.cache/chromium/", import.meta.url));
  mkdirSync(unpackInto, { recursive: true });
  process.env.TMPDIR = unpackInto;
  const { default: packaged } = await import("@sparticuz/chromium");
  return { executablePath: await packaged.executablePath(), args: packaged.args };
}

describe("the HTML report in a real browser", () => {
  it("opens without console errors, shows Chinese glyphs, highlights each finding's figure, and is saved as a screenshot", async () => {
    const file = "fixtures/wuchang-2025.yaml";
    const source = readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
    const report = reportOf([checkText(source, { file, lang: "zh", view: true })]);
    const html = formatHtml(report, { lang: "zh", chalk: new Chalk({ level: 0 }), sources: new Map([[file, source]]), failOn: "error", version: "test" });
    mkdirSync(output, { recursive: true });
    writeFileSync(new URL("report.html", output), html);

    const browser = await chromium.launch({ headless: true, ...(await packagedChromium()) });
    try {
      // The report's CSP allows no fonts from outside it; the test lifts it for its own font alone (every other
      // request is refused below).
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
      const problems: string[] = [];
      tab.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      tab.on("pageerror", (error) => problems.push(error.message));
      await tab.route("**/*", async (route) => {
        const url = route.request().url();
        if (url === `${origin}/report.html`) await route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
        else if (url === `${origin}/cjk.otf`) await route.fulfill({ contentType: "font/otf", body: readFileSync(cjkFont) });
        else {
          // The report itself is self-contained: it fetches nothing.
          problems.push(`fetched ${url}`);
          await route.abort();
        }
      });
      await tab.goto(`${origin}/report.html`);
      // The report's own font list starts with "Noto Sans CJK SC": give that name the test's font.
      await tab.addStyleTag({ content: `@font-face { font-family: "Noto Sans CJK SC"; src: url(${origin}/cjk.otf); }` });
      const glyphs = await tab.evaluate(async () => {
        // Runs in the page (the test's own types have no DOM).
        const fonts = (
          globalThis as unknown as {
            document: { fonts: { load: (font: string, text: string) => Promise<unknown[]>; check: (font: string, text: string) => boolean } };
          }
        ).document.fonts;
        const loaded = await fonts.load('14px "Noto Sans CJK SC"', "预算公开核对");
        return { faces: loaded.length, check: fonts.check('14px "Noto Sans CJK SC"', "预算公开核对") };
      });
      expect(glyphs).toEqual({ faces: 1, check: true });

      const findings = report.files[0]?.findings ?? [];
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        const cell = tab.locator(`[data-path="${finding.path}"]`);
        expect(await cell.count(), finding.path).toBe(1);
        const look = await cell.evaluate((element) => {
          const style = (
            globalThis as unknown as { getComputedStyle: (target: unknown) => { outlineStyle: string; backgroundColor: string } }
          ).getComputedStyle(element);
          return { classes: (element as unknown as { className: string }).className, outline: style.outlineStyle, background: style.backgroundColor };
        });
        expect(look.classes).toContain(`finding-${finding.severity}`);
        expect(look.outline).toBe("solid");
        expect(look.background).not.toBe("rgba(0, 0, 0, 0)");
      }
      // The list links to the figures: following the first link lands on a highlighted cell.
      const target = await tab.locator("ol.findings a").first().getAttribute("href");
      expect(await tab.locator(target ?? "#none").getAttribute("class")).toContain("finding");
      await tab.screenshot({ path: fileURLToPath(new URL("report.png", output)), fullPage: true });
      expect(existsSync(new URL("report.png", output))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
