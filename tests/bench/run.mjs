// npm run bench: the figures of docs/performance.md. Not part of npm test.
//   node tests/bench/run.mjs [--runs N]
// Medians of repeated whole-process runs, measured in one run on this machine, beside the floors:
// `node -e 0`, and a bare Node process that only imports yaml and parses the same files.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { declaration, random } from "./generate.mjs";
import { officeFiles } from "./office-files.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const runsArgument = process.argv.indexOf("--runs");
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 21;
// --only seed,many,large,aliases,cache,text,documents,office,pdf-budget: run some sections only.
const onlyArgument = process.argv.indexOf("--only");
const only = onlyArgument > 0 ? new Set(process.argv[onlyArgument + 1].split(",")) : undefined;
const section = (name) => only === undefined || only.has(name);
const work = mkdtempSync(join(tmpdir(), "budget-rules-bench-"));
const rssFile = join(work, "rss.txt");
const bin = join(root, "bin", "budget-rules.js");
const bare = join(root, "tests", "bench", "bare-parse.mjs");
const preload = join(root, "tests", "bench", "peak-rss.mjs");

/** One whole process: wall seconds and peak RSS (MiB). A command is its arguments, or `{ args, env }`. */
function once(command) {
  const { args, env, cwd } = Array.isArray(command) ? { args: command, env: {}, cwd: root } : { cwd: root, ...command };
  writeFileSync(rssFile, "");
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--import", preload, ...args], {
    cwd,
    env: { ...process.env, ...env, BENCH_RSS: rssFile, CI: "true" },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const rss = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number)) / 1024;
  return { seconds, rss };
}

const manyRunsFor = (count) => Math.max(3, Math.min(5, count));
const manyRuns = manyRunsFor(runs);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the commands interleaved, so that the machine's drift touches each alike. */
function measure(commands, count) {
  const samples = commands.map(() => ({ seconds: [], rss: [] }));
  for (let run = 0; run < count; run += 1) {
    commands.forEach((args, index) => {
      const { seconds, rss } = once(args);
      samples[index].seconds.push(seconds);
      samples[index].rss.push(rss);
    });
  }
  return samples.map((sample) => ({ seconds: median(sample.seconds), rss: Math.max(...sample.rss) }));
}

const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
const s = (seconds) => `${seconds.toFixed(2)} s`;
const mib = (value) => `${value.toFixed(0)} MiB`;
const rows = [];
const verdict = (ok) => (ok ? "met" : "NOT met");

// 1. The seed, against node -e 0 and the bare parse of the same file.
if (section("seed")) {
  const seed = "fixtures/wuchang-2025.yaml";
  const [empty, seedBare, seedCheck, seedUncached] = measure(
    [
      ["-e", "0"],
      [bare, seed],
      [bin, "check", seed],
      // As on the first run after an install: no compiled code kept (docs/performance.md).
      { args: [bin, "check", seed], env: { BUDGET_RULES_COMPILE_CACHE: "0" } },
    ],
    runs,
  );
  const seedRatio = seedCheck.seconds / seedBare.seconds;
  rows.push(["seed: `node -e 0`", ms(empty.seconds), mib(empty.rss), ""]);
  rows.push(["seed: bare parse (yaml + LineCounter)", ms(seedBare.seconds), mib(seedBare.rss), "the floor"]);
  rows.push([
    "seed: `budget-rules check`",
    ms(seedCheck.seconds),
    mib(seedCheck.rss),
    `${seedRatio.toFixed(2)}× the floor (target ≤ 1.15×: ${verdict(seedRatio <= 1.15)})`,
  ]);
  rows.push([
    "seed: `budget-rules check` without the compile cache",
    ms(seedUncached.seconds),
    mib(seedUncached.rss),
    `${(seedUncached.seconds / seedBare.seconds).toFixed(2)}× the floor (the first run after an install)`,
  ]);
}

// 2. 1,000 declarations of 300–2,000 lines in one invocation.
if (section("many")) {
  const many = join(work, "many");
  mkdirSync(many);
  const sizes = random(1);
  let manyLines = 0;
  for (let index = 0; index < 1000; index += 1) {
    const text = declaration(300 + Math.floor(sizes() * 1700), index + 1);
    manyLines += text.split("\n").length - 1;
    writeFileSync(join(many, `d${String(index).padStart(4, "0")}.yaml`), text);
  }
  const manyFiles = Array.from({ length: 1000 }, (_, index) => join(many, `d${String(index).padStart(4, "0")}.yaml`));
  const [manyBare, manyCheck] = measure(
    [
      [bare, ...manyFiles],
      [bin, "check", "-f", "json", "-o", join(work, "many.json"), many],
    ],
    manyRuns,
  );
  rows.push([
    `1,000 files (${manyLines.toLocaleString("en")} lines): bare parse, one process`,
    `${s(manyBare.seconds)} (${(1000 / manyBare.seconds).toFixed(0)} files/s)`,
    mib(manyBare.rss),
    "the floor on one core",
  ]);
  rows.push([
    "1,000 files: `budget-rules check`",
    `${s(manyCheck.seconds)} (${(1000 / manyCheck.seconds).toFixed(0)} files/s)`,
    mib(manyCheck.rss),
    `target ≥ 500 files/s: ${verdict(1000 / manyCheck.seconds >= 500)}`,
  ]);
}

// 3. One declaration of 20,000 lines and one of 200,000.
if (section("large"))
  for (const target of [20_000, 200_000]) {
    const file = join(work, `d${target}.yaml`);
    const text = declaration(target, target);
    writeFileSync(file, text);
    const lines = text.split("\n").length - 1;
    const [fileBare, fileCheck] = measure(
      [
        [bare, file],
        [bin, "check", "-f", "json", "-o", join(work, "big.json"), file],
      ],
      target > 50_000 ? 3 : manyRuns,
    );
    const ratio = fileCheck.seconds / fileBare.seconds;
    rows.push([`${lines.toLocaleString("en")} lines (${(text.length / 1e6).toFixed(1)} MB): bare parse`, s(fileBare.seconds), mib(fileBare.rss), "the floor"]);
    rows.push([
      `${lines.toLocaleString("en")} lines: \`budget-rules check\``,
      s(fileCheck.seconds),
      mib(fileCheck.rss),
      target === 200_000 ? `${ratio.toFixed(2)}× the floor (target ≤ 1.3×: ${verdict(ratio <= 1.3)}), default heap` : `${ratio.toFixed(2)}× the floor`,
    ]);
  }

// 4. Aliases cost what they expand to: a long table that reuses one anchored reason, against the same
// table with the reason written out; and an alias bomb, refused before it is expanded (also by -f html).
if (section("aliases")) {
  const table = (reason) =>
    [
      "version: 1",
      "department: { name: 测试, year: 2025 }",
      "unit: 万元",
      "tables:",
      "  - id: t1",
      "    title: 表",
      "    total: { amount: 4000 }",
      "    lines:",
    ]
      .concat(Array.from({ length: 4000 }, (_, index) => `      - { name: 行${index}, amount: 1, change: 1, reason: ${reason(index)} }`))
      .join("\n");
  const anchored = join(work, "anchored.yaml");
  const plain = join(work, "plain.yaml");
  writeFileSync(
    anchored,
    table((index) => (index === 0 ? "&why 人员增加" : "*why")),
  );
  writeFileSync(
    plain,
    table(() => "人员增加"),
  );
  const level = (name, from) => `${name}: &${name} [${Array.from({ length: 9 }, () => (from ? `*${from}` : '"lol"')).join(",")}]`;
  const names = "abcdefghi".split("");
  const bomb = join(work, "bomb.yaml");
  writeFileSync(bomb, names.map((name, index) => level(name, names[index - 1])).join("\n") + "\n");
  const bombBytes = readFileSync(bomb).length;
  const [plainCheck, anchoredCheck, bombCheck, bombHtml] = measure(
    [
      [bin, "check", plain],
      [bin, "check", anchored],
      [bin, "check", bomb],
      [bin, "check", "-f", "html", "-o", join(work, "bomb.html"), bomb],
    ],
    manyRunsFor(runs),
  );
  rows.push(["4,000-line table, the reason written out", ms(plainCheck.seconds), mib(plainCheck.rss), ""]);
  rows.push([
    "4,000-line table reusing one anchored reason",
    ms(anchoredCheck.seconds),
    mib(anchoredCheck.rss),
    `${(anchoredCheck.seconds / plainCheck.seconds).toFixed(2)}× written out`,
  ]);
  rows.push([`alias bomb (${bombBytes} bytes, 9⁹ nodes): refused`, ms(bombCheck.seconds), mib(bombCheck.rss), ""]);
  rows.push(["alias bomb with `-f html`: refused", ms(bombHtml.seconds), mib(bombHtml.rss), ""]);
}

// 5. 1,000 copies of the seed in a repository, checked with --cache as CI does: the first run fills the
// cache, an unchanged re-run reuses every file, and a fresh clone (the repository copied to a new path,
// every file with a new time stamp, the cache restored) reuses every file too; beside them, a one-core
// bare parse of the same files.
if (section("cache")) {
  const repository = join(work, "repository");
  const copies = join(repository, "declarations");
  mkdirSync(copies, { recursive: true });
  const seedText = readFileSync(join(root, "fixtures", "wuchang-2025.yaml"), "utf8");
  const copyFiles = Array.from({ length: 1000 }, (_, index) => join(copies, `s${String(index).padStart(4, "0")}.yaml`));
  for (const file of copyFiles) writeFileSync(file, seedText);
  const cacheFile = join(repository, ".budget-rules-cache");
  const checkIn = (cwd) => ({ args: [bin, "check", "--cache", "-f", "json", "-o", join(work, "copies.json"), "declarations"], env: {}, cwd });
  const [firsts, seconds, clones, bares] = [[], [], [], []];
  for (let run = 0; run < manyRunsFor(runs); run += 1) {
    rmSync(cacheFile, { force: true });
    bares.push(once([bare, ...copyFiles]).seconds);
    firsts.push(once(checkIn(repository)).seconds);
    seconds.push(once(checkIn(repository)).seconds);
    const clone = join(work, `clone-${run}`);
    cpSync(repository, clone, { recursive: true });
    clones.push(once(checkIn(clone)).seconds);
    rmSync(clone, { recursive: true, force: true });
  }
  const [first, second, cloned, bareCopies] = [median(firsts), median(seconds), median(clones), median(bares)];
  rows.push(["1,000 seeds: bare parse, one process", `${s(bareCopies)} (${(1000 / bareCopies).toFixed(0)} files/s)`, "", "the floor on one core"]);
  rows.push([
    "1,000 seeds: `check --cache`, first run (cold)",
    `${s(first)} (${(1000 / first).toFixed(0)} files/s)`,
    "",
    `${(bareCopies / first).toFixed(2)}× the one-core bare parse's throughput (target ≥ 1.7×: ${verdict(bareCopies / first >= 1.7)})`,
  ]);
  rows.push([
    "1,000 seeds: `check --cache`, unchanged re-run",
    s(second),
    "",
    `${(first / second).toFixed(1)}× faster than the first (target ≥ 10×: ${verdict(first / second >= 10)})`,
  ]);
  rows.push([
    "1,000 seeds: `check --cache` in a fresh clone, the cache restored",
    s(cloned),
    "",
    `${(first / cloned).toFixed(1)}× faster than the cold run (target ≥ 10×: ${verdict(first / cloned >= 10)})`,
  ]);
}

// 5. Reading the seed's published text against parsing its hand-written declaration, per document.
if (section("text")) {
  const result = spawnSync(
    process.execPath,
    [join(root, "tests", "bench", "text-reading.mjs"), "fixtures/seed/wuchang-2025.txt", "fixtures/wuchang-2025.yaml", String(runs * 10)],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`text-reading.mjs exited ${result.status}: ${result.stderr}`);
  const { text, readMs, parseMs, checkMs } = JSON.parse(result.stdout);
  rows.push(["seed: YAML parse of its declaration (in process)", `${parseMs.toFixed(1)} ms`, "", "the floor"]);
  rows.push([
    `seed: reading its text into a declaration (${text.toLocaleString("en")} characters, in process)`,
    `${readMs.toFixed(1)} ms`,
    "",
    `${(readMs / parseMs).toFixed(2)}× the parse (target < 1×: ${verdict(readMs < parseMs)})`,
  ]);
  rows.push(["seed: checking its text, reading and the rules (in process)", `${checkMs.toFixed(1)} ms`, "", `${(checkMs / parseMs).toFixed(2)}× the parse`]);
}

if (section("documents")) {
  const result = spawnSync(process.execPath, [join(root, "tests", "bench", "document-reading.mjs"), "fixtures/documents/wuchang-2025", String(runs)], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`document-reading.mjs exited ${result.status}: ${result.stderr}`);
  const { pdfText, checkPdf, excelLoad, checkXlsx } = JSON.parse(result.stdout);
  rows.push(["seed PDF (25 pages): pdf.js extracting its text layer alone (in process)", `${pdfText.toFixed(1)} ms`, "", "the floor"]);
  rows.push([
    "seed PDF: checked, its tables and sentences read (in process)",
    `${checkPdf.toFixed(1)} ms`,
    "",
    `${(checkPdf / pdfText).toFixed(2)}× pdf.js alone (target ≤ 1.5×: ${verdict(checkPdf <= 1.5 * pdfText)})`,
  ]);
  rows.push(["seed workbook (14 sheets): exceljs loading it alone (in process)", `${excelLoad.toFixed(1)} ms`, "", "the floor"]);
  rows.push([
    "seed workbook: checked (in process)",
    `${checkXlsx.toFixed(1)} ms`,
    "",
    `${(checkXlsx / excelLoad).toFixed(2)}× exceljs alone (target ≤ 1.5×: ${verdict(checkXlsx <= 1.5 * excelLoad)})`,
  ]);
}

// 7. Office files at the read's limits, and the hostile ones of issue 21: the largest input of each form that is read, what is refused, each once.
if (section("office")) {
  const files = officeFiles(work);
  const reader = join(root, "tests", "bench", "read-document.mjs");
  const results = measure(
    files.flatMap((file) => [
      [reader, file.path],
      [bin, "check", "-f", "json", "-o", `${file.path}.json`, file.path],
    ]),
    1,
  );
  files.forEach((file, index) => {
    const [read, check] = [results[2 * index], results[2 * index + 1]];
    const findings = JSON.parse(readFileSync(`${file.path}.json`, "utf8")).files[0].findings;
    const refused = findings.find((finding) => finding.messageId === "unreadable");
    const outcome = refused ? `refused: ${refused.message.replace(/^The file cannot be read: /, "")}` : `read: ${findings.length} findings`;
    rows.push([`${file.what}, ${(file.size / 1048576).toFixed(2)} MiB: read alone`, s(read.seconds), mib(read.rss), ""]);
    rows.push([`${file.what}: \`budget-rules check\``, s(check.seconds), mib(check.rss), outcome]);
  });
}

// 8. Hostile PDFs within the read's budget (issue 21).
if (section("pdf-budget")) {
  // Issue 21: hostile PDFs, each read within the default budget (docs/performance.md); any exit code is the
  // budget's answer (2: not read, or nothing read), so each is one run, its time and peak RSS.
  // Made by a process of their own: a process's peak RSS is kept across fork and exec, so the bench must stay small.
  spawnSync(process.execPath, [join(root, "tests", "bench", "hostile-pdf.mjs"), work], { stdio: "inherit" });
  const cases = [
    ["1,000 pages (the page budget, all read)", "pages-1000"],
    ["10,000 pages (the first 1,000 read, the rest said not read)", "pages-10000"],
    ["100,000 nested q (pdf.js's state stack is quadratic)", "nested-q"],
    ["2^30 form draws", "forms-2-30"],
    ["content stream inflating to 64 MB (the largest accepted)", "content-64mb"],
    ["content stream inflating to 1 GB (refused before reading)", "content-1gb"],
  ];
  for (const [name, made] of cases) {
    const file = join(work, `${made}.pdf`);
    const bytes = readFileSync(file);
    writeFileSync(rssFile, "");
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ["--import", preload, bin, "check", file], {
      cwd: root,
      env: { ...process.env, BENCH_RSS: rssFile, CI: "true" },
      encoding: "utf8",
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number)) / 1024;
    const said = (/(?:error|info) +(.+?)  +(?:document|narrative)$/m.exec(result.stdout)?.[1] ?? "").slice(0, 90);
    rows.push([`PDF, ${name}, ${(bytes.length / 1024).toFixed(0)} KB: exit ${result.status}`, s(seconds), `${rss.toFixed(0)} MiB`, said]);
  }
}

rmSync(work, { recursive: true, force: true });
console.log(
  `Machine: ${cpus()[0]?.model ?? "unknown"}, ${availableParallelism()} cores, Node ${process.version}; medians of ${runs} runs (${manyRuns} for 1,000 files and 20,000 lines, 3 for 200,000), peak RSS the largest seen.\n`,
);
console.log("| measured | time | peak RSS | against |");
console.log("|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
