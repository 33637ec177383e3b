import type { Finding, Severity } from "../finding.js";
import { ruleOf, rules } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";

const levels: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A relative path as a URI reference: each segment percent-encoded (Chinese file names included). */
function uriOf(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function descriptor(id: string, rule: Rule, context: FormatContext) {
  const { lang } = context;
  return {
    id,
    name: rule.meta.name,
    shortDescription: { text: rule.meta.description[lang] },
    fullDescription: { text: rule.meta.docs[lang] },
    defaultConfiguration: { level: levels[rule.meta.defaultSeverity] },
    help: { text: `${rule.meta.docs[lang]}\n\nbudget-rules explain ${rule.id}` },
  };
}

function locationOf(file: string, region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number }) {
  return { physicalLocation: { artifactLocation: { uri: uriOf(file), uriBaseId: "%SRCROOT%" }, region } };
}

/** One finding as a SARIF result; ruleIndex is its rule's place in the driver's rules. */
function resultOf(file: string, finding: Finding, ruleIndex: number) {
  const properties = Object.fromEntries(
    (["expected", "actual", "difference", "tolerance", "place"] as const).flatMap((key) => (finding[key] === undefined ? [] : [[key, finding[key]]])),
  );
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: levels[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        ...locationOf(file, {
          startLine: finding.line,
          startColumn: finding.column,
          endLine: finding.endLine,
          endColumn: Math.max(finding.endColumn, finding.line === finding.endLine ? finding.column + 1 : 1),
        }),
        logicalLocations: [finding.place ? { name: finding.place, kind: "element" } : { fullyQualifiedName: finding.path || "/", kind: "object" }],
      },
    ],
    ...(finding.related && finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, index) => ({
            id: index + 1,
            ...locationOf(file, { startLine: related.line, startColumn: related.column }),
            message: { text: related.place ?? (related.path || `line ${related.line}, column ${related.column}`) },
          })),
        }
      : {}),
    partialFingerprints: { "budgetRules/v1": `${finding.rule}:${finding.messageId}:${finding.path || finding.place || `${finding.line}:${finding.column}`}` },
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

/** SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers. */
export function formatSarif(report: Report, context: FormatContext): string {
  const ids = [...rules.map((rule) => rule.id)];
  for (const file of report.files) for (const finding of file.findings) if (!ids.includes(finding.rule)) ids.push(finding.rule);
  const driverRules = ids.flatMap((id) => {
    const rule = ruleOf(id);
    return rule ? [descriptor(id, rule, context)] : [];
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        // No informationUri: the tool has no web page of its own to point to, and a dead link is worse than none.
        tool: { driver: { name: "budget-rules", semanticVersion: context.version, version: context.version, rules: driverRules } },
        // The configs that applied: in the run's one invocation, and each file's beside it as an artifact's property.
        invocations: [
          { executionSuccessful: true, properties: { configs: [...new Set(report.files.flatMap((file) => (file.config === null ? [] : [file.config])))] } },
        ],
        columnKind: "utf16CodeUnits",
        artifacts: report.files.map((file) => ({
          location: { uri: uriOf(file.file), uriBaseId: "%SRCROOT%" },
          mimeType: "application/yaml",
          ...(file.config === null ? {} : { properties: { config: file.config } }),
        })),
        results: report.files.flatMap((file) => file.findings.map((finding) => resultOf(file.file, finding, ids.indexOf(finding.rule)))),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}
