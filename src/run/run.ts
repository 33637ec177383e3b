import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { configLookup, findConfig } from "../config/config.js";
import { countSeverities, type Lang, type Severity, type SeverityCounts } from "../finding.js";
import { version } from "../package-root.js";
import { reportOf, type FileReport, type Report } from "../report/report.js";
import type { Failure } from "../report/verdict.js";
import { ResultCache, type CacheKey, type Lookup, type Stamp } from "./cache.js";
import { codeId } from "./code-id.js";
import { sizeText } from "../load/read.js";
import { exitCodeOf, type ExitCode } from "./exit-code.js";
import { checkBytes, checkFile, declarationFiles, defaultMaxFileSize, displayName, InputError, sourceText } from "./files.js";
import { ignoredBy } from "./ignore.js";
import { checkInThreads, type Checked, type NamedFile, type SourcesWanted, type WorkerSetup } from "./threads.js";

export interface RunOptions {
  /** Where relative paths start, and what reported file names are relative to. Default: process.cwd(). */
  cwd?: string;
  /** The language of messages; default en. */
  lang?: Lang;
  /** One config for every file; otherwise the nearest budget-rules.config.yaml above each file, up to the repository root. */
  configPath?: string;
  /** false: look for no budget-rules.config.yaml (as ESLint's --no-config-lookup); only configPath applies. Default: true. */
  configLookup?: boolean;
  /** Leave out what `.budget-rules-ignore` in cwd and ignorePatterns name (as ESLint's ignore). Default: true. */
  ignore?: boolean;
  /** Paths to leave out, in gitignore's syntax, relative to cwd (as ESLint's --ignore-pattern). */
  ignorePatterns?: readonly string[];
  /** Files larger than this many bytes are reported, not checked. Default: 32 MiB. */
  maxFileSize?: number;
  /** Which files' texts to return (for code frames). Default: none. */
  sources?: SourcesWanted;
  /** Carry each declaration's view in its report (the HTML report renders from it). */
  view?: boolean;
  /** Worker threads: "auto" (default) uses up to 4 cores when there are enough files to repay starting them; 1 checks in this thread. */
  threads?: "auto" | number;
  /** Reuse the findings of files unchanged since the last run that used this cache file (as ESLint's --cache). */
  cacheLocation?: string;
  /** The lowest severity that fails the run (exit code 1). Default: error. */
  failOn?: Severity;
  /** More warnings than this fail the run. */
  maxWarnings?: number;
  /** Report errors only; the exit code still counts every finding. */
  quiet?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  /** The worker module; tests pass one that misbehaves. */
  workerScript?: URL;
}

export interface RunResult {
  /** The report to show (errors only with `quiet`). */
  report: Report;
  /** 2: a file was not checked (unreadable, too large, nothing read in it); 1: a finding at or above failOn, or too many warnings; 0: neither (exit-code.ts). */
  exitCode: ExitCode;
  /** The texts asked for by `sources`, by reported file name. */
  sources: Map<string, string>;
  /** What the user should know that is not a finding: a cache that could not be used. */
  warnings: string[];
  /** What fails the run besides its errors (--max-warnings, --fail-on warning or info), for the summary. */
  failures: Failure[];
}

/** Below this many files one thread is quicker than starting workers. */
export const parallelFrom = 64;

/** The per-file check, as this thread and every worker run it. */
export function checkerOf(setup: WorkerSetup): (file: NamedFile) => Promise<Checked> {
  const maxFileSize = setup.maxFileSize ?? defaultMaxFileSize;
  const configFor = configLookup({
    cwd: setup.cwd,
    lang: setup.lang,
    name: (path) => displayName(path, setup.cwd),
    maxFileSize,
    ...configChoice(setup),
  });
  return async ({ path, file }) => {
    let source: string | undefined;
    const report = await checkFile(path, { lang: setup.lang, file, config: configFor(path), maxFileSize, view: setup.view }, (text) => {
      source = text;
    });
    const keep = setup.sources === "all" || (setup.sources === "errors" && report.summary.error > 0);
    return { report, ...(keep && source !== undefined ? { source } : {}) };
  };
}

/**
 * The one way to check files, for the CLI and the library alike: files and folders of declarations
 * are listed once, earlier results reused (cacheLocation), the rest checked in this thread or on
 * worker threads, and the exit policy applied. Throws InputError or ConfigError when the check cannot run.
 */
export async function checkFiles(paths: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  if (paths.length === 0) throw new InputError("no file or folder to check");
  const setup = setupOf(options, cwd);
  const ignored = options.ignore === false ? undefined : ignoredBy(cwd, options.ignorePatterns ?? []);
  const files = declarationFiles(paths, cwd, ignored ? { ignored } : {}).map((path) => ({ path, file: displayName(path, cwd) }));
  const warnings: string[] = [];
  const cache = options.cacheLocation === undefined ? undefined : openCache(options.cacheLocation, files, setup, warnings);
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();
  const stamps = new Map<string, Stamp>();
  const toCheck = files.filter((named) => {
    const found = cache?.lookup(named);
    if (found?.report === undefined) {
      if (found?.stamp) stamps.set(named.file, found.stamp);
      return true;
    }
    reports.push(found.report);
    const wanted = setup.sources === "all" || (setup.sources === "errors" && found.report.summary.error > 0);
    // A document's bytes are no code frame: only a text's own lines are shown.
    const source = wanted ? sourceText(named.path) : undefined;
    if (source !== undefined) sources.set(named.file, source);
    return false;
  });
  const onChecked = ({ report, source }: Checked) => {
    reports.push(report);
    if (source !== undefined) sources.set(report.file, source);
    const stamp = stamps.get(report.file);
    if (stamp !== undefined) cache?.set(report.file, stamp, report);
    options.onProgress?.(reports.length, files.length, report.file);
  };
  const threads = threadCount(options.threads ?? "auto", toCheck.length);
  if (threads < 2) {
    const check = checkerOf(setup);
    for (const file of toCheck) onChecked(await check(file));
  } else await checkInThreads(toCheck, setup, threads, onChecked, options.workerScript);
  const saved = cache?.save();
  if (saved) warnings.push(saved);
  return outcome(reportOf(reports), sources, warnings, options);
}

/** What every check of a run shares, in this thread or a worker. */
function setupOf(options: RunOptions, cwd: string): WorkerSetup {
  return {
    cwd,
    lang: options.lang ?? "en",
    sources: options.sources ?? "none",
    view: options.view ?? false,
    ...(options.configPath !== undefined ? { configPath: resolve(cwd, options.configPath) } : {}),
    ...(options.configLookup === false ? { configLookup: false } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
  };
}

/**
 * Checks a text given rather than read from a file (--stdin), as the file `filename` would be checked:
 * named in reports as that file, with its config, under the same exit policy. Nothing is cached.
 */
export async function checkInput(bytes: Buffer, filename: string, options: RunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const setup = setupOf(options, cwd);
  const limit = setup.maxFileSize ?? defaultMaxFileSize;
  if (bytes.length > limit) throw new InputError(`the standard input gave more than ${sizeText(limit, "en")}, the --max-file-size limit; not checked`);
  const path = resolve(cwd, filename);
  const file = displayName(path, cwd);
  const configFor = configLookup({ cwd, lang: setup.lang, name: (name) => displayName(name, cwd), maxFileSize: limit, ...configChoice(setup) });
  let source: string | undefined;
  const report = await checkBytes(bytes, path, { lang: setup.lang, file, config: configFor(path), view: setup.view }, (text) => {
    source = text;
  });
  const keep = setup.sources === "all" || (setup.sources === "errors" && report.summary.error > 0);
  return outcome(reportOf([report]), new Map(keep && source !== undefined ? [[file, source]] : []), [], options);
}

const configChoice = (setup: WorkerSetup) => ({
  ...(setup.configPath !== undefined ? { configPath: setup.configPath } : {}),
  ...(setup.configLookup === false ? { lookup: false } : {}),
});

function threadCount(threads: "auto" | number, files: number): number {
  if (threads !== "auto") return Math.max(1, Math.min(threads, files));
  return Math.min(availableParallelism(), 4, Math.floor(files / (parallelFrom / 2)));
}

/** The cache keyed by what changes a file's findings; each file's config found as the check finds it. */
function openCache(given: string, files: readonly NamedFile[], setup: WorkerSetup, warnings: string[]) {
  // resolve() would make "" the working folder.
  if (given === "") throw new InputError("an empty path was given to --cache-location; name a file");
  const configOf = (path: string) => setup.configPath ?? (setup.configLookup === false ? undefined : findConfig(dirname(path), setup.cwd));
  // What the check reads, which saving the cache must never replace.
  const inputs = [...files.map(({ path }) => path), ...new Set(files.flatMap(({ path }) => configOf(path) ?? []))];
  const location = resolve(setup.cwd, given);
  const key: CacheKey = {
    version,
    code: codeId(),
    lang: setup.lang,
    strategy: "content",
    ...(setup.maxFileSize !== undefined ? { maxFileSize: setup.maxFileSize } : {}),
    // Relative, as a fresh clone elsewhere names it too.
    ...(setup.configPath !== undefined ? { configPath: displayName(setup.configPath, setup.cwd) } : {}),
  };
  const { cache, warning } = ResultCache.open(location, displayName(location, setup.cwd), key, inputs);
  if (warning) warnings.push(warning);
  const limit = setup.maxFileSize ?? defaultMaxFileSize;
  return {
    lookup: ({ path, file }: NamedFile): Lookup => {
      const config = configOf(path);
      const found = cache.get({ name: file, path, ...(config === undefined ? {} : { config: { name: displayName(config, setup.cwd), path: config } }) }, limit);
      // The HTML report needs each declaration's view, which the cache does not keep: the file is checked, and its findings kept.
      return setup.view && found.stamp ? { stamp: found.stamp } : found;
    },
    set: (name: string, stamp: Stamp, report: FileReport) => cache.set(name, stamp, report),
    save: () => cache.save(),
  };
}

/** The exit policy (exit-code.ts): a file not checked, a finding at or above failOn, or more warnings than maxWarnings. */
function outcome(report: Report, sources: Map<string, string>, warnings: string[], options: RunOptions): RunResult {
  const failOn = options.failOn ?? "error";
  const failures = failuresOf(report.summary, failOn, options.maxWarnings);
  // One exit code rule (exit-code.ts): a file not checked is 2, before any finding's 1.
  return { report: options.quiet ? onlyErrors(report) : report, exitCode: exitCodeOf(report, options), sources, warnings, failures };
}

/** What fails the run besides its errors (counted before --quiet filters what is shown). */
function failuresOf(summary: SeverityCounts, failOn: Severity, maxWarnings: number | undefined): Failure[] {
  const failures: Failure[] = [];
  if (failOn !== "error") {
    const counts = { warning: summary.warning, info: failOn === "info" ? summary.info : 0 };
    if (counts.warning + counts.info > 0) failures.push({ reason: "fail-on", failOn, counts });
  }
  if (maxWarnings !== undefined && summary.warning > maxWarnings) failures.push({ reason: "max-warnings", warnings: summary.warning, maximum: maxWarnings });
  return failures;
}

function onlyErrors(report: Report): Report {
  const files = report.files.map((file) => {
    const findings = file.findings.filter((finding) => finding.severity === "error");
    return { ...file, findings, summary: countSeverities(findings) };
  });
  return { ...report, files, summary: countSeverities(files.flatMap((file) => file.findings)) };
}
