import type { Lang } from "./finding.js";

/** Every word a person reads comes in both languages; the chosen one is picked when a report is made. */
export interface Text {
  zh: string;
  en: string;
}

export type MessageData = Record<string, string | number | Text>;

const han = /[\u4e00-\u9fff]/;
const latin = /[A-Za-z0-9]/;

/** In Chinese text, a space between a Han character and a Latin letter or digit (t11 的, 2023 年). */
function spaced(before: string, text: string, after: string): string {
  const gap = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && ((han.test(a) && latin.test(b)) || (latin.test(a) && han.test(b)));
  return `${gap(before.at(-1), text[0]) ? " " : ""}${text}${gap(text.at(-1), after[0]) ? " " : ""}`;
}

/** Fills `{name}` placeholders with data in the chosen language. */
export function fill(template: string, data: MessageData, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string, offset: number) => {
    const value = data[name];
    if (value === undefined) return placeholder;
    const text = typeof value === "object" ? value[lang] : String(value);
    return lang === "zh" ? spaced(template.slice(0, offset), text, template.slice(offset + placeholder.length)) : text;
  });
}

export function bilingual(zh: string, en: string): Text {
  return { zh, en };
}

/** A name in English quotes, or in corner brackets when it holds quotes itself (“三公”经费). */
export function quotedName(name: string): string {
  return /[“”"]/.test(name) ? `「${name}」` : `“${name}”`;
}
