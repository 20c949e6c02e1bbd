import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RemediationPlan } from "@/lib/remediation/suggest";
import { buttonClassName } from "@/components/ui/button";
import { DiffView } from "./diff-view";
import { patchFileName, textDataUrl } from "./patch-files";

export interface SuggestedChangesProps {
  plan: RemediationPlan;
  /** Names the downloads. */
  workload: { clusterName: string; namespace: string; name: string };
}

export function SuggestedChanges({ plan, workload }: SuggestedChangesProps) {
  if (plan.changes.length === 0) {
    return <p className="text-sm text-slate-600">No mechanical manifest change applies; follow the remediation of each finding above.</p>;
  }
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <a
          href={textDataUrl(plan.diff, "text/x-diff")}
          download={patchFileName(workload, "patch")}
          className={buttonClassName("secondary")}
        >
          Download patch
        </a>
        <a
          href={textDataUrl(plan.after, "application/yaml")}
          download={patchFileName(workload, "yaml")}
          className={buttonClassName("secondary")}
        >
          Download changed manifest
        </a>
        <span className="text-xs text-slate-500">
          All changes below together: a unified diff of the manifest as shown, or the whole manifest with them.
        </span>
      </div>
      {plan.changes.map((change) => (
        <article key={change.id} aria-labelledby={`change-${change.id}`} className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={`change-${change.id}`} className="text-sm font-semibold">
              {change.title}
            </h3>
            {change.ruleIds.map((ruleId) => (
              <Link key={ruleId} href={`/rules/${ruleId}`} className="font-mono text-xs text-slate-600 underline-offset-2 hover:underline">
                {ruleId}
              </Link>
            ))}
            {change.hasPlaceholders ? <Badge className="bg-amber-50 text-amber-800 ring-amber-600/30">Has placeholder values</Badge> : null}
          </div>
          <p className="text-sm text-slate-700">{change.explanation}</p>
          {change.caveats.length > 0 ? (
            <ul className="list-disc pl-5 text-sm text-slate-600">
              {change.caveats.map((caveat) => (
                <li key={caveat}>{caveat}</li>
              ))}
            </ul>
          ) : null}
          <DiffView diff={change.diff} label={`Diff: ${change.title}`} />
        </article>
      ))}
      {plan.changes.length > 1 ? (
        <details className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <summary className="cursor-pointer text-sm font-medium">All changes together</summary>
          <div className="mt-3">
            <DiffView diff={plan.diff} label="Diff: all suggested changes" />
          </div>
        </details>
      ) : null}
    </div>
  );
}
