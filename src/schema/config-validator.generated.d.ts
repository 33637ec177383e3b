import type { ErrorObject } from "ajv";

/** The standalone validator compiled from schemas/config.schema.json at build time. */
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
