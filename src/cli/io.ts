import type { ColorSupportLevel } from "chalk";
import type { Lang } from "../finding.js";

/** Everything the CLI touches of the outside world but the files it is told to read and write. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY?: boolean;
  /** The standard input (check --stdin), read whole or up to a byte past `limit`, so an endless one stops. */
  stdin?: (limit: number) => Promise<Buffer>;
}

export { exitCodes } from "../run/exit-code.js";

/** zh when the locale (LC_ALL, else LANG) is Chinese. */
export function defaultLang(env: CliIO["env"]): Lang {
  const locale = env.LC_ALL || env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** FORCE_COLOR wins; then NO_COLOR; then colour only on a terminal. */
export function colourLevel(env: CliIO["env"], isTTY: boolean): ColorSupportLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "0" || force === "false") return 0;
    if (force === "2" || force === "3") return Number(force) as ColorSupportLevel;
    return 1;
  }
  if (env.NO_COLOR) return 0;
  return isTTY ? 1 : 0;
}
