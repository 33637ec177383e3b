import fc from "fast-check";

/** Property and fuzz tests run a fixed number of cases from a fixed seed, so any failure can be replayed. */
export const fastCheckSeed = Number(process.env.FAST_CHECK_SEED ?? 20261127);

fc.configureGlobal({ seed: fastCheckSeed });
