// Generates department declarations of realistic shape, consistent by construction, for the benchmark.
// A seeded generator, so that every run measures the same files.
import { Decimal } from "decimal.js";

export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 3-digit codes outside the official list, so that names raise no warnings; 4 digits past 999. */
const classCode = (index) => String(600 + index);
const money = (cents) => new Decimal(cents).div(100).toFixed(2);
const percent = (part, whole, decimals) => `${new Decimal(part).div(whole).times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals)}%`;

/** A declaration of about `targetLines` lines: the bulk in 表5-1's 项, the rest in the standard tables. */
export function declaration(targetLines, seed) {
  const next = random(seed);
  const between = (low, high) => low + Math.floor(next() * (high - low + 1));
  const out = [];
  const push = (line) => out.push(line);
  push("# yaml-language-server: $schema=../schemas/budget.schema.json");
  push("version: 1");
  push(`department: { name: 基准部门${seed}, year: 2025 }`);
  push("unit: 万元");
  push("precision: 2");
  push("ratioBasis: printed");
  push("tables:");

  // 表5-1: 类 → 款 → 项, each 项 on 6 lines with its change, growth and reason.
  // Each 项 takes 6 lines, and each 款 and 类 a few more: about 6.3 lines a 项 in all.
  const items = Math.max(3, Math.floor((targetLines - 130) / 6.3));
  const classes = [];
  let made = 0;
  for (let c = 0; made < items; c += 1) {
    const sections = [];
    const sectionCount = between(1, 9);
    for (let s = 0; s < sectionCount && made < items; s += 1) {
      const entries = [];
      const itemCount = between(2, 40);
      for (let i = 0; i < itemCount && made < items; i += 1, made += 1) {
        const cents = between(1_000, 5_000_000);
        const change = between(-Math.floor(cents / 3), Math.floor(cents / 2));
        entries.push({ code: `${classCode(c)}${String(s + 1).padStart(2, "0")}${String(i + 1).padStart(2, "0")}`, cents, change, decimals: between(0, 2) });
      }
      sections.push({ code: `${classCode(c)}${String(s + 1).padStart(2, "0")}`, entries, cents: entries.reduce((sum, entry) => sum + entry.cents, 0) });
    }
    classes.push({ code: classCode(c), sections, cents: sections.reduce((sum, section) => sum + section.cents, 0) });
  }
  const total = classes.reduce((sum, entry) => sum + entry.cents, 0);
  push("  - id: t5-1");
  push('    no: "5-1"');
  push("    title: 一般公共预算支出表（分功能科目）");
  push("    kind: general-by-function");
  push(`    total: { amount: ${money(total)} }`);
  push("    lines:");
  for (const entry of classes) {
    push(`      - code: "${entry.code}"`);
    push(`        name: 类${entry.code}`);
    push(`        amount: ${money(entry.cents)}`);
    push(`        share: ${percent(entry.cents, total, 2)}`);
    push("        lines:");
    for (const section of entry.sections) {
      push(`          - code: "${section.code}"`);
      push(`            name: 款${section.code}`);
      push(`            amount: ${money(section.cents)}`);
      push("            lines:");
      for (const item of section.entries) {
        push(`              - code: "${item.code}"`);
        push(`                name: 项${item.code}`);
        push(`                amount: ${money(item.cents)}`);
        push(`                change: ${money(item.change)}`);
        push(`                growth: ${percent(item.change, item.cents - item.change, item.decimals)}`);
        push("                reason: 人员异动");
      }
    }
  }

  // 表1 and 表4: two sides, the 类 as on 表5-1.
  for (const [id, kind, title] of [
    ["t1", "summary", "部门收支总表"],
    ["t4", "appropriation", "财政拨款收支总表"],
  ]) {
    push(`  - id: ${id}`);
    push(`    title: ${title}`);
    push(`    kind: ${kind}`);
    push("    lines:");
    push(`      - { id: income, name: 收入总计, amount: ${money(total)}, lines: [{ name: 一般公共预算财政拨款收入, amount: ${money(total)} }] }`);
    push(`      - id: expenditure`);
    push("        name: 支出总计");
    push(`        amount: ${money(total)}`);
    push("        lines:");
    for (const entry of classes) push(`          - { code: "${entry.code}", name: 类${entry.code}, amount: ${money(entry.cents)} }`);
  }

  // 表6 with columns, 表7, the empty 表8 and 表9, 表10 with projects.
  const personnel = Math.floor(total * 0.4);
  const publicCosts = Math.floor(total * 0.1);
  push("  - id: t6");
  push("    title: 一般公共预算基本支出表");
  push("    kind: general-basic");
  push("    columns: [{ id: total, name: 合计, sum: [personnel, public] }, { id: personnel, name: 人员经费 }, { id: public, name: 公用经费 }]");
  push(`    total: { amount: { total: ${money(personnel + publicCosts)}, personnel: ${money(personnel)}, public: ${money(publicCosts)} } }`);
  push("    lines:");
  push(`      - { code: "301", name: 工资福利支出, amount: { total: ${money(personnel)}, personnel: ${money(personnel)} } }`);
  push(`      - { code: "302", name: 商品和服务支出, amount: { total: ${money(publicCosts)}, public: ${money(publicCosts)} } }`);
  push("  - id: t7");
  push("    title: 一般公共预算“三公”经费支出表");
  push("    kind: three-public");
  push("    total: { amount: 0.45, change: 0.06, growth: 15.38%, reason: 人员增加 }");
  push("    lines:");
  push("      - { name: 因公出国（境）费, amount: 0, change: 0 }");
  push("      - { name: 公务用车购置及运行维护费, amount: 0, change: 0 }");
  push("      - { name: 公务接待费, amount: 0.45, change: 0.06, growth: 15.38%, reason: 人员增加 }");
  for (const [id, kind, title] of [
    ["t8", "government-fund", "政府性基金预算支出表"],
    ["t9", "state-capital", "国有资本经营预算支出表"],
  ]) {
    push(`  - { id: ${id}, title: ${title}, kind: ${kind}, empty: { reason: 没有数据。 } }`);
  }
  const projects = Array.from({ length: between(2, 8) }, (_, index) => ({ id: `p${index}`, cents: between(10_000, 500_000) }));
  push("  - id: t10");
  push("    title: 项目支出表");
  push("    kind: projects");
  push(`    total: { amount: ${money(projects.reduce((sum, project) => sum + project.cents, 0))} }`);
  push("    projects:");
  for (const project of projects)
    push(
      `      - { id: ${project.id}, name: 项目${project.id}, amount: ${money(project.cents)}, funding: [{ source: 一般公共预算财政拨款, amount: ${money(project.cents)} }] }`,
    );

  // The narrative restates the total and a few 项.
  push("statements:");
  push(`  - text: 2025 年一般公共预算拨款 ${money(total)} 万元。`);
  push(`    figures: [{ restates: t5-1, amount: ${money(total)} }]`);
  for (const entry of classes.slice(0, 5)) {
    const item = entry.sections[0].entries[0];
    const word = item.change < 0 ? "减少" : "增加";
    const growth = percent(item.change, item.cents - item.change, item.decimals);
    push(
      `  - text: 项${item.code} 2025 年预算数 ${money(item.cents)} 万元，比 2024 年预算${word} ${money(Math.abs(item.change))} 万元，${item.change < 0 ? "下降" : "增长"} ${growth.replace("-", "")}。`,
    );
    push(`    figures: [{ restates: t5-1/${item.code}, amount: ${money(item.cents)}, change: ${money(item.change)}, growth: ${growth} }]`);
  }
  return `${out.join("\n")}\n`;
}
