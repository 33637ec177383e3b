import type { Problem } from "../problem.js";
import validate from "./declaration-validator.generated.js";
import { schemaProblems } from "./schema-errors.js";

/** Validates the plain value of a declaration with the validator compiled at build time. */
export function validateDeclaration(instance: unknown): Problem[] {
  if (validate(instance)) return [];
  return schemaProblems(validate.errors ?? [], instance);
}
