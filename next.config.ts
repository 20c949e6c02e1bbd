import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // The owners CSV (up to 5 MB, lib/validations/owners.ts) goes through a Server Action: 1 MB by default.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

export default nextConfig;
