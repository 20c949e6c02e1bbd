import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { getOverdueCounts } from "@/lib/data/remediation";
import { formatCount, formatCountOf } from "@/lib/format";

/** Remediation items past their due date and still open or in progress, with a link to the filtered table. */
export async function OverdueCard({ cluster }: { cluster: string | null }) {
  const { items, workloads } = await getOverdueCounts(cluster);
  const query = new URLSearchParams({ overdue: "1", ...(cluster ? { cluster } : {}) });
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3" aria-label="Overdue remediation items">
      <div className="flex flex-col gap-1">
        <CardTitle>Overdue remediation items</CardTitle>
        <p className="text-sm text-slate-600">
          <span className={items > 0 ? "text-2xl font-semibold text-blocked tabular-nums" : "text-2xl font-semibold tabular-nums"}>
            {formatCount(items)}
          </span>{" "}
          past their due date on {formatCountOf(workloads, "workload")}
        </p>
      </div>
      {items > 0 ? (
        <Link href={`/workloads?${query}`} className="text-sm font-medium underline underline-offset-2">
          Show overdue workloads
        </Link>
      ) : null}
    </Card>
  );
}
