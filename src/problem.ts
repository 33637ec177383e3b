import type { Severity } from "./finding.js";
import type { MessageData } from "./text.js";

/**
 * What a stage reports before it is rendered: a message id with data, and a JSON pointer that the
 * locator turns into line and column. The core renders the text once, in the chosen language.
 */
export interface Problem {
  rule: string;
  messageId: string;
  data?: MessageData;
  /** Overrides the severity the message or rule defaults to. */
  severity?: Severity;
  path: string;
  /** Point at the key of `path` rather than its value (an unknown key). */
  atKey?: boolean;
  /** Offsets in the source, where there is no node to point at (a syntax error). */
  range?: [number, number];
  /** A position outright, for what is not a node at all (a comment directive). */
  line?: number;
  column?: number;
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  related?: string[];
}
