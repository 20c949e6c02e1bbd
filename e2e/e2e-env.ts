// The e2e server gets its own port and SQLite file, so a dev server or the dev database is never touched.
export const E2E_PORT = 3100;
export const E2E_DATABASE_URL = "file:./data/e2e.db";
