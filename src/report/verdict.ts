import type { Lang, SeverityCounts } from "../finding.js";
import { counted, severityWords } from "./vocabulary.js";

/**
 * Why a run fails besides its errors: the exit policy's other reasons, stated in the summary a person
 * reads (as ESLint's "too many warnings (maximum: 0)"), so a run with no error that exits 1 says why.
 */
export type Failure =
  | { reason: "max-warnings"; warnings: number; maximum: number }
  /** Findings below error that --fail-on counts: warnings, and info under --fail-on info. */
  | { reason: "fail-on"; failOn: "warning" | "info"; counts: Pick<SeverityCounts, "warning" | "info"> };

/** One line, in the report's language: what failed the check and under which option. */
export function failureText(failure: Failure, lang: Lang): string {
  if (failure.reason === "max-warnings") {
    const { warnings, maximum } = failure;
    return lang === "zh"
      ? `警告过多：${warnings} 个警告，超过 --max-warnings 允许的 ${maximum} 个，检查不通过`
      : `Too many warnings: ${counted(warnings, "warning")}, more than the ${maximum} --max-warnings allows; the check fails`;
  }
  const { failOn, counts } = failure;
  const parts = (["warning", "info"] as const).filter((severity) => counts[severity] > 0);
  if (lang === "zh") {
    const found = parts.map((severity) => `${counts[severity]} ${severity === "warning" ? "个" : "条"}${severityWords.zh[severity]}`).join("、");
    return `--fail-on ${failOn}：${found}也使检查不通过`;
  }
  const found = parts.map((severity) => (severity === "info" ? `${counts.info} info` : counted(counts.warning, "warning"))).join(" and ");
  return `--fail-on ${failOn}: ${found} fail the check too`;
}
