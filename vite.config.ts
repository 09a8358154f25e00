import { configDefaults, defineConfig } from "vitest/config";

/**
 * Test configuration for the whole repo. The web builds have their own configs beside their code
 * (widgets/vite.widgets.ts, pwa/vite.pwa.ts), run by scripts/build-web.mjs into dist/public.
 */
export default defineConfig({
  test: {
    include: [
      "oracle-core/**/*.test.ts",
      "api-core/**/*.test.ts",
      "tokenizer/**/*.test.ts",
      "feed-worker/**/*.test.ts",
      "widgets/**/*.test.ts",
      "pwa/**/*.test.ts",
      "test/**/*.test.ts",
      "scripts/**/*.test.ts",
      "sdk/**/*.test.ts",
    ],
    // The rule: widgets/*.test.ts and pwa/components/*.test.ts are component tests run by @web/test-runner in
    // Chromium (web-test-runner.config.mjs); every other *.test.ts is vitest's.
    exclude: [...configDefaults.exclude, "widgets/*.test.ts", "pwa/components/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
