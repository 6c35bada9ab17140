import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests run lib/server against a real PostgreSQL database of their own (see scripts/test.ts),
// one file at a time, with every table emptied before each test.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/integration/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/integration/support/env.ts", "tests/integration/support/setup.ts"],
  },
});
