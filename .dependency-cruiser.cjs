// The pipeline's stages read left to right: load → schema → model → rules → report. A stage may import an
// earlier one, never a later one; run/, cli/ and the check entry points sit on top of them all.
// document/ reads a disclosure as published (text, Word, PDF, Excel) into a declaration: formats → text
// → sentences and tables → declare. It sits beside the pipeline, before run/: it may use load/ and the
// model's exact figures, and rules/ only for the words of what it could not read.
const stages = ["load", "schema", "model", "rules", "report"];
const documentParts = ["formats", "text", "sentences", "tables", "declare"];

module.exports = {
  forbidden: [
    ...stages.map((stage, index) => ({
      name: `${stage}-imports-a-later-stage`,
      comment: `${stage} is stage ${index + 1} of the pipeline: it may not depend on ${stages.slice(index + 1).join(", ") || "nothing later"}`,
      severity: "error",
      from: { path: `^src/${stage}/` },
      to: { path: `^src/(${stages.slice(index + 1).join("|") || "(?!)"})/` },
    })),
    ...documentParts.map((part, index) => ({
      name: `document-${part}-imports-a-later-part`,
      comment: `document/${part} is part ${index + 1} of the document stage: it may not depend on ${documentParts.slice(index + 1).join(", ") || "nothing later"}`,
      severity: "error",
      from: { path: `^src/document/${part}/` },
      to: { path: `^src/document/(${documentParts.slice(index + 1).join("|") || "(?!)"})/` },
    })),
    {
      name: "formats-use-only-load-and-text",
      comment: "reading a file's text needs only the bounded file reading of load/ and the bilingual text helpers, nothing of the declaration",
      severity: "error",
      from: { path: "^src/document/(formats|text)/" },
      to: { path: "^src/", pathNot: "^src/document/(formats|text)/|^src/load/|^src/(text|finding)\\.ts$" },
    },
    {
      name: "pipeline-does-not-read-documents",
      comment: "the pipeline checks declarations; only run/ and cli/ read documents (the statement rule may normalise words)",
      severity: "error",
      from: { path: "^src/(load|schema|model|rules|report)/" },
      to: { path: "^src/document/", pathNot: "^src/document/text/" },
    },
    {
      name: "report-reads-only-the-report",
      comment: "a report is made from the report (findings and each file's view), never by parsing or modelling a declaration again",
      severity: "error",
      from: { path: "^src/report/" },
      to: { path: "^src/(load|schema)/|^src/model/build", pathNot: "^src/load/json-pointer" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.generated\\.js$" },
  },
};
