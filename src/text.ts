import type { Lang } from "./finding.js";

/** Every word a person reads comes in both languages; the chosen one is picked when a report is made. */
export interface Text {
  zh: string;
  en: string;
}

export type MessageData = Record<string, string | number | Text>;

/** Fills `{name}` placeholders with data in the chosen language. */
export function fill(template: string, data: MessageData, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = data[name];
    if (value === undefined) return placeholder;
    return typeof value === "object" ? value[lang] : String(value);
  });
}

export function bilingual(zh: string, en: string): Text {
  return { zh, en };
}
