import type { Severity } from "../finding.js";
import type { FigureReferenceParts } from "./reference.js";

/** A figure a custom check names: `t5-1/2010350.amount`, `t6:personnel.amount`, `t11/income.history.2023`. */
export interface FigureReference extends FigureReferenceParts {
  text: string;
  /** Where the config says it, for messages: `budget-rules.config.yaml:12:9`. */
  where: string;
}

/** A relation a finance bureau adds in its config, between figures of any declaration. */
export type CustomRelation =
  | { kind: "equal"; figures: FigureReference[] }
  | { kind: "sum"; total: FigureReference; parts: FigureReference[] }
  | { kind: "ratio"; percent: FigureReference; part: FigureReference; whole: FigureReference }
  | { kind: "compare"; less: FigureReference; more: FigureReference };

export interface CustomCheck {
  id: string;
  description?: string;
  severity: Severity;
  relation: CustomRelation;
  where: string;
}
