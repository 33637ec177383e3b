import { readFileSync } from "node:fs";
import type { Problem } from "../problem.js";
import validate from "./declaration-validator.generated.js";
import { schemaProblems } from "./schema-errors.js";

/** The bundled JSON Schema of the declaration format. */
export const schemaPath = new URL("../../schemas/budget.schema.json", import.meta.url);

interface SchemaDefinition {
  properties?: Record<string, unknown>;
}

let definitions: Record<string, SchemaDefinition> | undefined;

/** The keys a definition allows, for “did you mean …?”; read only when a key is unknown. */
function allowedKeys(definition: string): string[] {
  if (!definitions) {
    const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as SchemaDefinition & { definitions: Record<string, SchemaDefinition> };
    definitions = { ...schema.definitions, "": schema };
  }
  return Object.keys(definitions[definition]?.properties ?? {});
}

/** Validates the plain value of a declaration with the validator compiled at build time. */
export function validateDeclaration(instance: unknown): Problem[] {
  if (validate(instance)) return [];
  return schemaProblems(validate.errors ?? [], instance, allowedKeys);
}
