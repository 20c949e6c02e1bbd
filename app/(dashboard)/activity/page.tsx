import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { AuditHistory } from "@/components/workloads/audit-history";
import { getActivity } from "@/lib/data/remediation";
import { formatCount, formatCountOf } from "@/lib/format";

export const metadata: Metadata = { title: "Activity" };

const PER_PAGE = 50;
const paramsSchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1) });

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { page } = paramsSchema.parse(await searchParams);
  const { events, total, pageCount } = await getActivity(page, PER_PAGE);
  return (
    <>
      <PageHeader
        title="Activity"
        description="Every recorded change, newest first: edits in the dashboard and what uploads closed or reopened."
      />
      <div className="flex flex-col gap-4">
        <AuditHistory events={events} showWorkload />
        <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
          <span>
            {formatCountOf(total, "change")} · page {Math.min(page, pageCount)} of {formatCount(pageCount)}
          </span>
          <span className="flex gap-2">
            {page > 1 ? (
              <Link href={`/activity?page=${Math.min(page, pageCount) - 1}`} className={buttonClassName("secondary")}>
                Previous
              </Link>
            ) : null}
            {page < pageCount ? (
              <Link href={`/activity?page=${page + 1}`} className={buttonClassName("secondary")}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      </div>
    </>
  );
}
