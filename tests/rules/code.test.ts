import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

const lines = (...entries: string[]) => `
  tables:
    - id: t
      title: 一般公共预算支出表
      lines:
${entries.map((entry) => `        ${entry}`).join("\n")}
`;

/** A narrative sentence that names a 类/款/项 by its names alone. */
const said = (name: string) => `
  statements:
    - text: ${name}2025 年预算数 308.86 万元。
      figures:
        - { name: ${name}, amount: 308.86 }
`;

describe("code", () => {
  testRule("code", {
    valid: [
      {
        name: "an economic code under both 基本支出 and 项目支出 (two branches)",
        body: lines(
          "- name: 基本支出",
          '  lines: [{ code: "301", name: 工资福利支出 }, { code: "302", name: 商品和服务支出 }]',
          "- name: 项目支出",
          '  lines: [{ code: "302", name: 商品和服务支出 }]',
        ),
      },
      {
        name: "类 / 款 / 项 with their official names",
        body: lines(
          '- code: "201"',
          "  name: 一般公共服务支出",
          "  lines:",
          '    - code: "20103"',
          "      name: 政府办公厅（室）及相关机构事务",
          "      lines:",
          '        - { code: "2010350", name: 事业运行 }',
        ),
      },
      { name: "half-width brackets are the same name", body: lines('- { code: "20103", name: 政府办公厅(室)及相关机构事务 }') },
      { name: "an unknown code may have any name", body: lines('- { code: "2069999", name: 其他科学技术支出 }') },
      { name: "economic classification codes", body: lines('- { code: "301", name: 工资福利支出 }', '- { code: "30227", name: 委托业务费 }') },
      { name: "a code written as a YAML number", body: lines("- { code: 201, name: 一般公共服务支出 }") },
      { name: "a narrative's 类/款/项 path with the official names", body: said("一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)事业运行(项)") },
      { name: "a path whose 款 no official name matches: the walk stops, nothing guessed", body: said("一般公共服务支出(类)办公厅事务(款)其他支出(项)") },
      { name: "a path whose 类 is not known", body: said("某某支出(类)政府办公厅及相关机构事务(款)") },
      { name: "a name that is no path (no (类)/(款)/(项))", body: said("政府办公厅及相关机构事务") },
      { name: "levels out of order are no path", body: said("政府办公厅及相关机构事务(款)一般公共服务支出(类)") },
    ],
    invalid: [
      { name: "a code of 4 digits", body: lines('- { code: "2010", name: 甲 }'), findings: [{ messageId: "length", line: 9 }] },
      {
        name: "a child's code that does not begin with its parent's",
        body: lines('- code: "201"', "  name: 一般公共服务支出", "  lines:", '    - { code: "2080505", name: 机关事业单位基本养老保险缴费支出 }'),
        findings: [{ messageId: "not-under-parent", line: 12 }],
      },
      {
        name: "a child's code no longer than its parent's",
        body: lines('- code: "201"', "  name: 一般公共服务支出", "  lines:", '    - { code: "208", name: 社会保障和就业支出 }'),
        findings: [{ messageId: "not-deeper", line: 12 }],
      },
      {
        name: "a code twice in one branch",
        body: lines("- name: 项目支出", '  lines: [{ code: "302", name: 商品和服务支出 }, { code: "302", name: 商品和服务支出 }]'),
        findings: [{ messageId: "duplicate", line: 10 }],
      },
      {
        name: "a code twice in one table",
        body: lines('- { code: "2010350", name: 事业运行 }', '- { code: "2010350", name: 事业运行 }'),
        findings: [{ messageId: "duplicate", line: 10 }],
      },
      {
        name: "a name other than the official one is a warning",
        body: lines('- { code: "20103", name: 政府办公厅及相关机构事务 }'),
        findings: [{ messageId: "name", line: 9, severity: "warning" }],
      },
      {
        name: "a narrative's path whose 款 drops （室）: the 款's official name, and the 项's below it",
        body: said("一般公共服务支出(类)政府办公厅及相关机构事务(款)其他政府办公厅及相关机构事务支出(项)"),
        findings: [
          { messageId: "name", line: 8, severity: "warning" },
          { messageId: "name", line: 8, severity: "warning" },
        ],
      },
      {
        name: "the same drift in a table's line and a narrative's path: one slip, reported once",
        body: `${lines('- { code: "20103", name: 政府办公厅及相关机构事务 }')}${said("一般公共服务支出(类)政府办公厅及相关机构事务(款)事业运行(项)")}`,
        findings: [{ messageId: "name", line: 9, severity: "warning" }],
      },
    ],
  });
});
