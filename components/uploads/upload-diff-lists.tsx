import Link from "next/link";
import { ReadinessBadge, SeverityBadge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { ExpandableText } from "@/components/ui/truncated-text";
import type { UploadChanges } from "@/lib/data/uploads";
import type { UploadDiffPage } from "@/lib/data/upload-diff";
import { formatCount, formatWorkloadIdentity } from "@/lib/format";
import { cn } from "@/lib/utils";
import type { UploadDiffList } from "@/lib/validations/uploads";

export const DIFF_LISTS: { list: UploadDiffList; label: string; count: keyof UploadChanges }[] = [
  { list: "new", label: "New findings", count: "newFindings" },
  { list: "regressed", label: "Regressed", count: "regressedFindings" },
  { list: "resolved", label: "Resolved", count: "resolvedFindings" },
  { list: "new-rule", label: "From new rules", count: "newRuleFindings" },
  { list: "new-workloads", label: "New workloads", count: "newWorkloads" },
  { list: "removed-workloads", label: "Removed workloads", count: "removedWorkloads" },
];

interface UploadDiffListsProps {
  uploadId: number;
  changes: UploadChanges;
  page: UploadDiffPage;
  pageNumber: number;
  perPage: number;
}

/** The rows behind the counts, one list and one page at a time (`?diff=…&diffPage=N`). */
export function UploadDiffLists({ uploadId, changes, page, pageNumber, perPage }: UploadDiffListsProps) {
  const current = DIFF_LISTS.find((entry) => entry.list === page.list) ?? DIFF_LISTS[0];
  const total = Number(changes[current.count] ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const href = (list: UploadDiffList, n = 1) => `/uploads/${uploadId}?${new URLSearchParams({ diff: list, diffPage: String(n) })}#changes`;
  const rows = "findings" in page ? page.findings.length : page.workloads.length;
  return (
    <section id="changes" aria-labelledby="diff-lists-title" className="flex flex-col gap-3">
      <h2 id="diff-lists-title" className="text-base font-semibold text-slate-900">
        What changed
      </h2>
      <nav aria-label="Lists of changes" className="flex flex-wrap gap-2">
        {DIFF_LISTS.map((entry) => (
          <Link
            key={entry.list}
            href={href(entry.list)}
            aria-current={entry.list === page.list ? "page" : undefined}
            className={cn(buttonClassName(entry.list === page.list ? "primary" : "secondary"), "px-2 py-1 text-xs")}
          >
            {entry.label} ({formatCount(Number(changes[entry.count] ?? 0))})
          </Link>
        ))}
      </nav>
      {rows === 0 ? (
        <p className="text-sm text-slate-600">
          {changes.previousUploadId === null && page.list !== "new-workloads" && page.list !== "new"
            ? "Nothing to compare: this is the first snapshot."
            : "None."}
        </p>
      ) : "findings" in page ? (
        <ul
          data-testid={`diff-list-${page.list}`}
          className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {page.findings.map((finding) => (
            <li key={finding.findingId} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-4 py-3 text-sm">
              <SeverityBadge severity={finding.severity} />
              <Link href={`/workloads/${finding.workloadId}`} className="min-w-0 break-all font-medium text-sky-700 hover:underline">
                {formatWorkloadIdentity(finding.identity)}
              </Link>
              <Link href={`/rules/${finding.ruleId}`} className="font-mono text-xs text-sky-700 hover:underline">
                {finding.ruleId}
              </Link>
              <span className="w-full min-w-0 break-words text-slate-600">
                <ExpandableText text={finding.message} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <ul
          data-testid={`diff-list-${page.list}`}
          className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {page.workloads.map((workload) => (
            <li key={workload.workloadId} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <ReadinessBadge readiness={workload.readiness} />
              <Link href={`/workloads/${workload.workloadId}`} className="min-w-0 break-all font-medium text-sky-700 hover:underline">
                {formatWorkloadIdentity(workload.identity)}
              </Link>
              {page.list === "removed-workloads" ? (
                <span className="text-xs text-slate-500">as in upload #{changes.previousUploadId}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Changes pagination" className="flex items-center justify-between text-sm text-slate-600">
          <span>
            page {formatCount(pageNumber)} of {formatCount(pageCount)}
          </span>
          <span className="flex gap-2">
            {pageNumber > 1 ? (
              <Link href={href(page.list, pageNumber - 1)} className={buttonClassName("secondary")}>
                Previous
              </Link>
            ) : null}
            {pageNumber < pageCount ? (
              <Link href={href(page.list, pageNumber + 1)} className={buttonClassName("secondary")}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </section>
  );
}
