import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { getDatabaseUrl } from "./database-url";
import { getBusyTimeoutMs } from "./db-settings";

function createPrismaClient() {
  // timeout: SQLite's busy timeout, set explicitly so it is the same setting as the import worker's.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: getDatabaseUrl(), timeout: getBusyTimeoutMs() }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };

export const db = globalForPrisma.prisma ?? createPrismaClient();

// Dev reloads re-evaluate modules; keep one client (and one SQLite handle) across them.
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
