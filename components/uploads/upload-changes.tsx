import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import type { UploadChanges as Changes } from "@/lib/data/uploads";
import { formatCount } from "@/lib/format";
import { cn } from "@/lib/utils";

const ITEMS = [
  { key: "newFindings", label: "New findings", tone: "text-red-700" },
  { key: "regressedFindings", label: "Regressed", tone: "text-red-700" },
  { key: "resolvedFindings", label: "Resolved", tone: "text-green-700" },
  { key: "newRuleFindings", label: "From new rules", tone: "text-slate-900" },
  { key: "unchangedFindings", label: "Unchanged", tone: "text-slate-900" },
  { key: "newWorkloads", label: "New workloads", tone: "text-slate-900" },
  { key: "removedWorkloads", label: "Removed workloads", tone: "text-slate-900" },
] as const;

/** The diff against the previous upload of the same cluster and target profile. */
export function UploadChanges({ changes }: { changes: Changes }) {
  return (
    <Card className="flex flex-col gap-3" aria-labelledby="upload-changes-title">
      <CardTitle id="upload-changes-title">
        {changes.previousUploadId === null ? (
          "Changes: first snapshot of this cluster and target"
        ) : (
          <>
            Changes since{" "}
            <Link href={`/uploads/${changes.previousUploadId}`} className="text-sky-700 hover:underline">
              upload #{changes.previousUploadId}
            </Link>
          </>
        )}
      </CardTitle>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {ITEMS.map((item) => (
          <div key={item.key} className="flex flex-col gap-1">
            <dt className="text-xs font-medium text-slate-500">{item.label}</dt>
            {/* A zero is not news: it stays plain. */}
            <dd
              className={cn("text-xl font-semibold tabular-nums", changes[item.key] > 0 ? item.tone : "text-slate-400")}
              data-testid={`change-${item.key}`}
            >
              {formatCount(changes[item.key])}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
