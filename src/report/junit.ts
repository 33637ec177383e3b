import type { Finding, Lang } from "../finding.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";

/** XML text and attribute escaping; characters XML 1.0 cannot carry at all are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const cleanName: Record<Lang, string> = { zh: "已检查，没有发现问题", en: "checked, no problems found" };

/**
 * JUnit XML for GitLab, Jenkins and the like, which show one failure per testcase: a testsuite per file,
 * a testcase per finding (named by its rule and place), each a failure whose type is its severity and rule
 * (as ESLint's JUnit report makes every message one); a file with no finding has one passing testcase. So
 * the header's failures are the findings. Whether the run fails is the exit code's (--fail-on).
 */
export function formatJunit(report: Report, { lang }: FormatContext): string {
  let tests = 0;
  let failures = 0;
  const suites = report.files.map((file) => {
    const failing = file.findings.length;
    const cases = file.findings.length === 0 ? [testcase(file.file, cleanName[lang])] : file.findings.map((finding) => findingCase(file.file, finding));
    tests += cases.length;
    failures += failing;
    const properties = file.config === null ? "" : `    <properties><property name="config" value="${escapeXml(file.config)}"/></properties>\n`;
    return `  <testsuite name="${escapeXml(file.file)}" tests="${cases.length}" failures="${failing}" errors="0" skipped="0">\n${properties}${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="budget-rules" tests="${tests}" failures="${failures}" errors="0">\n${suites.join("\n")}\n</testsuites>\n`;
}

function testcase(file: string, name: string, body?: string, line?: number): string {
  const open = `    <testcase name="${escapeXml(name)}" classname="${escapeXml(file)}" file="${escapeXml(file)}"${line === undefined ? "" : ` line="${line}"`}`;
  return body === undefined ? `${open}/>` : `${open}>\n${body}\n    </testcase>`;
}

/** One finding's testcase: `sum 13:17`, a failure of type `error sum/sum-mismatch`. */
function findingCase(file: string, finding: Finding): string {
  const name = `${finding.rule} ${finding.place ?? `${finding.line}:${finding.column}`}`;
  const type = `${finding.severity} ${finding.rule}/${finding.messageId}`;
  const body = `      <failure message="${escapeXml(finding.message)}" type="${escapeXml(type)}">${escapeXml(detailsOf(file, finding))}</failure>`;
  return testcase(file, name, body, finding.line);
}

function detailsOf(file: string, finding: Finding): string {
  const figures = (["expected", "actual", "difference", "tolerance"] as const).flatMap((key) =>
    finding[key] === undefined ? [] : [`${key}: ${finding[key]}`],
  );
  return [finding.place ? `${file}: ${finding.place}` : `${file}:${finding.line}:${finding.column}`, finding.message, finding.path, ...figures].join("\n");
}
