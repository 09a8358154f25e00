import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["oracle-core/**/*.test.ts", "feed-worker/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
