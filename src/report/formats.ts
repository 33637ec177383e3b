import type { Formatter } from "./formatter.js";

/** The report formats, each a module of its own. */
export const formatNames = ["stylish", "json", "sarif", "junit", "github", "gitlab", "html"] as const;
export type FormatName = (typeof formatNames)[number];

/** `-f xlsx`: the checked workbook back, annotated (report/workbook.ts); bytes, not text, so not a formatter. */
export const workbookFormat = "xlsx";
/** What -f accepts: a formatter's name, or the annotated workbook. */
export const outputFormats = [...formatNames, workbookFormat] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** Loads only the formatter chosen, so a check does not pay for the others at start-up. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "stylish":
      return (await import("./stylish.js")).formatStylish;
    case "json":
      return (await import("./json.js")).formatJson;
    case "sarif":
      return (await import("./sarif.js")).formatSarif;
    case "junit":
      return (await import("./junit.js")).formatJunit;
    case "github":
      return (await import("./github.js")).formatGithub;
    case "gitlab":
      return (await import("./gitlab.js")).formatGitlab;
    case "html":
      return (await import("./html.js")).formatHtml;
  }
}
