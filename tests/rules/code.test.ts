import { describe } from "vitest";
import { testRule } from "../rule-tester.js";

const lines = (...entries: string[]) => `
  tables:
    - id: t
      title: 一般公共预算支出表
      lines:
${entries.map((entry) => `        ${entry}`).join("\n")}
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
    ],
  });
});
