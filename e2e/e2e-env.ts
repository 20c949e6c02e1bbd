// The e2e server gets its own port and SQLite file, so a dev server or the dev database is never touched.
// KATA_READINESS_E2E_PORT lets two checkouts run their browser tests side by side.
export const E2E_PORT = Number(process.env.KATA_READINESS_E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = "file:./data/e2e.db";
