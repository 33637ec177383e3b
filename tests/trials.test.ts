import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFiles } from "../src/run/run.js";

const trials = new URL("../fixtures/trials/", import.meta.url);
const readme = readFileSync(new URL("README.md", trials), "utf8");

/** Each page's errors and warnings as its README row states them: “growth 29.86%”, or none. */
const stated = new Map(
  [...readme.matchAll(/^\| `([^`]+\.txt)` \| \S+ \| ([^|]+?) \|/gm)].map(([, file = "", findings = ""]) => [
    file,
    findings === "none" ? [] : findings.split(", "),
  ]),
);

describe("trials: unseen published pages give exactly their hand-checked errors and warnings", () => {
  const texts = readdirSync(trials).filter((name) => name.endsWith(".txt"));

  it("lists every text in its README", () => {
    expect([...stated.keys()].sort()).toEqual(texts.sort());
  });

  it.each(texts)("%s", async (name) => {
    const { report } = await checkFiles([new URL(name, trials).pathname], { lang: "en", threads: 1 });
    const found = (report.files[0]?.findings ?? [])
      .filter((finding) => finding.severity !== "info")
      .map((finding) => `${finding.rule} ${finding.actual ?? finding.messageId}`);
    expect(found).toEqual(stated.get(name));
  });
});
