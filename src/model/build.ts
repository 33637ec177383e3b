// Where check.ts and the HTML report import the builder from; the builders live in ./build/.
export { buildDeclaration, defaultPrecision } from "./build/declaration.js";
