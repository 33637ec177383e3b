/**
 * The README's install, as a finance bureau follows it (issue 22): budget-rules is not on the npm
 * registry, so a package is made with `npm pack`, kept in the bureau's repository and installed from
 * there into a project that has nothing else; `npx budget-rules check` then checks the bundled example.
 * The package is packed from the build the tests run on (tests/setup/build.ts), without its scripts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

/** `npm pack` into a fresh folder; the tarball's path. */
function pack(): string {
  const destination = mkdtempSync(join(tmpdir(), "budget-rules-pack-"));
  const output = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", destination], { cwd: root, encoding: "utf8" });
  return join(destination, output.trim().split("\n").at(-1) ?? "");
}

describe("npm pack, installed into an empty project", () => {
  it("installs from the tarball and checks the bundled example with npx budget-rules", () => {
    const tarball = pack();
    expect(tarball.endsWith(`budget-rules-${version}.tgz`)).toBe(true);
    const project = mkdtempSync(join(tmpdir(), "budget-rules-bureau-"));
    mkdirSync(join(project, ".git"));
    mkdirSync(join(project, "vendor"));
    copyFileSync(tarball, join(project, "vendor", `budget-rules-${version}.tgz`));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "bureau-declarations", private: true }));
    const npm = (args: string[]) => spawnSync("npm", args, { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "true" } });
    const install = npm(["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", `./vendor/budget-rules-${version}.tgz`]);
    expect(install.status, install.stderr).toBe(0);
    // What the README says the install writes, so that `npm ci` in CI installs the same.
    expect((JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as { devDependencies: object }).devDependencies).toEqual({
      "budget-rules": `file:vendor/budget-rules-${version}.tgz`,
    });
    for (const name of ["wuchang-2025.yaml", "budget-rules.config.yaml"]) copyFileSync(join(root, "fixtures", name), join(project, name));
    const check = npm(["exec", "--", "budget-rules", "check", "--lang", "en", "wuchang-2025.yaml"]);
    expect(check.stderr).toBe("");
    expect(check.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 1 file checked: 1 error, 3 warnings, 3 info");
    expect(check.status).toBe(1);
  }, 300_000);
});
