import { describe, expect, it } from "vitest";
import { fill, quotedName } from "../src/text.js";

describe("message text", () => {
  it.each([
    ["与{right}不一致", { right: "t11 指标" }, "与 t11 指标不一致"],
    ["{left}的 {year} 年", { left: "表「甲」", year: 2024 }, "表「甲」的 2024 年"],
    ["金额为 {value}，", { value: "35.07" }, "金额为 35.07，"],
    ["「{key}」", { key: "ammount" }, "「ammount」"],
  ])("zh %s puts a space only where Han meets Latin or digits", (template, data, expected) => {
    expect(fill(template, data, "zh")).toBe(expected);
  });

  it("leaves English and a quoted placeholder-like value alone", () => {
    expect(fill("Unknown key “{key}”", { key: "{0}" }, "en")).toBe("Unknown key “{0}”");
    expect(fill("{a} and {b}", { a: { zh: "甲", en: "A" }, b: "B" }, "en")).toBe("A and B");
  });

  it.each([
    ["事业运行", "“事业运行”"],
    ["“三公”经费支出", "「“三公”经费支出」"],
  ])("an English name %s is quoted %s, never in doubled quotes", (name, quoted) => {
    expect(quotedName(name)).toBe(quoted);
  });
});
