import Link from "next/link";
import { ExpandableText, TruncatedText } from "@/components/ui/truncated-text";
import { Markdown } from "@/components/markdown";
import { SeverityBadge } from "@/components/ui/badge";
import { WaivedBadge } from "@/components/waivers/waived-badge";
import type { RemediationItemDto } from "@/lib/data/remediation";
import type { WorkloadFindingDto, WorkloadWaiver } from "@/lib/data/workloads";
import { RemediationItemStatus } from "./remediation-item-status";
import { findRule } from "@/lib/rules/catalog";
import { REMEDY_STYLES, SEVERITIES, SEVERITY_STYLES } from "@/lib/domain";
import { formatCount } from "@/lib/format";

export interface WorkloadFindingsProps {
  findings: readonly WorkloadFindingDto[];
  /** Manifest line of each finding (by finding id), for a jump link. */
  lineOf: ReadonlyMap<number, number>;
  /** Remediation items by finding fingerprint; absent for findings without one. */
  items?: ReadonlyMap<string, RemediationItemDto>;
  /** Items can be edited (the workload is in a current snapshot). */
  editable?: boolean;
  /** Waivers accepting some of the findings (by waiver id). */
  waivers?: ReadonlyMap<number, WorkloadWaiver>;
  /** Where to waive a rule for this workload (current snapshots only). */
  waiveHref?: (ruleId: string) => string;
}

export function WorkloadFindings({ findings, lineOf, items, editable = false, waivers, waiveHref }: WorkloadFindingsProps) {
  if (findings.length === 0) {
    return <p className="text-sm text-slate-600">No findings: nothing in this workload differs under Kata.</p>;
  }
  return (
    <div className="flex flex-col gap-6">
      {SEVERITIES.map((severity) => {
        const ofSeverity = findings.filter((f) => f.severity === severity);
        if (ofSeverity.length === 0) return null;
        const ruleIds = [...new Set(ofSeverity.map((f) => f.ruleId))];
        return (
          <section key={severity} aria-labelledby={`findings-${severity}`} className="flex flex-col gap-3">
            <h3 id={`findings-${severity}`} className="flex items-center gap-2 text-sm font-semibold">
              {SEVERITY_STYLES[severity].plural} <span className="font-normal text-slate-500">({formatCount(ofSeverity.length)})</span>
            </h3>
            {ruleIds.map((ruleId) => {
              const rule = findRule(ruleId);
              const ofRule = ofSeverity.filter((f) => f.ruleId === ruleId);
              const remedy = ofRule[0].remedy;
              const waiver = ofRule[0].waiverId === null ? undefined : waivers?.get(ofRule[0].waiverId);
              return (
                <article
                  key={ruleId}
                  aria-labelledby={`rule-${severity}-${ruleId}`}
                  className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <SeverityBadge severity={severity} />
                    <h4 id={`rule-${severity}-${ruleId}`} className="text-sm font-semibold">
                      <Link href={`/rules/${ruleId}`} className="underline-offset-2 hover:underline">
                        {rule?.title ?? ruleId}
                      </Link>
                    </h4>
                    <code className="font-mono text-xs text-slate-500">{ruleId}</code>
                    {remedy ? <span className="text-xs text-slate-600">· {REMEDY_STYLES[remedy].hint}</span> : null}
                    {waiver ? (
                      <WaivedBadge waiver={waiver} />
                    ) : waiveHref && severity !== "info" ? (
                      <Link href={waiveHref(ruleId)} className="text-xs text-slate-600 underline underline-offset-2">
                        Waive…
                      </Link>
                    ) : null}
                  </div>
                  <ul className="flex flex-col gap-2 text-sm">
                    {ofRule.map((finding) => {
                      const line = lineOf.get(finding.id);
                      return (
                        <li key={finding.id} className="flex flex-col gap-0.5">
                          <span className="break-words">
                            <ExpandableText text={finding.message} />
                          </span>
                          <span className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                            <span>{finding.container ? `Container: ${finding.container}` : "Pod or workload level"}</span>
                            <span>
                              Field:{" "}
                              <code className="break-all font-mono">
                                <TruncatedText text={finding.path} max={200} />
                              </code>
                            </span>
                            {line ? (
                              <a href={`#manifest-line-${line}`} className="underline underline-offset-2">
                                Manifest line {line}
                              </a>
                            ) : null}
                          </span>
                          {items ? <RemediationItemStatus item={items.get(finding.fingerprint)} editable={editable} /> : null}
                        </li>
                      );
                    })}
                  </ul>
                  {rule ? (
                    <div className="flex flex-col gap-1 border-t border-slate-100 pt-3">
                      <h5 className="text-xs font-semibold uppercase tracking-wide text-slate-500">How to fix</h5>
                      <Markdown source={rule.remediation} />
                    </div>
                  ) : null}
                </article>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
