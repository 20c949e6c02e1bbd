import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_PORT } from "./e2e/e2e-env";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium";

const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Playwright's own browser download is unreachable here: drive Debian's Chromium (the PDF export uses the same).
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: BASE_URL,
    // A cold `next build` on two cores takes a few minutes.
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    // Show the build and server log: a failed `next build` is otherwise a bare exit code.
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
