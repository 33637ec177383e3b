import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/build.ts"],
    setupFiles: ["tests/setup/fast-check.ts"],
    // An outer bound only, so that a hang fails instead of stalling CI; no test asserts a duration.
    testTimeout: 60_000,
    // CI reads the counts from a JSON report (.ci/run prints "N passed, N failed").
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-output/vitest.json" },
  },
});
