import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseMarkdown } from "../../markdown";
import { checkDeclared, DECLARABLE_ITEMS, parseRequirements, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { unknownRequirement } from "./unknown-requirement";

describe("unknown-requirement", () => {
  it("is a declared rule with complete text", () => {
    expect(unknownRequirement).toMatchObject({ id: "unknown-requirement", scope: "declared", severity: "info", remedy: null });
    expect(unknownRequirement.title).toBe("Unknown declared requirement");
    expect(unknownRequirement.summary).toMatch(/so a typo never hides a real requirement\.$/);
    expect(unknownRequirement.why).toMatch(/most likely a typo/);
    // What to do: the text lists exactly the items the catalog knows, and its examples declare only those.
    const [known, annotation, label] = parseMarkdown(unknownRequirement.remediation);
    const listed = known.type === "paragraph" ? known.children.filter((node) => node.type === "code").map((node) => node.text) : [];
    expect([...listed].sort()).toEqual([...DECLARABLE_ITEMS].sort());
    expect(annotation).toMatchObject({ type: "code", lang: "yaml" });
    const declared = parse(annotation.type === "code" ? annotation.text : "").metadata.annotations[REQUIRES_KEY];
    expect(parseRequirements(declared, "annotation")).toEqual(["checkpoint-restore", "port-forward"]);
    const labelCode = label.type === "paragraph" ? label.children.flatMap((node) => (node.type === "code" ? [node.text] : [])) : [];
    const labelExample = labelCode.find((text) => text.startsWith(REQUIRES_KEY)) ?? "";
    expect(parseRequirements(labelExample.replace(`${REQUIRES_KEY}: `, ""), "label")).toEqual(["checkpoint-restore", "port-forward"]);
    unknownRequirement.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it('is what the declared item "no-such-thing" becomes', () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "no-such-thing" } });
    expect(checkDeclared(w)).toMatchObject([
      { ruleId: unknownRequirement.id, severity: unknownRequirement.severity, remedy: unknownRequirement.remedy, container: null },
    ]);
    expect(checkDeclared(w)[0].message).toBe(`unknown declared requirement "no-such-thing" (known: ${DECLARABLE_ITEMS.join(", ")})`);
  });
});
