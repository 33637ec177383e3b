import type { Finding, Lang, Severity } from "../finding.js";
import { childPointer } from "../load/json-pointer.js";
import { Exact } from "../model/figure.js";
import type { DeclarationView, FigureView, RowView, TableView } from "../model/view.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";
import { configWord, position, severityWords, suggestion } from "./vocabulary.js";

const words = {
  zh: {
    title: "预算公开核对报告",
    summary: "概况",
    files: "个文件",
    errors: "个错误",
    warnings: "个警告",
    infos: "条提示",
    findings: "发现的问题",
    none: "没有发现问题。",
    tables: "预算表",
    statements: "情况说明所述数字",
    chart: "支出构成",
    code: "编码",
    name: "名称",
    stated: "所列金额",
    computed: "计算值",
    prior: "上年数",
    change: "增减额",
    growth: "增长率",
    share: "占比",
    earlier: "以前年度",
    projects: "项目",
    budget: "总预算",
    indicators: "绩效指标",
    empty: "空表",
    generated: "由 budget-rules 生成",
  },
  en: {
    title: "Budget disclosure check",
    summary: "Summary",
    files: "files",
    errors: "errors",
    warnings: "warnings",
    infos: "info",
    findings: "Findings",
    none: "No problems found.",
    tables: "Tables",
    statements: "Figures stated in the narrative",
    chart: "Expenditure composition",
    code: "Code",
    name: "Name",
    stated: "Stated",
    computed: "Computed",
    prior: "Prior year",
    change: "Change",
    growth: "Growth",
    share: "Share",
    earlier: "Earlier years",
    projects: "Projects",
    budget: "Total budget",
    indicators: "Indicators",
    empty: "Empty table",
    generated: "Made by budget-rules",
  },
};

type Words = (typeof words)["en"];

/** “1 error”, “2 errors”, “2 个错误”. */
function countOf(count: number, key: "files" | "errors" | "warnings" | "infos", lang: Lang): string {
  const word = words[lang][key];
  return `${count} ${lang === "en" && count === 1 ? word.replace(/s$/, "") : word}`;
}

function severityCounts(summary: Record<Severity, number>, lang: Lang): string {
  return `<span class="error">${countOf(summary.error, "errors", lang)}</span><span class="warning">${countOf(summary.warning, "warnings", lang)}</span><span class="info">${countOf(summary.info, "infos", lang)}</span>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const styles = `
:root { --error: #b42318; --warning: #b54708; --info: #175cd3; --line: #d0d5dd; --muted: #475467; }
* { box-sizing: border-box; }
body { font: 14px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; color: #101828; margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); } h3 { font-size: 15px; margin: 20px 0 6px; }
.muted { color: var(--muted); }
.counts span { display: inline-block; margin-right: 16px; font-weight: 600; }
.counts .error { color: var(--error); } .counts .warning { color: var(--warning); } .counts .info { color: var(--info); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.computed { color: var(--muted); }
.finding { outline: 2px solid currentColor; outline-offset: -2px; }
.finding-error { background: #fee4e2; color: var(--error); } .finding-warning { background: #fef0c7; color: var(--warning); } .finding-info { background: #d1e9ff; color: var(--info); }
.finding a { color: inherit; font-weight: 700; text-decoration: none; margin-left: 4px; }
ol.findings li { margin-bottom: 6px; } ol.findings .rule { font-family: ui-monospace, monospace; color: var(--muted); }
.badge { display: inline-block; border-radius: 3px; padding: 0 5px; color: #fff; font-size: 12px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.depth-1 td:nth-child(2) { padding-left: 20px; } .depth-2 td:nth-child(2) { padding-left: 36px; } .depth-3 td:nth-child(2) { padding-left: 52px; }
svg text { font-size: 12px; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--line); color: var(--muted); }
@media print { body { max-width: none; padding: 0; font-size: 11px; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`;

/** One file's figures and findings, with the anchors that link them. */
class Page {
  readonly byPath = new Map<string, { finding: Finding; index: number }[]>();
  /** The paths of the figures rendered so far, so that the findings list links only to those. */
  readonly rendered = new Set<string>();
  constructor(
    readonly fileIndex: number,
    readonly findings: readonly Finding[],
    readonly first: number,
    readonly text: Words,
  ) {
    findings.forEach((finding, offset) => this.byPath.set(finding.path, [...(this.byPath.get(finding.path) ?? []), { finding, index: first + offset }]));
  }
  anchor(path: string): string {
    return `f${this.fileIndex}${path.replace(/[^A-Za-z0-9]/g, "_")}`;
  }
  /** A figure as printed, or an empty cell where `missing` would stand (findings can point there). */
  figure(figure: FigureView | undefined, missing: string): string {
    return this.cell(figure?.path ?? missing, escapeHtml(figure?.text ?? ""), "number");
  }
  /** A cell for one figure: highlighted, titled and linked when a finding is about it. */
  cell(path: string, content: string, className = ""): string {
    this.rendered.add(path);
    const marks = this.byPath.get(path) ?? [];
    const worst = marks.map(({ finding }) => finding.severity).sort((a, b) => rank[a] - rank[b])[0];
    const classes = [className, worst ? `finding finding-${worst}` : ""].filter(Boolean).join(" ");
    const title = marks.map(({ finding }) => finding.message).join("\n");
    const links = marks.map(({ index }) => `<a href="#finding-${index}">[${index}]</a>`).join("");
    return `<td id="${this.anchor(path)}" data-path="${escapeHtml(path)}"${classes ? ` class="${classes}"` : ""}${title ? ` title="${escapeHtml(title)}"` : ""}>${content}${links}</td>`;
  }
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const figureKeys = ["amount", "prior", "change", "growth", "share"] as const;

/** A figure's cell: as printed, or empty where the row states none (findings can still point there). */
function figureCell(page: Page, row: RowView, key: (typeof figureKeys)[number]): string {
  const figure = row.figures[key];
  return page.figure(figure, childPointer(row.path, key));
}

/** What the check computed for a figure: the expected value of the findings about it, if any. */
function computedCell(page: Page, row: RowView): string {
  const path = row.figures.amount?.path ?? childPointer(row.path, "amount");
  const expected = (page.byPath.get(path) ?? []).map(({ finding }) => finding.expected).find((value) => value !== undefined);
  return `<td class="number computed">${escapeHtml(expected ?? "")}</td>`;
}

function rowHtml(page: Page, row: RowView, years: readonly string[]): string {
  const cells = [
    page.cell(childPointer(row.path, "code"), escapeHtml(row.code ?? "")),
    page.cell(childPointer(row.path, "name"), escapeHtml(row.name)),
    figureCell(page, row, "amount"),
    computedCell(page, row),
    ...figureKeys.slice(1).map((key) => figureCell(page, row, key)),
    ...years.map((year) => page.figure(row.history[year], childPointer(childPointer(row.path, "history"), year))),
  ];
  return `<tr class="depth-${Math.min(row.depth, 3)}">${cells.join("")}</tr>`;
}

const yearsOf = (records: readonly Record<string, unknown>[]) => [...new Set(records.flatMap((record) => Object.keys(record)))].sort();

function tableHtml(page: Page, table: TableView): string {
  const text = page.text;
  const years = yearsOf(table.rows.map((row) => row.history));
  const head = [text.code, text.name, text.stated, text.computed, text.prior, text.change, text.growth, text.share, ...years];
  const parts: string[] = [`<h3 id="${page.anchor(table.path)}">${escapeHtml(table.id)} ${escapeHtml(table.title)}</h3>`];
  if (table.empty !== undefined) parts.push(`<p class="muted">${text.empty}: ${escapeHtml(table.empty)}</p>`);
  if (table.rows.length > 0) {
    const body = table.rows.map((row) => rowHtml(page, row, years));
    parts.push(`<table><thead><tr>${head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join("")}</tr></thead><tbody>${body.join("")}</tbody></table>`);
    if (table.columns.length > 1) {
      const columnRows = table.rows.map(
        (row) =>
          `<tr><td>${escapeHtml(`${row.code ?? ""} ${row.name}`.trim())}</td>${table.columns
            .map((column) => page.figure(row.columns[column.id], childPointer(childPointer(row.path, "amount"), column.id)))
            .join("")}</tr>`,
      );
      parts.push(
        `<table><thead><tr><th></th>${table.columns.map((column) => `<th>${escapeHtml(column.name)}</th>`).join("")}</tr></thead><tbody>${columnRows.join("")}</tbody></table>`,
      );
    }
  }
  if (table.projects.length > 0) {
    const projectYears = yearsOf(table.projects.map((project) => project.history));
    const projectRows = table.projects.map((project) => {
      const cells = [
        page.cell(childPointer(project.path, "name"), escapeHtml(project.name)),
        page.figure(project.budget, childPointer(project.path, "budget")),
        page.figure(project.amount, childPointer(project.path, "amount")),
        ...projectYears.map((year) => page.figure(project.history[year], childPointer(childPointer(project.path, "history"), year))),
      ];
      return `<tr>${cells.join("")}</tr>`;
    });
    parts.push(
      `<table><thead><tr><th>${text.projects}</th><th>${text.budget}</th><th>${text.stated}</th>${projectYears.map((year) => `<th>${year}</th>`).join("")}</tr></thead><tbody>${projectRows.join("")}</tbody></table>`,
    );
  }
  const indicators = table.indicators.filter((indicator) => Object.keys(indicator.values).length > 0);
  if (indicators.length > 0) {
    const indicatorYears = yearsOf(indicators.map((indicator) => indicator.values));
    const indicatorRows = indicators.map(
      (indicator) =>
        `<tr><td>${escapeHtml(indicator.name)}</td>${indicatorYears.map((year) => page.figure(indicator.values[year], childPointer(childPointer(indicator.path, "values"), year))).join("")}</tr>`,
    );
    parts.push(
      `<table><thead><tr><th>${text.indicators}</th>${indicatorYears.map((year) => `<th>${year}</th>`).join("")}</tr></thead><tbody>${indicatorRows.join("")}</tbody></table>`,
    );
  }
  return parts.join("\n");
}

/** A bar for each part of the expenditure: the function classes of the general budget, or the first table with lines. */
function chartHtml(view: DeclarationView, text: Words): string {
  const topLines = (table: TableView) => table.rows.filter((row) => row.kind === "line" && row.depth === 0);
  const table =
    view.tables.find((candidate) => candidate.kind === "general-by-function" && topLines(candidate).length > 0) ??
    view.tables.find((candidate) => topLines(candidate).length > 1 && topLines(candidate).every((row) => row.figures.amount));
  if (!table) return "";
  const parts = topLines(table).flatMap((row) =>
    row.figures.amount && !row.figures.amount.text.startsWith("-") ? [{ name: row.name, amount: new Exact(row.figures.amount.text) }] : [],
  );
  const total = parts.reduce((sum, part) => sum.plus(part.amount), new Exact(0));
  if (parts.length === 0 || total.isZero()) return "";
  const barWidth = 420;
  const rowHeight = 26;
  const bars = parts.map((part, index) => {
    const share = part.amount.div(total);
    // A pixel width, not money: the one place a Decimal becomes a JS number.
    const width = share.times(barWidth).toDecimalPlaces(1).toNumber();
    const y = index * rowHeight;
    return `<text x="0" y="${y + 16}">${escapeHtml(part.name)}</text><rect x="220" y="${y + 4}" width="${width}" height="16" fill="#2e90fa"/><text x="${226 + width}" y="${y + 16}">${escapeHtml(part.amount.toString())}（${share.times(100).toDecimalPlaces(2).toString()}%）</text>`;
  });
  return `<figure><figcaption>${text.chart}（${escapeHtml(table.id)} ${escapeHtml(table.title)}）</figcaption><svg role="img" width="820" height="${parts.length * rowHeight + 8}" viewBox="0 0 820 ${parts.length * rowHeight + 8}">${bars.join("")}</svg></figure>`;
}

function statementsHtml(page: Page, view: DeclarationView): string {
  if (view.statements.length === 0) return "";
  const text = page.text;
  const blocks = view.statements.map((statement) => {
    const rows = statement.figures.map(
      (row) =>
        `<tr>${page.cell(childPointer(row.path, "restates"), escapeHtml(row.restates))}${figureKeys.map((key) => figureCell(page, row, key)).join("")}</tr>`,
    );
    return `<blockquote>${escapeHtml(statement.text)}</blockquote><table><thead><tr><th></th><th>${text.stated}</th><th>${text.prior}</th><th>${text.change}</th><th>${text.growth}</th><th>${text.share}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  });
  return [`<h2>${text.statements}</h2>`, ...blocks].join("\n");
}

function fileHtml(file: Report["files"][number], fileIndex: number, first: number, lang: Lang): string {
  const text = words[lang];
  const page = new Page(fileIndex, file.findings, first, text);
  const { view } = file;
  const heading = view?.department
    ? `${escapeHtml(view.department)}${view.year ? ` ${view.year}` : ""} <span class="muted">${escapeHtml(file.file)}</span>`
    : escapeHtml(file.file);
  const sections = view
    ? [chartHtml(view, text), `<h2>${text.tables}</h2>`, ...view.tables.map((table) => tableHtml(page, table)), statementsHtml(page, view)]
    : [];
  const list =
    file.findings.length === 0
      ? `<p>${text.none}</p>`
      : `<ol class="findings" start="${first}">${file.findings
          .map((finding, offset) => {
            const index = first + offset;
            const target = page.rendered.has(finding.path) ? `#${page.anchor(finding.path)}` : undefined;
            const where = position(finding);
            const suggested = suggestion(finding, lang);
            return `<li id="finding-${index}"><span class="badge ${finding.severity}">${severityWords[lang][finding.severity]}</span> ${target ? `<a href="${target}">${where}</a>` : where} ${escapeHtml(finding.message)}${suggested ? ` <strong>${escapeHtml(suggested)}</strong>` : ""} <span class="rule">${escapeHtml(finding.rule)}</span></li>`;
          })
          .join("")}</ol>`;
  return `<section><h2>${heading}</h2><p class="counts">${severityCounts(file.summary, lang)}</p>${file.config === null ? "" : `<p class="config">${configWord[lang]}${escapeHtml(file.config)}</p>`}<h3>${text.findings}</h3>${list}${sections.join("\n")}</section>`;
}

/** One self-contained HTML page: no script, no network; prints cleanly. */
export function formatHtml(report: Report, { lang, version }: FormatContext): string {
  const text = words[lang];
  let first = 1;
  const files = report.files.map((file, index) => {
    const html = fileHtml(file, index, first, lang);
    first += file.findings.length;
    return html;
  });
  return `<!DOCTYPE html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${text.title}</title>
<style>${styles}</style>
</head>
<body>
<h1>${text.title}</h1>
<p class="counts"><span>${countOf(report.files.length, "files", lang)}</span>${severityCounts(report.summary, lang)}</p>
${files.join("\n")}
<p class="muted">${text.generated} ${escapeHtml(version)}</p>
</body>
</html>
`;
}
