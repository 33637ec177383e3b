// The pipeline's stages read left to right: load → read → schema → model → rules → report. A stage may
// import an earlier one, never a later one; run/, cli/ and the check entry points sit on top of them all.
// read/ turns a disclosure as published (text, Word, PDF, Excel) into text with places.
const stages = ["load", "read", "schema", "model", "rules", "report"];

module.exports = {
  forbidden: [
    ...stages.map((stage, index) => ({
      name: `${stage}-imports-a-later-stage`,
      comment: `${stage} is stage ${index + 1} of the pipeline: it may not depend on ${stages.slice(index + 1).join(", ") || "nothing later"}`,
      severity: "error",
      from: { path: `^src/${stage}/` },
      to: { path: `^src/(${stages.slice(index + 1).join("|") || "(?!)"})/` },
    })),
    {
      name: "read-uses-only-load-and-text",
      comment: "reading a document needs only the bounded file reading of load/ and the bilingual text helpers, nothing of the declaration",
      severity: "error",
      from: { path: "^src/read/" },
      to: { path: "^src/", pathNot: "^src/(read|load)/|^src/(text|finding)\\.ts$" },
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
