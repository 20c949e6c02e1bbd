import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./lib/testing/empty.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Imports run in a worker thread from dist/import-worker.cjs: rebuilt here when the sources changed.
    globalSetup: ["scripts/ensure-worker-bundle.mjs"],
    testTimeout: 30_000,
  },
});
