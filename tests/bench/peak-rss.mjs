// Preloaded into measured processes (node --import): appends the process's peak RSS (KiB) to $BENCH_RSS.
import { appendFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_RSS) appendFileSync(process.env.BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});
