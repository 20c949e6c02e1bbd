import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseMarkdown } from "../../markdown";
import { checkDeclared, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { portForward } from "./port-forward";

describe("port-forward", () => {
  it("is a declared rule with complete text", () => {
    expect(portForward).toMatchObject({ id: "port-forward", scope: "declared", severity: "warning", remedy: "manifest" });
    expect(portForward.title).toBe("kubectl port-forward (declared)");
    expect(portForward.summary).toMatch(
      /^The workload is declared to be reached through `kubectl port-forward`, which is unreliable with Kata\.$/,
    );
    expect(portForward.why).toMatch(/listens inside the VM/);
    expect(portForward.why).toContain('"connect: connection refused"');
    // What to do: a Service, shown as a manifest that is valid YAML.
    expect(portForward.remediation).toMatch(/^Reach the workload through a Service instead/);
    const example = parseMarkdown(portForward.remediation).find((block) => block.type === "code");
    expect(example).toMatchObject({ type: "code", lang: "yaml" });
    expect(parse(example?.type === "code" ? example.text : "")).toMatchObject({
      apiVersion: "v1",
      kind: "Service",
      spec: { ports: [{ port: 80, targetPort: 8080 }] },
    });
    portForward.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it('is what the declared item "port-forward" becomes', () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "port-forward" } });
    expect(checkDeclared(w)).toMatchObject([
      { ruleId: portForward.id, severity: portForward.severity, remedy: portForward.remedy, container: null },
    ]);
    expect(checkDeclared(w)[0].message).toBe(
      "declared requirement port-forward: kubectl port-forward is unreliable under Kata, use a Service",
    );
  });
});
