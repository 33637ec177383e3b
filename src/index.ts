/** budget-rules as a library: check declarations and format the findings. */
export { checkText, type CheckOptions, type FileReport } from "./check.js";
export { checkFiles, InputError, type CheckFilesOptions } from "./check-files.js";
export type { Finding, Lang, RelatedLocation, Severity, SeverityCounts } from "./finding.js";
export type { Report } from "./report/report.js";
export type { Rule, RuleMeta } from "./rules/rule.js";
export { rules } from "./rules/index.js";
export { formatJson } from "./report/json.js";
export { formatStylish } from "./report/stylish.js";
