import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InventoryCommand, RECOMMENDED_INVENTORY_COMMAND } from "./inventory-command";

const ROOT = join(__dirname, "..", "..");

/** The first `kubectl get` line of the README's "Produce an inventory" code block, without its shell comment. */
function readmeCommand(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Produce an inventory"));
  const block = section.slice(section.indexOf("```sh"), section.indexOf("```", section.indexOf("```sh") + 5));
  const line = block.split("\n").find((text) => text.startsWith("kubectl get "));
  if (!line) throw new Error("README: no kubectl get line under Produce an inventory");
  return line.replace(/\s+#.*$/, "").trim();
}

describe("the empty state's inventory command", () => {
  it("is the README's recommended command, character for character", () => {
    expect(RECOMMENDED_INVENTORY_COMMAND).toBe(readmeCommand());
  });

  it("is what the overview's empty state shows and copies", () => {
    const html = renderToStaticMarkup(createElement(InventoryCommand));
    expect(html).toContain(RECOMMENDED_INVENTORY_COMMAND.replace(">", "&gt;"));
    const emptyState = readFileSync(join(__dirname, "overview-empty-state.tsx"), "utf8");
    expect(emptyState).toContain("<InventoryCommand />");
  });
});
