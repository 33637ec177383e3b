import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { configLookup, findConfig } from "../config/config.js";
import { countSeverities, type Lang, type Severity } from "../finding.js";
import { version } from "../package-root.js";
import { reportOf, type FileReport, type Report } from "../report/report.js";
import { ResultCache } from "./cache.js";
import { codeId } from "./code-id.js";
import { exitCodeOf, type ExitCode } from "./exit-code.js";
import { checkFile, declarationFiles, defaultMaxFileSize, displayName, InputError, sourceText } from "./files.js";
import { checkInThreads, type Checked, type NamedFile, type SourcesWanted, type WorkerSetup } from "./threads.js";

export interface RunOptions {
  /** Where relative paths start, and what reported file names are relative to. Default: process.cwd(). */
  cwd?: string;
  /** The language of messages; default en. */
  lang?: Lang;
  /** One config for every file; otherwise the nearest budget-rules.config.yaml above each file, up to the repository root. */
  configPath?: string;
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
  /** What the user should know that is not a finding: a cache that could not be used, too many warnings. */
  warnings: string[];
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
    ...(setup.configPath !== undefined ? { configPath: setup.configPath } : {}),
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
  const setup: WorkerSetup = {
    cwd,
    lang: options.lang ?? "en",
    sources: options.sources ?? "none",
    view: options.view ?? false,
    ...(options.configPath !== undefined ? { configPath: resolve(cwd, options.configPath) } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
  };
  const files = declarationFiles(paths, cwd).map((path) => ({ path, file: displayName(path, cwd) }));
  const warnings: string[] = [];
  const cache = options.cacheLocation === undefined ? undefined : openCache(options.cacheLocation, files, setup, warnings);
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();
  const toCheck = files.filter(({ path, file }) => {
    const earlier = cache?.get(path);
    if (!earlier) return true;
    reports.push(earlier);
    const source = setup.sources === "all" || (setup.sources === "errors" && earlier.summary.error > 0) ? sourceText(path) : undefined;
    if (source !== undefined) sources.set(file, source);
    return false;
  });
  const pathOf = new Map(toCheck.map(({ path, file }) => [file, path]));
  const onChecked = ({ report, source }: Checked) => {
    reports.push(report);
    if (source !== undefined) sources.set(report.file, source);
    const path = pathOf.get(report.file);
    if (path !== undefined) cache?.set(path, report);
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

function threadCount(threads: "auto" | number, files: number): number {
  if (threads !== "auto") return Math.max(1, Math.min(threads, files));
  return Math.min(availableParallelism(), 4, Math.floor(files / (parallelFrom / 2)));
}

/** The cache keyed by what changes a file's findings; each file's config found as the check finds it. */
function openCache(given: string, files: readonly { path: string }[], setup: WorkerSetup, warnings: string[]) {
  // resolve() would make "" the working folder.
  if (given === "") throw new InputError("an empty path was given to --cache-location; name a file");
  const configOf = (path: string) => setup.configPath ?? findConfig(dirname(path), setup.cwd);
  // What the check reads, which saving the cache must never replace.
  const inputs = [...files.map(({ path }) => path), ...new Set(files.flatMap(({ path }) => configOf(path) ?? []))];
  const location = resolve(setup.cwd, given);
  const { cache, warning } = ResultCache.open(
    location,
    displayName(location, setup.cwd),
    {
      version,
      code: codeId(),
      lang: setup.lang,
      ...(setup.maxFileSize !== undefined ? { maxFileSize: setup.maxFileSize } : {}),
      ...(setup.configPath !== undefined ? { configPath: setup.configPath } : {}),
    },
    inputs,
  );
  if (warning) warnings.push(warning);
  return {
    // The HTML report needs each declaration's view, which the cache does not keep.
    get: (path: string) => (setup.view ? undefined : cache.get(path, configOf(path))),
    set: (path: string, report: FileReport) => cache.set(path, configOf(path), report),
    save: () => cache.save(),
  };
}

/** The exit policy (exit-code.ts): a file not checked, a finding at or above failOn, or more warnings than maxWarnings. */
function outcome(report: Report, sources: Map<string, string>, warnings: string[], options: RunOptions): RunResult {
  const { code, tooManyWarnings } = exitCodeOf(report, options);
  if (tooManyWarnings) warnings.push(`${report.summary.warning} warnings, more than --max-warnings ${options.maxWarnings}`);
  return { report: options.quiet ? onlyErrors(report) : report, exitCode: code, sources, warnings };
}

function onlyErrors(report: Report): Report {
  const files = report.files.map((file) => {
    const findings = file.findings.filter((finding) => finding.severity === "error");
    return { ...file, findings, summary: countSeverities(findings) };
  });
  return { ...report, files, summary: countSeverities(files.flatMap((file) => file.findings)) };
}
