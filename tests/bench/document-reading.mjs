// Checking a disclosure as published against the library that reads its form alone: the seed's PDF against
// pdf.js extracting its text layer, the seed's workbook against exceljs loading it. In one process, after
// warm-up, medians of interleaved rounds. Prints JSON.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { pdfjsDataFolders } from "../../dist/document/formats/pdf.js";
import { checkDocument } from "../../dist/run/check-document.js";

const [folder, rounds = "11"] = process.argv.slice(2);
const pdf = readFileSync(`${folder}/wuchang-2025.pdf`);
const xlsx = readFileSync(`${folder}/wuchang-2025.xlsx`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function pdfText() {
  const task = getDocument({
    data: new Uint8Array(pdf),
    ...pdfjsDataFolders(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const document = await task.promise;
  for (let page = 1; page <= document.numPages; page += 1) await (await document.getPage(page)).getTextContent();
  await task.destroy();
}
const excelLoad = async () => new ExcelJS.Workbook().xlsx.load(xlsx);
const checkPdf = () => checkDocument(new Uint8Array(pdf), { file: "wuchang-2025.pdf", lang: "en" });
const checkXlsx = () => checkDocument(new Uint8Array(xlsx), { file: "wuchang-2025.xlsx", lang: "en" });

const works = { pdfText, checkPdf, excelLoad, checkXlsx };
const samples = Object.fromEntries(Object.keys(works).map((name) => [name, []]));
for (let index = 0; index < 3; index += 1) for (const work of Object.values(works)) await work();
for (let index = 0; index < Number(rounds); index += 1)
  for (const [name, work] of Object.entries(works)) {
    const started = performance.now();
    await work();
    samples[name].push(performance.now() - started);
  }
console.log(JSON.stringify(Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]))));
