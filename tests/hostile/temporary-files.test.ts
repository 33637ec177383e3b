import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeWhole } from "../../src/run/whole-file.js";

/**
 * Hostile review, issue 21: in a shared folder another user can put a link where a writer will create
 * its temporary file, and a writer that follows it overwrites any file the run may write (root's,
 * anything). Every temporary file (the result cache's, the compile cache's, -o's, import -o's) has a
 * random name and is created exclusively (O_EXCL), which refuses a link already there.
 */

// The random part of every temporary name, fixed so that a test can plant a link at the very name.
const random = "ab".repeat(8);
vi.mock("node:crypto", async (importOriginal) => ({
  ...(await importOriginal<typeof import("node:crypto")>()),
  randomBytes: (size: number) => Buffer.alloc(size, 0xab),
}));

const root = fileURLToPath(new URL("../..", import.meta.url));
const broken = join(root, "fixtures", "broken", "sum.yaml");
const disclosure = join(root, "fixtures", "corpus", "baise-shibenji-sangong-2024", "source.txt");
// The moment the writers of earlier versions put in a temporary name.
const now = 1_700_000_000_000;

afterEach(() => vi.restoreAllMocks());

async function run(argv: string[], cwd: string) {
  let stderr = "";
  const code = await main(argv, { stdout: () => undefined, stderr: (text) => (stderr += text), env: {}, cwd, stdoutIsTTY: false });
  return { code, stderr };
}

interface Writer {
  name: string;
  /** The file written, in the working folder, and what it holds before. */
  target: string;
  earlier: string;
  /** The temporary names the writer used before this fix: predictable from its pid and the clock. */
  oldNames: string[];
  write: (cwd: string) => Promise<{ code: number; stderr: string }>;
  /** What the writer says when the temporary name it draws is taken. */
  taken: { code: number; stderr: RegExp };
}

const writers: Writer[] = [
  {
    name: "the result cache",
    target: "cache.json",
    earlier: '{"key":"another run","entries":{}}',
    oldNames: [`cache.json.${process.pid}.tmp`],
    write: (cwd) => run(["check", "--cache", "--cache-location", "cache.json", broken], cwd),
    taken: { code: 1, stderr: /warning: cannot write the cache .*cache\.json \(EEXIST\)/ },
  },
  {
    name: "-o",
    target: "report.json",
    earlier: "earlier\n",
    oldNames: [`report.json.${process.pid}.${now}.tmp`],
    write: (cwd) => run(["check", "-f", "json", "-o", "report.json", broken], cwd),
    taken: { code: 2, stderr: /^budget-rules: cannot write report\.json: EEXIST\n$/ },
  },
  {
    name: "import -o --force",
    target: "declaration.yaml",
    earlier: "earlier\n",
    oldNames: [],
    write: (cwd) => run(["import", disclosure, "-o", "declaration.yaml", "--force"], cwd),
    taken: { code: 2, stderr: /^budget-rules: cannot write declaration\.yaml: EEXIST\n$/ },
  },
  {
    name: "the compile cache's writer",
    target: "compiled.v8",
    earlier: "earlier\n",
    oldNames: [`compiled.v8.${process.pid}`],
    write: (cwd) => {
      try {
        writeWhole(join(cwd, "compiled.v8"), "compiled", 0o600);
        return Promise.resolve({ code: 0, stderr: "" });
      } catch (error) {
        return Promise.resolve({ code: 2, stderr: `budget-rules: cannot write compiled.v8: ${(error as NodeJS.ErrnoException).code}\n` });
      }
    },
    taken: { code: 2, stderr: /^budget-rules: cannot write compiled\.v8: EEXIST\n$/ },
  },
];

/** A folder with a file to protect, its target already there (so --force has something to replace). */
function sharedFolder({ target, earlier }: Writer): string {
  const dir = mkdtempSync(join(tmpdir(), "budget-rules-temporary-"));
  writeFileSync(join(dir, "victim.txt"), "precious\n");
  writeFileSync(join(dir, target), earlier);
  return dir;
}

describe("a link where a temporary file will be made is never written through", () => {
  it.each(writers.filter((writer) => writer.oldNames.length > 0))("$name: at the name earlier versions used", async (writer) => {
    const { target, oldNames, write, earlier } = writer;
    vi.spyOn(Date, "now").mockReturnValue(now);
    const dir = sharedFolder(writer);
    for (const name of oldNames) symlinkSync(join(dir, "victim.txt"), join(dir, name));
    const result = await write(dir);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("precious\n");
    expect(result.code).not.toBe(2);
    expect(lstatSync(join(dir, target)).isFile()).toBe(true);
    expect(readFileSync(join(dir, target), "utf8")).not.toBe(earlier);
  });

  it.each(writers)("$name: at the very name it draws, the write is refused", async (writer) => {
    const { target, write, taken, earlier } = writer;
    const dir = sharedFolder(writer);
    symlinkSync(join(dir, "victim.txt"), join(dir, `${target}.${random}.tmp`));
    const result = await write(dir);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("precious\n");
    expect(result.code).toBe(taken.code);
    expect(result.stderr).toMatch(taken.stderr);
    // The planted link is left as it was (it is not this run's to remove), and the target too.
    expect(lstatSync(join(dir, `${target}.${random}.tmp`)).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, target), "utf8")).toBe(earlier);
  });

  it.each(writers)("$name: leaves no temporary file behind", async (writer) => {
    const { target, write } = writer;
    const dir = sharedFolder(writer);
    expect((await write(dir)).code).not.toBe(2);
    expect(readdirSync(dir).sort()).toEqual([target, "victim.txt"].sort());
  });
});
