import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unreadReasons } from "../../src/rules/narrative.js";
import { testRule } from "../rule-tester.js";

const schema = JSON.parse(readFileSync(new URL("../../schemas/budget.schema.json", import.meta.url), "utf8")) as {
  properties: { unread: { items: { properties: { why: { enum: string[] } } } } };
};

describe("narrative", () => {
  testRule("narrative", {
    valid: [
      { name: "a declaration with nothing left unread", body: "excerpt: true\nstatements: []\n" },
      { name: "an empty list of what was not read", body: "excerpt: true\nunread: []\n" },
    ],
    invalid: [
      {
        name: "a sentence whose relations were not read, worded in both languages",
        body: `
          excerpt: true
          unread:
            - text: 人员经费和公用经费分别安排120万元、30万元
              why: no-relation
        `,
        findings: [
          {
            messageId: "not-read",
            line: 7,
            severity: "info",
            message: "Not read: 人员经费和公用经费分别安排120万元、30万元 (no relation between its figures was recognised",
          },
        ],
      },
      {
        name: "each entry once, at its own place, with its reason",
        body: `
          excerpt: true
          unread:
            - text: 收入较去年增加157.93万元,主要是一般公共预算拨款增加170.68万元
              why: main-changes
            - text: 一般公共服务支出2713623.00
              why: unit
        `,
        findings: [
          {
            messageId: "not-read",
            line: 7,
            severity: "info",
            message: "(a change explained by its main parts' changes (主要是…), which the format cannot state;",
          },
          { messageId: "not-read", line: 9, severity: "info", message: "(the amount's unit is not printed" },
        ],
      },
    ],
  });

  it("words every reason the schema allows, in both languages", () => {
    expect(Object.keys(unreadReasons).sort()).toEqual([...schema.properties.unread.items.properties.why.enum].sort());
  });
});
