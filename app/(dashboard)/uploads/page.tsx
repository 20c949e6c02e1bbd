import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { NoDataEmptyState } from "@/components/uploads/no-data-empty-state";
import { OlderCatalogNote } from "@/components/uploads/older-catalog-note";
import { UploadsTable } from "@/components/uploads/uploads-table";
import { getSnapshotsScoredByOlderCatalog, getUploads } from "@/lib/data/uploads";
import { uploadIdSchema, uploadsSearchParamsSchema } from "@/lib/validations/uploads";
import { formatCount, formatCountOf } from "@/lib/format";

export const metadata: Metadata = { title: "Uploads" };

const deletedNoticeSchema = uploadIdSchema;

export default async function UploadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const params = uploadsSearchParamsSchema.parse(query);
  const deleted = deletedNoticeSchema.safeParse(query.deleted);
  const [{ uploads, total, pageCount }, olderSnapshots] = await Promise.all([getUploads(params), getSnapshotsScoredByOlderCatalog()]);

  return (
    <>
      <PageHeader
        title="Uploads"
        description="Each upload is a snapshot of one cluster; the newest one of a cluster is its current state."
        actions={
          <Link href="/uploads/new" className={buttonClassName("primary")}>
            Upload inventory
          </Link>
        }
      />
      {deleted.success ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          Upload #{deleted.data} was deleted. Remediation items, waivers, owners and history were kept.
        </p>
      ) : null}
      {total === 0 ? (
        <NoDataEmptyState title="No uploads yet">
          <p>Upload a kubectl, docker inspect or Compose inventory, or start with the sample.</p>
        </NoDataEmptyState>
      ) : (
        <div className="flex flex-col gap-4">
          <OlderCatalogNote snapshots={olderSnapshots} />
          <UploadsTable uploads={uploads} />
          <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
            <span>
              {formatCountOf(total, "upload")} · page {Math.min(params.page, pageCount)} of {formatCount(pageCount)}
            </span>
            <span className="flex gap-2">
              {params.page > 1 ? (
                <Link href={`/uploads?page=${params.page - 1}&perPage=${params.perPage}`} className={buttonClassName("secondary")}>
                  Previous
                </Link>
              ) : null}
              {params.page < pageCount ? (
                <Link href={`/uploads?page=${params.page + 1}&perPage=${params.perPage}`} className={buttonClassName("secondary")}>
                  Next
                </Link>
              ) : null}
            </span>
          </nav>
        </div>
      )}
    </>
  );
}
