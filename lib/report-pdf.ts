import "server-only";
import { access, constants } from "node:fs/promises";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium";

export const CHROMIUM_MISSING_MESSAGE =
  "PDF export needs Chromium on the server: install it with `apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary). The HTML report needs nothing.";

export class ChromiumMissingError extends Error {
  constructor() {
    super(CHROMIUM_MISSING_MESSAGE);
    this.name = "ChromiumMissingError";
  }
}

export async function isChromiumAvailable(): Promise<boolean> {
  try {
    await access(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// One print at a time: each is a browser process, and the server may have two cores.
let queue: Promise<unknown> = Promise.resolve();

/** Prints the self-contained report HTML to PDF (real text, A4) with no network and no JavaScript. */
export function renderPdf(html: string): Promise<Buffer> {
  const job = queue.then(() => print(html));
  queue = job.catch(() => undefined);
  return job;
}

async function print(html: string): Promise<Buffer> {
  if (!(await isChromiumAvailable())) throw new ChromiumMissingError();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    // The report needs nothing from outside; anything else a value might carry is refused.
    await context.route(/^(?!data:)/, (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
