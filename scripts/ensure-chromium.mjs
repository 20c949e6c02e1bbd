// Finds Debian's Chromium for Playwright (its own browser download is unreachable here) and, as root on
// Debian/Ubuntu, installs it. Prints the path; `node scripts/ensure-chromium.mjs` runs it alone.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";
const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  return isRoot && hasApt && existsSync("/etc/debian_version");
}

/** Returns the Chromium executable, installing it when possible; throws with the command to run otherwise. */
export function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} is not an executable file. Unset it to use ${DEFAULT_CHROMIUM_PATH}.`);
  }
  if (isExecutable(DEFAULT_CHROMIUM_PATH)) return DEFAULT_CHROMIUM_PATH;

  if (!canInstallWithApt()) {
    throw new Error(
      `Chromium is missing at ${DEFAULT_CHROMIUM_PATH}. Install it with:\n  sudo sh -c '${INSTALL_COMMAND}'\n` +
        "or point CHROMIUM_PATH at a Chromium executable.",
    );
  }
  console.log(`Chromium is missing: running ${INSTALL_COMMAND}`);
  const result = spawnSync("sh", ["-c", INSTALL_COMMAND], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0 || !isExecutable(DEFAULT_CHROMIUM_PATH)) {
    throw new Error(`Installing Chromium failed (exit ${result.status}). Run it yourself: ${INSTALL_COMMAND}`);
  }
  return DEFAULT_CHROMIUM_PATH;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
