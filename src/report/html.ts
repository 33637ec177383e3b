import { parseDocument } from "yaml";
import type { Finding, Lang, Severity } from "../finding.js";
import { childPointer } from "../load/json-pointer.js";
import { mapValue, scalarText } from "../load/yaml-tree.js";
import { buildDeclaration } from "../model/build.js";
import { type Declaration, type Line, type Row, type Table } from "../model/declaration.js";
import { Exact, type Amount } from "../model/figure.js";
import type { FormatContext } from "./formatter.js";
import type { Report } from "./report.js";
import { configWord, severityWords, suggestion } from "./vocabulary.js";

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

function figure(amount: Amount | undefined): string {
  return amount ? escapeHtml(amount.value.toString()) : "";
}

function computedSum(row: Row, parts: readonly Row[]): string {
  if (parts.length === 0 || !row.amount || !parts.every((part) => part.amount)) return "";
  const sum = parts.reduce((total, part) => total.plus(part.amount?.value ?? 0), new Exact(0));
  return escapeHtml(sum.toString());
}

function rowHtml(page: Page, row: Row, name: string, code: string | undefined, parts: readonly Row[], depth: number, years: number[]): string {
  const cells = [
    page.cell(childPointer(row.path, "code"), escapeHtml(code ?? "")),
    page.cell(childPointer(row.path, "name"), escapeHtml(name)),
    page.cell(row.amount?.path ?? childPointer(row.path, "amount"), figure(row.amount), "number"),
    `<td class="number computed">${computedSum(row, parts)}</td>`,
    page.cell(childPointer(row.path, "prior"), figure(row.prior), "number"),
    page.cell(childPointer(row.path, "change"), figure(row.change), "number"),
    page.cell(childPointer(row.path, "growth"), row.growth ? `${escapeHtml(row.growth.value.toString())}%` : "", "number"),
    page.cell(childPointer(row.path, "share"), row.share ? `${escapeHtml(row.share.value.toString())}%` : "", "number"),
    ...years.map((year) => page.cell(childPointer(childPointer(row.path, "history"), year), figure(row.history.get(year)), "number")),
  ];
  return `<tr class="depth-${Math.min(depth, 3)}">${cells.join("")}</tr>`;
}

function columnCells(page: Page, table: Table, row: Row): string {
  return table.columns
    .map((column) => page.cell(childPointer(childPointer(row.path, "amount"), column.id), figure(row.columns.get(column.id)), "number"))
    .join("");
}

function tableHtml(page: Page, table: Table, tableNode: unknown, doc: ReturnType<typeof parseDocument>): string {
  const text = page.text;
  const rows = [...(table.total ? [table.total] : []), ...table.allLines];
  const years = [...new Set(rows.flatMap((row) => [...row.history.keys()]))].sort();
  const head = [text.code, text.name, text.stated, text.computed, text.prior, text.change, text.growth, text.share, ...years.map(String)];
  const parts: string[] = [`<h3 id="${page.anchor(table.path)}">${escapeHtml(table.id)} ${escapeHtml(table.title)}</h3>`];
  if (table.empty !== undefined) parts.push(`<p class="muted">${text.empty}: ${escapeHtml(table.empty)}</p>`);
  if (rows.length > 0) {
    const body = [
      ...(table.total
        ? [rowHtml(page, table.total, scalarText(mapValue(doc, mapValue(doc, tableNode, "total"), "name")) ?? "合计", undefined, table.lines, 0, years)]
        : []),
      ...table.allLines.map((line: Line) => rowHtml(page, line, line.name, line.code, line.lines, depthOf(line), years)),
    ];
    parts.push(`<table><thead><tr>${head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join("")}</tr></thead><tbody>${body.join("")}</tbody></table>`);
    if (table.columns.length > 1) {
      const columnRows = rows.map(
        (row) => `<tr><td>${escapeHtml(row.kind === "line" ? `${row.code ?? ""} ${row.name}` : "合计")}</td>${columnCells(page, table, row)}</tr>`,
      );
      parts.push(
        `<table><thead><tr><th></th>${table.columns.map((column) => `<th>${escapeHtml(column.name)}</th>`).join("")}</tr></thead><tbody>${columnRows.join("")}</tbody></table>`,
      );
    }
  }
  if (table.projects.length > 0) {
    const projectYears = [...new Set(table.projects.flatMap((project) => [...project.history.keys()]))].sort();
    const projectRows = table.projects.map((project) => {
      const cells = [
        page.cell(childPointer(project.path, "name"), escapeHtml(project.name)),
        page.cell(childPointer(project.path, "budget"), figure(project.budget), "number"),
        page.cell(childPointer(project.path, "amount"), figure(project.amount), "number"),
        ...projectYears.map((year) => page.cell(childPointer(childPointer(project.path, "history"), year), figure(project.history.get(year)), "number")),
      ];
      return `<tr>${cells.join("")}</tr>`;
    });
    parts.push(
      `<table><thead><tr><th>${text.projects}</th><th>${text.budget}</th><th>${text.stated}</th>${projectYears.map((year) => `<th>${year}</th>`).join("")}</tr></thead><tbody>${projectRows.join("")}</tbody></table>`,
    );
  }
  if (table.indicators.length > 0) {
    const indicatorYears = [...new Set(table.indicators.flatMap((indicator) => [...indicator.values.keys()]))].sort();
    const indicatorRows = table.indicators
      .filter((indicator) => indicator.values.size > 0)
      .map(
        (indicator) =>
          `<tr><td>${escapeHtml(indicator.group ? `${indicator.group} / ${indicator.name}` : indicator.name)}</td>${indicatorYears.map((year) => page.cell(childPointer(childPointer(indicator.path, "values"), year), escapeHtml(indicator.values.get(year)?.text ?? ""), "number")).join("")}</tr>`,
      );
    if (indicatorRows.length > 0)
      parts.push(
        `<table><thead><tr><th>${text.indicators}</th>${indicatorYears.map((year) => `<th>${year}</th>`).join("")}</tr></thead><tbody>${indicatorRows.join("")}</tbody></table>`,
      );
  }
  return parts.join("\n");
}

function depthOf(line: Line): number {
  let depth = 0;
  for (let parent = line.parent; parent; parent = parent.parent) depth += 1;
  return depth;
}

/** A bar for each part of the expenditure: the function classes of the general budget, or the first table with lines. */
function chartHtml(declaration: Declaration, text: Words): string {
  const table =
    declaration.tables.find((candidate) => candidate.kind === "general-by-function" && candidate.lines.length > 0) ??
    declaration.tables.find((candidate) => candidate.lines.length > 1 && candidate.lines.every((line) => line.amount));
  if (!table) return "";
  const parts = table.lines.filter((line) => line.amount && !line.amount.value.isNegative());
  const total = parts.reduce((sum, line) => sum.plus(line.amount?.value ?? 0), new Exact(0));
  if (parts.length === 0 || total.isZero()) return "";
  const barWidth = 420;
  const rowHeight = 26;
  const bars = parts.map((line, index) => {
    const share = (line.amount?.value ?? new Exact(0)).div(total);
    // A pixel width, not money: the one place a Decimal becomes a JS number.
    const width = share.times(barWidth).toDecimalPlaces(1).toNumber();
    const y = index * rowHeight;
    return `<text x="0" y="${y + 16}">${escapeHtml(line.name)}</text><rect x="220" y="${y + 4}" width="${width}" height="16" fill="#2e90fa"/><text x="${226 + width}" y="${y + 16}">${escapeHtml(line.amount?.value.toString() ?? "")}（${share.times(100).toDecimalPlaces(2).toString()}%）</text>`;
  });
  return `<figure><figcaption>${text.chart}（${escapeHtml(table.id)} ${escapeHtml(table.title)}）</figcaption><svg role="img" width="820" height="${parts.length * rowHeight + 8}" viewBox="0 0 820 ${parts.length * rowHeight + 8}">${bars.join("")}</svg></figure>`;
}

function fileHtml(file: Report["files"][number], source: string | undefined, fileIndex: number, first: number, lang: Lang): string {
  const text = words[lang];
  const page = new Page(fileIndex, file.findings, first, text);
  const sections: string[] = [];
  let heading = escapeHtml(file.file);
  if (source !== undefined) {
    try {
      const doc = parseDocument(source.replace(/\r\n?/g, "\n"));
      const department = mapValue(doc, doc.contents, "department");
      const name = scalarText(mapValue(doc, department, "name"));
      const year = scalarText(mapValue(doc, department, "year"));
      if (name) heading = `${escapeHtml(name)}${year ? ` ${escapeHtml(year)}` : ""} <span class="muted">${escapeHtml(file.file)}</span>`;
      if (doc.errors.length === 0) {
        const { declaration } = buildDeclaration(doc);
        const tablesNode = mapValue(doc, doc.contents, "tables");
        sections.push(chartHtml(declaration, text));
        sections.push(`<h2>${text.tables}</h2>`);
        declaration.tables.forEach((table, index) =>
          sections.push(tableHtml(page, table, (tablesNode as { items?: unknown[] } | undefined)?.items?.[index], doc)),
        );
        if (declaration.statements.length > 0) {
          sections.push(`<h2>${text.statements}</h2>`);
          for (const statement of declaration.statements) {
            const rows = statement.figures.map((stated) => {
              const cells = (["amount", "prior", "change", "growth", "share"] as const).map((key) => {
                const value = stated[key];
                return page.cell(
                  childPointer(stated.path, key),
                  value ? `${escapeHtml(value.value.toString())}${key === "growth" || key === "share" ? "%" : ""}` : "",
                  "number",
                );
              });
              return `<tr>${page.cell(childPointer(stated.path, "restates"), escapeHtml(stated.restates.text))}${cells.join("")}</tr>`;
            });
            sections.push(
              `<blockquote>${escapeHtml(statement.text)}</blockquote><table><thead><tr><th></th><th>${text.stated}</th><th>${text.prior}</th><th>${text.change}</th><th>${text.growth}</th><th>${text.share}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
            );
          }
        }
      }
    } catch {
      // A file that cannot be modelled is still listed with its findings.
    }
  }
  const list =
    file.findings.length === 0
      ? `<p>${text.none}</p>`
      : `<ol class="findings" start="${first}">${file.findings
          .map((finding, offset) => {
            const index = first + offset;
            const target = page.rendered.has(finding.path) ? `#${page.anchor(finding.path)}` : undefined;
            const where = `${finding.line}:${finding.column}`;
            const suggested = suggestion(finding, lang);
            return `<li id="finding-${index}"><span class="badge ${finding.severity}">${severityWords[lang][finding.severity]}</span> ${target ? `<a href="${target}">${where}</a>` : where} ${escapeHtml(finding.message)}${suggested ? ` <strong>${escapeHtml(suggested)}</strong>` : ""} <span class="rule">${escapeHtml(finding.rule)}</span></li>`;
          })
          .join("")}</ol>`;
  return `<section><h2>${heading}</h2><p class="counts">${severityCounts(file.summary, lang)}</p>${file.config === null ? "" : `<p class="config">${configWord[lang]}${escapeHtml(file.config)}</p>`}<h3>${text.findings}</h3>${list}${sections.join("\n")}</section>`;
}

/** One self-contained HTML page: no script, no network; prints cleanly. */
export function formatHtml(report: Report, { lang, sources, version }: FormatContext): string {
  const text = words[lang];
  let first = 1;
  const files = report.files.map((file, index) => {
    const html = fileHtml(file, sources.get(file.file), index, first, lang);
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
