import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The installed package's folder, found by walking up to its package.json: the same answer from the
 * TypeScript sources (tests), the compiled modules and the start-up bundle, wherever each file sits.
 */
function findPackageRoot(): { root: string; version: string } {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (name === "budget-rules") return { root: folder, version: version ?? "0.0.0" };
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error("budget-rules: cannot find its own package.json");
    folder = parent;
  }
}

export const { root: packageRoot, version } = findPackageRoot();

/** The bundled JSON Schema of declarations. */
export const schemaPath = join(packageRoot, "schemas", "budget.schema.json");
