import { childPointer } from "../load/json-pointer.js";
import type { Line } from "../model/declaration.js";
import { nameKey } from "../model/name.js";
import { officialNames } from "./classification-codes.js";
import { declarationExample, defineRule, type Messages } from "./rule.js";

const levels: Record<number, { zh: string; en: string }> = {
  3: { zh: "类", en: "类 (class)" },
  5: { zh: "款", en: "款 (section)" },
  7: { zh: "项", en: "项 (item)" },
};

const messages = {
  length: {
    text: { zh: "科目编码「{code}」应为 3、5 或 7 位数字（类、款、项）", en: "The code “{code}” should have 3, 5 or 7 digits (类, 款, 项)" },
  },
  "not-under-parent": {
    text: { zh: "科目编码「{code}」不以上级编码「{parent}」开头", en: "The code “{code}” does not begin with its parent's code “{parent}”" },
  },
  "not-deeper": {
    text: {
      zh: "{level}编码「{code}」不应在「{parent}」之下：下级编码应更长",
      en: "The {level} code “{code}” cannot be under “{parent}”: a child's code is longer",
    },
  },
  duplicate: {
    text: { zh: "科目编码「{code}」在表 {table} 的同一分支中出现了两次", en: "The code “{code}” appears twice in one branch of table {table}" },
  },
  name: {
    severity: "warning",
    text: {
      zh: "科目编码「{code}」的官方名称是「{official}」，这里写作「{name}」",
      en: "The official name of code “{code}” is “{official}”; here it is “{name}”",
    },
  },
} satisfies Messages;

/** A name as print lets it drift: without the words in brackets (政府办公厅（室）…) or the brackets' width. */
const looseKey = (name: string) => nameKey(name).replace(/\([^)]*\)/g, "");

/** The 类, 款 and 项 a narrative's name walks down (一般公共服务支出(类)…(款)事业运行(项)), each with its printed name. */
function classPath(name: string): { level: number; name: string }[] {
  const steps = [...nameKey(name).matchAll(/(.+?)\((类|款|项)\)/g)].map((match) => ({
    level: { 类: 3, 款: 5, 项: 7 }[match[2] as "类"] ?? 0,
    name: match[1] ?? "",
  }));
  return steps.every((step, index) => step.level === 3 + 2 * index) ? steps : [];
}

/**
 * The codes a 类/款/项 path names, level by level: a level is the one code under the level above whose
 * official name it prints, but for words in brackets (its drift, reported); where none or two, the walk stops.
 */
function codesAlong(name: string, official: ReadonlyMap<string, string>): { code: string; official: string; name: string }[] {
  const found: { code: string; official: string; name: string }[] = [];
  for (const step of classPath(name)) {
    const parent = found.at(-1)?.code ?? "";
    const codes = [...official].filter(([code, words]) => code.length === step.level && code.startsWith(parent) && looseKey(words) === looseKey(step.name));
    const only = codes.length === 1 ? codes[0] : undefined;
    if (!only) break;
    found.push({ code: only[0], official: only[1], name: step.name });
  }
  return found;
}

function branchOf(line: Line): string {
  let parent = line.parent;
  while (parent && parent.code !== undefined) parent = parent.parent;
  return parent?.path ?? "";
}

export const code = defineRule({
  id: "code",
  meta: {
    name: "OfficialClassificationCode",
    description: {
      zh: "科目编码为 3/5/7 位（类/款/项）；下级编码以上级编码开头；同一表中编码不重复；已知编码的名称与官方名称一致（不一致为警告）。",
      en: "Classification codes have 3/5/7 digits (类/款/项); a child's code begins with its parent's; no code twice in one table; a known code carries its official name (a different name is a warning).",
    },
    defaultSeverity: "error",
    example: {
      failing: declarationExample(`
        tables:
          - id: t5-1
            title: 一般公共预算支出表
            lines:
              - code: "201"
                name: 一般公共服务支出
                lines:
                  - { code: "2080505", name: 机关事业单位基本养老保险缴费支出 }
      `),
      passing: declarationExample(`
        tables:
          - id: t5-1
            title: 一般公共预算支出表
            lines:
              - code: "201"
                name: 一般公共服务支出
                lines:
                  - { code: "2010350", name: 事业运行 }
      `),
    },
    docs: {
      zh: "政府收支分类科目：类 3 位，款 5 位，项 7 位（如 201 / 20103 / 2010350），下级编码以上级编码开头。同一编码在一张表中只能出现一次，否则合计会重复计算。已知编码（领域资料第 5 节，可在配置的 codes 中补充）的名称应与官方名称一致；公开文本常有细微差别（如少了“（室）”），所以名称不同只报警告，并给出官方名称。全角与半角括号视为相同。",
      en: "Government classification codes: 3 digits for 类, 5 for 款, 7 for 项 (201 / 20103 / 2010350), a child's code beginning with its parent's. A code appears once in a table, or its amount is counted twice. A known code (the domain guide's section 5, extendable with the config's codes) should carry its official name; published names drift (a missing （室）), so a different name is only a warning that shows the official one. Full-width and half-width brackets compare equal.",
    },
    messages,
  },
  check({ declaration, report, codeNames }) {
    // The same name given again under the same code (in 表2, 表3 and 表5-1) is one slip: reported once, where it first stands, with the others related.
    const drifts = new Map<string, { path: string; data: { code: string; official: string; name: string }; related: string[] }>();
    for (const table of declaration.tables) {
      const seen = new Map<string, string>();
      for (const line of table.allLines) {
        if (line.code === undefined) continue;
        const path = childPointer(line.path, "code");
        const { code: value } = line;
        if (!/^\d{3}(\d{2}){0,2}$/.test(value)) report({ messageId: "length", path, data: { code: value } });
        const parentCode = line.parent?.code;
        if (parentCode !== undefined) {
          if (value.length <= parentCode.length) {
            report({
              messageId: "not-deeper",
              path,
              data: { code: value, parent: parentCode, level: levels[value.length] ?? value },
              related: [childPointer(line.parent?.path ?? "", "code")],
            });
          } else if (!value.startsWith(parentCode)) {
            report({
              messageId: "not-under-parent",
              path,
              data: { code: value, parent: parentCode },
              related: [childPointer(line.parent?.path ?? "", "code")],
            });
          }
        }
        // A code may recur under different branches (302 商品和服务支出 under both 基本支出 and 项目支出):
        // a branch is the nearest line above without a code, or the table itself.
        const key = `${branchOf(line)}|${value}`;
        const earlier = seen.get(key);
        if (earlier) report({ messageId: "duplicate", path, data: { code: value, table: table.shown }, related: [earlier] });
        else seen.set(key, path);
        const official = codeNames.get(value) ?? officialNames.get(value);
        if (official !== undefined && nameKey(official) !== nameKey(line.name)) {
          const namePath = childPointer(line.path, "name");
          const drift = drifts.get(`${value}|${nameKey(line.name)}`);
          if (drift) drift.related.push(namePath);
          else drifts.set(`${value}|${nameKey(line.name)}`, { path: namePath, data: { code: value, official, name: line.name }, related: [] });
        }
      }
    }
    // The narrative names a 类/款/项 by its names alone; where its words are an official name's but for a drift, the drift is the same slip.
    const official = new Map([...officialNames, ...codeNames]);
    for (const line of declaration.tables.flatMap((table) => table.allLines)) {
      if (line.code !== undefined) continue;
      for (const step of codesAlong(line.name, official)) {
        if (nameKey(step.official) === nameKey(step.name)) continue;
        const key = `${step.code}|${nameKey(step.name)}`;
        const namePath = childPointer(line.path, "name");
        const drift = drifts.get(key);
        if (drift) drift.related.push(namePath);
        else drifts.set(key, { path: namePath, data: { code: step.code, official: step.official, name: step.name }, related: [] });
      }
    }
    for (const { path, data, related } of drifts.values()) report({ messageId: "name", path, data, ...(related.length > 0 ? { related } : {}) });
  },
});
