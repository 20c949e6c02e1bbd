import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { E2E_DATABASE_URL } from "./e2e-env";

// Playwright starts the webServer (which migrates the database) before globalSetup runs, so the reset
// empties the migrated tables instead of deleting the file under a running server.
export default function globalSetup(config: FullConfig) {
  // The webServer runs in the config's folder, so the relative SQLite URL resolves from there.
  const projectRoot = config.configFile ? path.dirname(config.configFile) : process.cwd();
  const file = resolveE2eDatabaseFile(projectRoot);
  const sqlite = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%'")
      .all() as { name: string }[];
    sqlite.pragma("foreign_keys = OFF");
    sqlite.transaction(() => {
      for (const { name } of tables) sqlite.exec(`DELETE FROM "${name.replaceAll('"', '""')}"`);
    })();
  } finally {
    sqlite.close();
  }
}

function resolveE2eDatabaseFile(projectRoot: string): string {
  // Refuse anything but the project's local e2e file: the reset deletes every row.
  const file = path.resolve(projectRoot, E2E_DATABASE_URL.replace(/^file:/, ""));
  if (path.basename(file) !== "e2e.db" || !file.startsWith(path.join(projectRoot, "data") + path.sep)) {
    throw new Error(`Refusing to reset ${file}: not the project's data/e2e.db`);
  }
  if (!existsSync(file)) {
    throw new Error(
      `${file} does not exist: the server on the e2e port is not using the e2e database. Stop it, or run with CI=1 so Playwright starts its own.`,
    );
  }
  return file;
}
