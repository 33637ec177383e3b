import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

/**
 * Hostile review, issue 21: `import -o <hard link to the document> --force` overwrote the document, since
 * import compared real paths where check compared device and inode. One rule now says whether an output
 * is one of the inputs, for check's -o and import's -o alike: the same file under any name.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const declaration = readFileSync(join(root, "fixtures", "broken", "sum.yaml"), "utf8");
const disclosure = readFileSync(join(root, "fixtures", "corpus", "baise-shibenji-sangong-2024", "source.txt"), "utf8");

async function run(argv: string[], cwd: string) {
  let stderr = "";
  const code = await main(argv, { stdout: () => undefined, stderr: (text) => (stderr += text), env: {}, cwd, stdoutIsTTY: false });
  return { code, stderr };
}

/** Every file of the folder and its sub-folder with its bytes. */
function contents(dir: string): Record<string, string> {
  const read = (folder: string, prefix: string): [string, string][] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? read(join(folder, entry.name), `${entry.name}/`) : [[`${prefix}${entry.name}`, readFileSync(join(folder, entry.name), "utf8")]],
    );
  return Object.fromEntries(read(dir, ""));
}

/** `input` with every other name the same file can have. */
function folderWith(input: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "budget-rules-same-file-"));
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, input), text);
  symlinkSync(input, join(dir, "link.yaml"));
  linkSync(join(dir, input), join(dir, "sub", "hard.yaml"));
  return dir;
}

const commands = [
  { command: "check -o", input: "a.yaml", text: declaration, argv: (output: string) => ["check", "-f", "json", "-o", output, "a.yaml"] },
  { command: "import -o --force", input: "doc.txt", text: disclosure, argv: (output: string) => ["import", "doc.txt", "-o", output, "--force"] },
];
const names = [
  { name: "its own name", output: (input: string) => input },
  { name: "another spelling", output: (input: string) => `sub/../${input}` },
  { name: "a link to it", output: () => "link.yaml" },
  { name: "a hard link to it", output: () => "sub/hard.yaml" },
];

describe("an output that is an input is refused, under any name", () => {
  it.each(commands.flatMap((command) => names.map((name) => ({ ...command, ...name }))))(
    "$command $name: exit 2, every file as it was",
    async ({ input, text, argv, output }) => {
      const dir = folderWith(input, text);
      const before = contents(dir);
      const result = await run(argv(output(input)), dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^budget-rules: (-o )?\S+ (is an input of this check|is the document read)/);
      expect(contents(dir)).toEqual(before);
    },
  );

  it.each(commands)("$command another file: written", async ({ input, text, argv }) => {
    const dir = folderWith(input, text);
    const result = await run(argv("sub/new.yaml"), dir);
    expect(result.code).not.toBe(2);
    expect(readFileSync(join(dir, "sub", "new.yaml"), "utf8").length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, input), "utf8")).toBe(text);
  });
});
