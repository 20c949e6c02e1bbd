import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Relative luminance (0 black .. 1 white) of the body's background, whatever colour syntax the browser reports. */
async function bodyLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    const linear = (channel: number) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  });
}

const DARK = 0.05;
const LIGHT = 0.8;

test.describe("theme", () => {
  test("follows the system setting", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    expect(await bodyLuminance(page)).toBeLessThan(DARK);
    await expect(page.getByRole("radio", { name: "System theme" })).toBeChecked();

    await page.emulateMedia({ colorScheme: "light" });
    expect(await bodyLuminance(page)).toBeGreaterThan(LIGHT);
  });

  test("the toggle overrides the system setting and survives a reload", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/rules");
    await page.getByTitle("Light theme").click();
    await expect(page.getByRole("radio", { name: "Light theme" })).toBeChecked();
    expect(await bodyLuminance(page)).toBeGreaterThan(LIGHT);
    await page.reload();
    await expect(page.getByRole("radio", { name: "Light theme" })).toBeChecked();
    expect(await bodyLuminance(page)).toBeGreaterThan(LIGHT);

    await page.emulateMedia({ colorScheme: "light" });
    await page.getByTitle("Dark theme").click();
    expect(await bodyLuminance(page)).toBeLessThan(DARK);
    await page.goto("/workloads");
    expect(await bodyLuminance(page)).toBeLessThan(DARK);
    await expect(page.getByRole("radio", { name: "Dark theme" })).toBeChecked();

    await page.getByTitle("System theme").click();
    await page.reload();
    expect(await bodyLuminance(page)).toBeGreaterThan(LIGHT);
  });

  test("the theme is in the server's HTML, so the first paint is already right", async ({ request }) => {
    const html = async (cookie?: string) => (await request.get("/", { headers: cookie ? { cookie } : {} })).text();
    expect(await html("kata-readiness-theme=dark")).toMatch(/<html lang="en" class="dark"/);
    expect(await html("kata-readiness-theme=light")).toMatch(/<html lang="en" class="light"/);
    expect(await html()).toMatch(/<html lang="en">/);
    expect(await html('kata-readiness-theme="><script>alert(1)</script>')).toMatch(/<html lang="en">/);
  });

  test("severity badges stay readable in dark", async ({ inventory, page }) => {
    await inventory.uploadOrFail({ files: ["mixed-deployments.yaml"] });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/rules/subpath");
    const badge = page.locator("main header").getByText("Blocker", { exact: true });
    const ratio = await badge.evaluate((element) => {
      const rgb = (color: string) => {
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 1;
        const context = canvas.getContext("2d")!;
        context.fillStyle = color;
        context.fillRect(0, 0, 1, 1);
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const luminance = ([r, g, b]: number[]) => {
        const linear = (channel: number) => {
          const c = channel / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
      };
      const style = getComputedStyle(element);
      const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });
    expect(ratio).toBeGreaterThan(4.5);
  });
});
