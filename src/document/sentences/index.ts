export { readDisclosure, type Reading, type Relation } from "./read.js";
