// SARIF 2.1.0 for code-scanning UIs: one reportingDescriptor per catalog rule (with its help text),
// one result per finding, located at the source file (relative URI) and the line where known, with
// our finding fingerprint as partialFingerprints so a finding keeps its identity across runs.
// Waived findings are kept as results with an accepted external suppression.
import { CATALOG } from "../rules/catalog";
import type { InventoryFinding, Rule, Severity } from "../rules/types";
import type { Encoder, ExportMeta, ExportWorkload } from "./model";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const FINGERPRINT_KEY = "kataReadinessFinding/v1";
const INFORMATION_URI = "https://github.com/kata-containers/kata-containers";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { blocker: "error", warning: "warning", info: "note" };

export interface SarifOptions {
  /** The source as a URI relative to the repository root; null when the source is not a file (stdin). */
  uri?(source: string): string | null;
  /** The 1-based line of a finding's field in its source, when the caller can find it. */
  line?(workload: ExportWorkload, path: string): number | null;
  /** Findings on the inventory (RuntimeClasses, nodes, engines): results at their source file, after the workloads'. */
  inventoryFindings?: readonly InventoryFinding[];
}

/** A file name as a relative URI reference: forward slashes, no leading ./, percent-encoded. */
export function sourceUri(source: string): string | null {
  if (source === "" || source === "-" || source === "<stdin>") return null;
  const path = source.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
  return path.split("/").map(encodeURIComponent).join("/");
}

function helpText(rule: Rule): { text: string; markdown: string } {
  const references = rule.references.map((r) => `- [${r.title}](${r.url})`).join("\n");
  const markdown = `**${rule.title}**\n\n${rule.summary}\n\n### Why it matters under Kata\n\n${rule.why}\n\n### What to do\n\n${rule.remediation}${references ? `\n\n### Sources\n\n${references}` : ""}`;
  const text = `${rule.title}\n\n${rule.summary}\n\nWhy it matters under Kata:\n${rule.why}\n\nWhat to do:\n${rule.remediation}${rule.references.length ? `\n\nSources:\n${rule.references.map((r) => `- ${r.title}: ${r.url}`).join("\n")}` : ""}`;
  return { text, markdown };
}

function ruleDescriptor(rule: Rule) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.summary },
    help: helpText(rule),
    ...(rule.references[0] && { helpUri: rule.references[0].url }),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { remedy: rule.remedy, scope: rule.scope, tags: ["kata-containers", rule.severity, ...(rule.remedy ? [rule.remedy] : [])] },
  };
}

const RULE_INDEX = new Map(CATALOG.map((rule, index) => [rule.id, index]));

/** SARIF 2.1.0, streamed: the run's frame, then results one workload at a time. */
export function sarifEncoder(meta: ExportMeta, options: SarifOptions = {}): Encoder {
  const toUri = options.uri ?? sourceUri;
  let count = 0;
  return {
    start() {
      const driver = {
        name: "kata-readiness",
        version: meta.toolVersion,
        informationUri: INFORMATION_URI,
        rules: CATALOG.map(ruleDescriptor),
      };
      const head = JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: "2.1.0" });
      const tool = JSON.stringify({ driver });
      const properties = JSON.stringify({
        target: meta.target,
        catalogVersion: meta.catalogVersion,
        scoreFormula: meta.scoreFormula,
        scope: meta.scope,
      });
      return `${head.slice(0, -1)},"runs":[{"tool":${tool},"columnKind":"unicodeCodePoints","properties":${properties},"results":[`;
    },
    workload(w) {
      if (w.findings.length === 0) return "";
      const uri = toUri(w.source);
      let out = "";
      for (const f of w.findings) {
        const line = options.line?.(w, f.path) ?? w.line;
        const physicalLocation = uri
          ? { physicalLocation: { artifactLocation: { uri }, ...(line !== null && line > 0 && { region: { startLine: line } }) } }
          : {};
        const result = {
          ruleId: f.ruleId,
          ...(RULE_INDEX.has(f.ruleId) && { ruleIndex: RULE_INDEX.get(f.ruleId) }),
          level: LEVEL[f.severity],
          message: { text: `${w.kind} ${w.namespace ? `${w.namespace}/` : ""}${w.name}: ${f.message}` },
          locations: [
            {
              ...physicalLocation,
              logicalLocations: [{ fullyQualifiedName: `${w.id}:${f.path}`, name: w.name, kind: "object" }],
            },
          ],
          ...(f.fingerprint && { partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint } }),
          ...(f.waiver && {
            suppressions: [
              {
                kind: "external",
                status: "accepted",
                justification: `${f.waiver.reason} (approved by ${f.waiver.approver}, until ${f.waiver.expiresAt})`,
              },
            ],
          }),
          properties: {
            workload: w.id,
            container: f.container,
            fieldPath: f.path,
            remedy: f.remedy,
            severity: f.severity,
            readiness: w.readiness,
            migrationPath: w.migrationPath,
            ...(f.status !== null && { status: f.status }),
            ...(f.assignee !== null && { assignee: f.assignee }),
          },
        };
        out += `${count++ === 0 ? "" : ","}\n${JSON.stringify(result)}`;
      }
      return out;
    },
    end() {
      let out = "";
      for (const f of options.inventoryFindings ?? []) {
        const uri = toUri(f.source);
        const result = {
          ruleId: f.ruleId,
          ...(RULE_INDEX.has(f.ruleId) && { ruleIndex: RULE_INDEX.get(f.ruleId) }),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              ...(uri && { physicalLocation: { artifactLocation: { uri } } }),
              logicalLocations: [{ fullyQualifiedName: `${f.source}:${f.path}`, kind: "object" }],
            },
          ],
          properties: { fieldPath: f.path, remedy: f.remedy, severity: f.severity, scope: "inventory" },
        };
        out += `${count++ === 0 ? "" : ","}\n${JSON.stringify(result)}`;
      }
      return `${out}\n]}]}\n`;
    },
  };
}
