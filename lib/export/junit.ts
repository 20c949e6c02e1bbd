// JUnit XML for CI test reports: one test case per workload, failing when it has an unwaived
// blocker. Everything from a manifest is escaped, and characters XML 1.0 cannot carry at all
// (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are written as visible \u escapes.
import type { Encoder, ExportMeta, ExportWorkload } from "./model";

// Allowed by XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(text: string): string {
  return text.replace(NOT_XML_CHAR, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text content: &, < and > escaped (> because of `]]>`). */
export function escapeXmlText(text: string): string {
  return visible(text).replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Attribute values (double-quoted): also quotes, and tab/newline/CR as references so they survive normalisation. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/["'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join("");
}

function findingLine(f: ExportWorkload["findings"][number]): string {
  return `[${f.severity}] ${f.ruleId}${f.container ? ` (container ${f.container})` : ""} at ${f.path}: ${f.message}`;
}

export function junitEncoder(meta: ExportMeta): Encoder {
  return {
    start() {
      const counts = meta.summary ? { tests: meta.summary.workloads, failures: meta.summary.blocked, errors: 0 } : {};
      const name = `kata-readiness ${meta.scope} (${meta.target})`;
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name, ...counts })}>\n<testsuite${attrs({ name, ...counts })}>\n`;
    },
    workload(w) {
      const classname = `${w.cluster}.${w.namespace ?? ""}`.replace(/\.$/, "");
      const open = `<testcase${attrs({ classname, name: `${w.kind}/${w.name}`, file: w.source, ...(w.line !== null && { line: w.line }) })}`;
      const counted = w.findings.filter((f) => f.waiver === null);
      const blockers = counted.filter((f) => f.severity === "blocker");
      const others = counted.filter((f) => f.severity !== "blocker");
      const waived = w.findings.filter((f) => f.waiver !== null);
      if (blockers.length === 0 && others.length === 0 && waived.length === 0) return `${open}/>\n`;
      let body = "";
      if (blockers.length > 0) {
        const message = `${blockers.length} blocker(s): ${[...new Set(blockers.map((f) => f.ruleId))].join(", ")}`;
        body += `<failure${attrs({ message, type: "blocker" })}>${escapeXmlText(blockers.map(findingLine).join("\n"))}</failure>\n`;
      }
      const notes = [
        `readiness ${w.readiness}, score ${w.score}, migration path ${w.migrationPath}`,
        ...others.map(findingLine),
        ...waived.map((f) => `waived (${f.waiver?.id}): ${findingLine(f)}`),
      ];
      body += `<system-out>${escapeXmlText(notes.join("\n"))}</system-out>\n`;
      return `${open}>\n${body}</testcase>\n`;
    },
    end: () => `</testsuite>\n</testsuites>\n`,
  };
}
