// Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium), driven by playwright-core: the browser tests
// and the PDF export share it, with the same flags. Playwright's own browser download is never used.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}
