import { spawn, spawnSync } from "node:child_process";
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

/**
 * Hostile review, issue 9: what the check writes never replaces what the user owns or crashes, what it
 * reads is bounded and never skipped silently, and every refusal is one line that names its cause.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const declaration = "version: 1\ndepartment: { name: 测试部门, year: 2025 }\nunit: 万元\ntables: []\n";

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? root,
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}

const bin = join(root, "bin", "budget-rules.js");
const folder = () => mkdtempSync(join(tmpdir(), "budget-rules-hostile-io-"));

/** One line on stderr, `budget-rules: …`, matching `pattern`: the shape of every refusal. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(/^budget-rules: [^\n]+\n$/);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
}

describe("a config of 40,000 custom checks", () => {
  const checks = (ids: string[]) => `checks:\n${ids.map((id) => `  - { id: ${id}, equal: [t5-1.amount, t6.amount] }\n`).join("")}`;
  const many = Array.from({ length: 40_000 }, (_, index) => `c${index}`);
  it.each([
    { name: "every id once", ids: many, code: 1, stderr: /^$/ },
    { name: "the last id repeats the first", ids: [...many, "c0"], code: 2, stderr: /:40002:\d+: the custom check id “c0” is used twice/ },
    { name: "an id repeated in the middle of 2,000", ids: [...many.slice(0, 1_000), "c7", ...many.slice(1_000, 2_000)], code: 2, stderr: /:1002:\d+: .*“c7”/ },
  ])("$name: checked in one pass", async ({ ids, code, stderr }) => {
    const dir = folder();
    writeFileSync(join(dir, "config.yaml"), checks(ids));
    writeFileSync(join(dir, "budget.yaml"), declaration);
    const result = await run(["check", "-f", "json", "-c", "config.yaml", "budget.yaml"], { cwd: dir });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
    if (code === 1) expect((JSON.parse(result.stdout) as { summary: { error: number } }).summary.error).toBe(40_000);
  });
});

const billionLaughs = [
  "a: &a [x, x, x, x, x, x, x, x, x]",
  ..."bcdefghij".split("").map(
    (name, index) =>
      `${name}: &${name} [${Array(9)
        .fill(`*${"abcdefghij"[index] ?? ""}`)
        .join(", ")}]`,
  ),
].join("\n");

describe("a refusal names its cause in one line", () => {
  it.each([
    { name: "--config naming the working folder", argv: ["check", "--config", ".", "ok.yaml"], stderr: /^budget-rules: \.: is a folder, not a config file/ },
    { name: "--config naming a sub-folder", argv: ["check", "-c", "settings", "ok.yaml"], stderr: /^budget-rules: settings: is a folder/ },
    { name: "a config whose alias contains itself", argv: ["check", "-c", "self.yaml", "ok.yaml"], stderr: /^budget-rules: self\.yaml:1:1: .*alias/ },
    {
      name: "a config whose alias is inside its own mapping",
      argv: ["check", "-c", "nested.yaml", "ok.yaml"],
      stderr: /^budget-rules: nested\.yaml:1:1: .*alias/,
    },
    { name: "a config that is an alias bomb", argv: ["check", "-c", "bomb.yaml", "ok.yaml"], stderr: /^budget-rules: bomb\.yaml:1:1: .*alias bomb/ },
    { name: "an empty path alone", argv: ["check", ""], stderr: /empty path/ },
    { name: "an empty path after a good one", argv: ["check", "ok.yaml", ""], stderr: /empty path/ },
    { name: "a limit of a tenth of a byte", argv: ["check", "--max-file-size", "0.0000001", "ok.yaml"], stderr: /at least one byte/ },
    { name: "a limit of nothing", argv: ["check", "--max-file-size", "0", "ok.yaml"], stderr: /at least one byte/ },
  ])("$name", async ({ argv, stderr }) => {
    const dir = folder();
    writeFileSync(join(dir, "ok.yaml"), declaration);
    mkdirSync(join(dir, "settings"));
    writeFileSync(join(dir, "self.yaml"), "rules: &x [*x]\n");
    writeFileSync(join(dir, "nested.yaml"), "rules: &x { sum: *x }\n");
    writeFileSync(join(dir, "bomb.yaml"), `${billionLaughs}\n`);
    const result = await run(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    // commander words its own refusals ("error: option …"): still one line.
    if (argv.includes("--max-file-size")) expect(result.stderr).toMatch(/^[^\n]+\n$/);
    else expectOneLine(result.stderr, stderr);
    expect(result.stderr).toMatch(stderr);
  });

  it.each([
    { name: "a few bytes over a limit of two", size: 120, limit: "0.000002", lang: "en", text: "The file is 120 bytes, above the limit of 2 bytes" },
    { name: "the same in Chinese", size: 120, limit: "0.000002", lang: "zh", text: "文件有 120 字节，超过了上限 2 字节" },
    { name: "megabytes that differ", size: 1.5 * 1024 * 1024, limit: "1", lang: "en", text: "The file is 1.5 MB, above the limit of 1 MB" },
    { name: "kilobytes over a fraction of a megabyte", size: 3000, limit: "0.002", lang: "en", text: "The file is 2.9 KB, above the limit of 2 KB" },
    {
      name: "ten bytes over a megabyte, in bytes",
      size: 1024 * 1024 + 10,
      limit: "1",
      lang: "en",
      text: "The file is 1048586 bytes, above the limit of 1048576 bytes",
    },
  ])("a file above --max-file-size, $name, says both sizes apart", async ({ size, limit, lang, text }) => {
    const dir = folder();
    writeFileSync(join(dir, "big.yaml"), `${declaration}#${"x".repeat(size - Buffer.byteLength(declaration) - 2)}\n`);
    const result = await run(["check", "--lang", lang, "--max-file-size", limit, "big.yaml"], { cwd: dir });
    expect(result.code).toBe(2); // not checked (exit-code.ts)
    expect(result.stdout).toContain(text);
  });

  it.each([
    { file: "big.yaml", rule: "yaml" },
    { file: "big.YML", rule: "yaml" },
    { file: "情况说明.txt", rule: "document" },
    { file: "情况说明.pdf", rule: "document" },
    { file: "表.xlsx", rule: "document" },
  ])("$file above --max-file-size is a $rule error, as it would be read", async ({ file, rule }) => {
    const dir = folder();
    writeFileSync(join(dir, file), "x".repeat(3000));
    const result = await run(["check", "-f", "json", "--max-file-size", "0.001", file], { cwd: dir });
    expect(result.code).toBe(2); // not checked (exit-code.ts)
    const { files } = JSON.parse(result.stdout) as { files: { findings: { rule: string; messageId: string }[] }[] };
    expect(files[0]?.findings).toEqual([expect.objectContaining({ rule, messageId: "too-large" })]);
  });

  it.each([
    { name: "into a missing folder", summary: (dir: string) => join(dir, "missing", "summary.md"), warning: /ENOENT/ },
    { name: "at a folder", summary: (dir: string) => dir, warning: /EISDIR/ },
    { name: "at a file", summary: (dir: string) => join(dir, "summary.md"), warning: undefined },
  ])("GITHUB_STEP_SUMMARY $name: the annotations still count", async ({ summary, warning }) => {
    const dir = folder();
    const result = await run(["check", "-f", "github", "fixtures/broken/sum.yaml"], { env: { GITHUB_STEP_SUMMARY: summary(dir) } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=fixtures\/broken\/sum\.yaml,line=13,/);
    if (warning) expectOneLine(result.stderr, new RegExp(`warning: cannot append the summary to GITHUB_STEP_SUMMARY .*${warning.source}`));
    else {
      expect(result.stderr).toBe("");
      expect(readFileSync(summary(dir), "utf8")).toContain("| fixtures/broken/sum.yaml | 13:17 | error | sum |");
    }
  });
});

describe("--max-file-size bounds everything read", () => {
  it.each([
    { name: "check /dev/zero", argv: ["check", "/dev/zero"], stderr: /^budget-rules: \/dev\/zero gave more than 32 MB, the --max-file-size limit/ },
    { name: "check /dev/urandom under 1 MB", argv: ["check", "--max-file-size", "1", "/dev/urandom"], stderr: /\/dev\/urandom gave more than 1 MB/ },
    { name: "-c /dev/zero", argv: ["check", "-c", "/dev/zero", "ok.yaml"], stderr: /^budget-rules: \/dev\/zero: the config is larger than 32 MB/ },
    {
      name: "a config above the limit",
      argv: ["check", "--max-file-size", "0.00001", "-c", "big.yaml", "ok.yaml"],
      stderr: /big\.yaml: the config is larger than 10 bytes/,
    },
  ])("$name: one line, exit 2", async ({ argv, stderr }) => {
    const dir = folder();
    writeFileSync(join(dir, "ok.yaml"), "");
    writeFileSync(join(dir, "big.yaml"), `rules: {}\n# ${"x".repeat(100)}\n`);
    const result = await run(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, stderr);
  });

  // A shell's pipe, as a user writes it (spawnSync's own stdin is a socket, which /dev/stdin cannot reopen).
  it.each([
    { name: "two megabytes", feed: "head -c 2097152 /dev/zero", code: 2, stderr: /^budget-rules: \/dev\/stdin gave more than 1 MB/ },
    { name: "an endless stream", feed: "yes", code: 2, stderr: /^budget-rules: \/dev\/stdin gave more than 1 MB/ },
    { name: "a declaration", feed: `printf '%s' '${declaration}'`, code: 0, stderr: /^$/ },
  ])("$name piped into check /dev/stdin", ({ feed, code, stderr }) => {
    const result = spawnSync("sh", ["-c", `${feed} | "$0" "$1" check --max-file-size 1 /dev/stdin`, process.execPath, bin], { encoding: "utf8" });
    expect(result.status).toBe(code);
    expect(result.stderr).toMatch(stderr);
  });
});

describe("a folder entry that cannot be read is reported, never skipped", () => {
  const oddByte = Buffer.from([0xe9]);
  const oddName = (dir: string, suffix: string) => Buffer.concat([Buffer.from(join(dir, "caf")), oddByte, Buffer.from(suffix)]);
  it.each([
    {
      name: "a name that is not UTF-8, ending .yaml",
      make: (dir: string) => writeFileSync(oddName(dir, ".yaml"), declaration),
      stderr: /^budget-rules: cannot read .*caf\uFFFD\.yaml: the name is not UTF-8; rename it\n$/,
    },
    {
      name: "a folder whose name is not UTF-8",
      make: (dir: string) => (mkdirSync(oddName(dir, "")), writeFileSync(Buffer.concat([oddName(dir, ""), Buffer.from("/b.yaml")]), declaration)),
      stderr: /^budget-rules: cannot read .*caf\uFFFD: the name is not UTF-8/,
    },
    {
      name: "a path longer than the system allows",
      make: (dir: string) => {
        const long = "d".repeat(250);
        spawnSync("sh", ["-c", `cd "$0" && for i in $(seq 20); do mkdir ${long} && cd ${long}; done && : > b.yaml`, dir]);
      },
      stderr: /^budget-rules: cannot read .*: ENAMETOOLONG\n$/,
    },
    {
      name: "a link that loops, named unlike a declaration",
      make: (dir: string) => symlinkSync(join(dir, "loop"), join(dir, "loop")),
      stderr: /loop: ELOOP\n$/,
    },
  ])("$name: exit 2, one line", async ({ make, stderr }) => {
    const dir = folder();
    writeFileSync(join(dir, "ok.yaml"), declaration);
    make(dir);
    const result = await run(["check", dir]);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, stderr);
  });

  it.each([
    { name: "a file that is not UTF-8 named, not a declaration", make: (dir: string) => writeFileSync(oddName(dir, ".jpg"), "") },
    { name: "a link to nothing, named unlike a declaration", make: (dir: string) => symlinkSync(join(dir, "nowhere"), join(dir, "notes")) },
  ])("$name: not a declaration, the rest is checked", async ({ make }) => {
    const dir = folder();
    writeFileSync(join(dir, "ok.yaml"), declaration);
    make(dir);
    const result = await run(["check", "-f", "json", dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { files: unknown[] }).files).toHaveLength(1);
  });

  // Run as root (CI) the locked entry can be read, and must then be checked; as a user it cannot, and must be named.
  it.each([
    { name: "a sub-folder without permissions", lock: (dir: string) => join(dir, "locked"), declarations: 2 },
    { name: "a declaration without permissions", lock: (dir: string) => join(dir, "locked", "b.yaml"), declarations: 2 },
  ])("$name: checked when it can be read, else exit 2 naming it", async ({ lock, declarations }) => {
    const dir = folder();
    writeFileSync(join(dir, "ok.yaml"), declaration);
    mkdirSync(join(dir, "locked"));
    writeFileSync(join(dir, "locked", "b.yaml"), declaration);
    chmodSync(lock(dir), 0);
    const readable = (() => {
      try {
        readdirSync(join(dir, "locked"));
        readFileSync(join(dir, "locked", "b.yaml"));
        return true;
      } catch {
        return false;
      }
    })();
    const result = await run(["check", "-f", "json", dir]);
    chmodSync(lock(dir), 0o755);
    if (readable) {
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as { files: unknown[] }).files).toHaveLength(declarations);
    } else {
      expect(result.code).toBe(2);
      expectOneLine(result.stderr, /^budget-rules: cannot read .*locked.*: EACCES\n$/);
    }
  });
});

/** Every file of a folder and its bytes: what a refused run must leave as it was. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [name, lstatSync(join(dir, name)).isFile() ? readFileSync(join(dir, name), "utf8") : "(not a file)"]),
  );
}

describe("-o never replaces what the user owns", () => {
  it.each([
    { name: "-o the declaration checked", argv: ["check", "a.yaml", "-f", "json", "-o", "a.yaml"], stderr: /-o a\.yaml is an input of this check/ },
    { name: "-o a link to it", argv: ["check", "a.yaml", "-f", "json", "-o", "link.yaml"], stderr: /-o link\.yaml is an input/ },
    { name: "-o a hard link to it", argv: ["check", "a.yaml", "-f", "sarif", "-o", "hard.sarif"], stderr: /-o hard\.sarif is an input/ },
    { name: "-o a declaration of a folder checked", argv: ["check", ".", "-f", "json", "-o", "sub/b.yml"], stderr: /-o sub\/b\.yml is an input/ },
    {
      name: "-o the nearest config",
      argv: ["check", "a.yaml", "-f", "json", "-o", "budget-rules.config.yaml"],
      stderr: /-o budget-rules\.config\.yaml is an input/,
    },
    { name: "-o the --config", argv: ["check", "a.yaml", "-c", "other.yaml", "-f", "json", "-o", "other.yaml"], stderr: /-o other\.yaml is an input/ },
    {
      name: "one -o for two formats",
      argv: ["check", "a.yaml", "-f", "json", "-o", "r.json", "-f", "sarif", "-o", "r.json"],
      stderr: /-o r\.json is given for both json and sarif/,
    },
    { name: "one file under two names", argv: ["check", "a.yaml", "-o", "r.json", "-o", "./sub/../r.json"], stderr: /is given for both json and json/ },
    {
      name: "a file and a link to it",
      argv: ["check", "a.yaml", "-o", "r.json", "-f", "json", "-f", "json", "-o", "r-link.json"],
      stderr: /is given for both/,
    },
    { name: "an extension that names no format", argv: ["check", "a.yaml", "-o", "r.md"], stderr: /cannot tell the format of r\.md from its extension/ },
    { name: "no extension", argv: ["check", "a.yaml", "-o", "report"], stderr: /cannot tell the format of report/ },
    { name: "an empty -o", argv: ["check", "a.yaml", "-f", "json", "-o", ""], stderr: /an empty path was given to -o/ },
    { name: "-o a folder", argv: ["check", "a.yaml", "-f", "json", "-o", "sub"], stderr: /cannot write sub: EISDIR/ },
  ])("$name: exit 2, one line, every file as it was", async ({ argv, stderr }) => {
    const dir = folder();
    writeFileSync(join(dir, "a.yaml"), declaration);
    writeFileSync(join(dir, "other.yaml"), "rules: {}\n");
    writeFileSync(join(dir, "budget-rules.config.yaml"), "rules: {}\n");
    writeFileSync(join(dir, "r.json"), "{}");
    symlinkSync("a.yaml", join(dir, "link.yaml"));
    symlinkSync("r.json", join(dir, "r-link.json"));
    linkSync(join(dir, "a.yaml"), join(dir, "hard.sarif"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "b.yml"), declaration);
    const before = { top: contents(dir), sub: contents(join(dir, "sub")) };
    const result = await run(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, stderr);
    expect({ top: contents(dir), sub: contents(join(dir, "sub")) }).toEqual(before);
  });

  it.each([
    { output: "r.json", report: /^\{\n {2}"version": 1,/ },
    { output: "R.JSON", report: /^\{\n {2}"version": 1,/ },
    { output: "r.sarif", report: /"version": "2\.1\.0"/ },
    { output: "r.xml", report: /^<\?xml[^]*<testsuites/ },
    { output: "r.html", report: /^<!doctype html>/i },
    { output: "r.htm", report: /^<!doctype html>/i },
    { output: "r.txt", report: /✖ 1 file checked: 1 error/ },
  ])("-o $output without -f writes the format its extension names; stdout stays stylish", async ({ output, report }) => {
    const dir = folder();
    const result = await run(["check", "--lang", "en", "-o", join(dir, output), "fixtures/broken/sum.yaml"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✖ 1 file checked: 1 error");
    expect(readFileSync(join(dir, output), "utf8")).toMatch(report);
    expect(readdirSync(dir)).toEqual([output]);
  });
});

describe("-o writes into a device or a FIFO, never renames over it", () => {
  it("-o a link to /dev/null: the link and the device stay", async () => {
    const dir = folder();
    symlinkSync("/dev/null", join(dir, "null.json"));
    const result = await run(["check", "-f", "json", "-o", join(dir, "null.json"), "fixtures/broken/sum.yaml"]);
    expect(result.code).toBe(1);
    expect(lstatSync(join(dir, "null.json")).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(["null.json"]);
  });

  it("-o a named pipe: the report flows to its reader, and the pipe stays", async () => {
    const dir = folder();
    spawnSync("mkfifo", [join(dir, "pipe")]);
    const reader = spawn("cat", [join(dir, "pipe")]);
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((resolvePromise) => reader.on("close", resolvePromise));
    const result = await run(["check", "-f", "json", "-o", join(dir, "pipe"), "fixtures/broken/sum.yaml"]);
    await closed;
    expect(result.code).toBe(1);
    expect((JSON.parse(read) as { summary: unknown }).summary).toEqual({ error: 1, warning: 0, info: 0 });
    expect(lstatSync(join(dir, "pipe")).isFIFO()).toBe(true);
  });

  // A shell's pipe and redirection, as a user writes them.
  it.each([
    { name: "a pipe", shell: `"$0" "$1" check -f json -o /dev/stdout fixtures/broken/sum.yaml | cat > "$2"` },
    { name: "a redirection to a file", shell: `"$0" "$1" check -f json -o /dev/stdout fixtures/broken/sum.yaml > "$2"` },
    { name: "stylish and JSON into one redirection", shell: `"$0" "$1" check -f stylish -f json -o /dev/stdout fixtures/broken/sum.yaml > "$2"` },
  ])("-o /dev/stdout into $name", ({ shell }) => {
    const out = join(folder(), "out");
    const result = spawnSync("sh", ["-c", shell, process.execPath, bin, out], { cwd: root, encoding: "utf8" });
    expect(result.stderr).toBe("");
    const text = readFileSync(out, "utf8");
    expect(text).toContain('"messageId": "sum-mismatch"');
    if (shell.includes("stylish")) expect(text).toContain("1 file checked");
  });
});

describe("a signal while a report is written leaves no temporary file", () => {
  // 20,000 wrong shares: a JSON report of some 19 MB, written long enough to be interrupted.
  const many = `${declaration.replace("tables: []\n", "")}tables:\n  - id: t\n    title: 表\n    total: { amount: 20000 }\n    lines:\n${Array.from({ length: 20_000 }, (_, index) => `      - { name: 行${index}, amount: 1, share: 50% }\n`).join("")}`;

  it.each(["SIGINT", "SIGTERM"] as const)("%s as the temporary file appears", async (signal) => {
    const dir = folder();
    writeFileSync(join(dir, "many.yaml"), many);
    const child = spawn(process.execPath, [bin, "check", "-f", "json", "-o", "report.json", "many.yaml"], { cwd: dir, stdio: "ignore" });
    let sent = false;
    // No timer: the signal goes when the file system says the temporary file was created.
    const watcher = watch(dir, (_event, name) => {
      if (!sent && String(name).endsWith(".tmp")) sent = child.kill(signal);
    });
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) =>
      child.on("exit", (code, endedBy) => resolvePromise({ code, signal: endedBy })),
    );
    watcher.close();
    // Whenever the signal landed: no temporary file, and a report whole or none.
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    if (ended.signal === signal) expect(readdirSync(dir)).toEqual(["many.yaml"]);
    else {
      expect(ended.code).toBe(1); // finished before the signal arrived
      expect((JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as { summary: { error: number } }).summary.error).toBeGreaterThan(0);
    }
  });
});

describe("a full disk on stdout", () => {
  it.each([
    { name: "stylish", argv: ["check", "fixtures/wuchang-2025.yaml"] },
    { name: "JSON", argv: ["check", "-f", "json", "fixtures/broken/sum.yaml"] },
    { name: "--help", argv: ["--help"] },
  ])("$name into /dev/full: one line, exit 2", ({ argv }) => {
    const result = spawnSync("sh", ["-c", `"$0" "$@" > /dev/full`, process.execPath, bin, ...argv], { cwd: root, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^budget-rules: cannot write to stdout: ENOSPC\n$/);
  });
});
