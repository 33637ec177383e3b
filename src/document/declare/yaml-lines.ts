import type { Span } from "./declare.js";

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function scalar(text: string): string {
  const plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`\d.+~][^:#,[\]{}\n\r]*$/u.test(text) && !/\s$/.test(text) && !/^(?:true|false|null|yes|no|on|off)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** A line of the declaration, with where in the text what it states is printed. */
export interface Written {
  text: string;
  at?: Span;
}
