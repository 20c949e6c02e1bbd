import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, SeverityBadge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DownloadMenu } from "@/components/exports/download-menu";
import { PageSection } from "@/components/ui/page-section";
import { ExpandableText, TruncatedText } from "@/components/ui/truncated-text";
import { formatCount, formatCountOf, formatDateTime } from "@/lib/format";
import { UploadChanges } from "@/components/uploads/upload-changes";
import { UploadCounts } from "@/components/uploads/upload-counts";
import { RescoreButton } from "@/components/uploads/rescore-button";
import { UploadFilesTable } from "@/components/uploads/upload-files-table";
import { DeleteUploadButton } from "@/components/uploads/delete-upload-button";
import { UploadDiffLists } from "@/components/uploads/upload-diff-lists";
import { getUpload } from "@/lib/data/uploads";
import { getUploadDiffPage } from "@/lib/data/upload-diff";
import { CATALOG_VERSION, rulesNewerThan } from "@/lib/rules/catalog";
import { findProfile } from "@/lib/scoring/profiles";
import {
  UPLOAD_DIFF_PER_PAGE,
  UPLOAD_FILES_PER_PAGE,
  uploadDiffSearchParamsSchema,
  uploadFilesSearchParamsSchema,
  uploadIdSchema,
} from "@/lib/validations/uploads";

interface UploadPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: UploadPageProps): Promise<Metadata> {
  const { id } = await params;
  return { title: `Upload #${id}` };
}

export default async function UploadPage({ params, searchParams }: UploadPageProps) {
  const id = uploadIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const query = await searchParams;
  const { files: filesPage } = uploadFilesSearchParamsSchema.parse(query);
  const { diff, diffPage } = uploadDiffSearchParamsSchema.parse(query);
  const upload = await getUpload(id.data, filesPage, UPLOAD_FILES_PER_PAGE);
  if (!upload) notFound();
  const changes = await getUploadDiffPage(
    upload.id,
    upload.changes.previousUploadId,
    diff,
    (diffPage - 1) * UPLOAD_DIFF_PER_PAGE,
    UPLOAD_DIFF_PER_PAGE,
  );

  const profile = findProfile(upload.target);
  const workloadsHref = `/workloads?${new URLSearchParams({ cluster: upload.cluster })}`;
  const olderCatalog = upload.catalogVersion !== CATALOG_VERSION;
  const newRules = olderCatalog ? rulesNewerThan(upload.catalogVersion) : [];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Upload #${upload.id} · ${upload.cluster}`}
        description={
          <>
            Uploaded <time dateTime={upload.createdAt.toISOString()}>{formatDateTime(upload.createdAt)}</time>
            {upload.isCurrent ? " · the cluster's current snapshot" : " · replaced by a newer upload of this cluster"}
          </>
        }
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <DownloadMenu href={`/api/exports/uploads/${upload.id}`} label="Download snapshot" />
            {/* The workloads page shows each cluster's current snapshot only. */}
            <Link href={workloadsHref} className={buttonClassName(upload.isCurrent ? "primary" : "secondary")}>
              {upload.isCurrent ? `View ${upload.cluster} workloads` : `View current ${upload.cluster} workloads`}
            </Link>
            <DeleteUploadButton uploadId={upload.id} isCurrent={upload.isCurrent} />
          </div>
        }
      />

      <UploadCounts counts={upload} />

      <UploadChanges changes={upload.changes} />

      <UploadDiffLists uploadId={upload.id} changes={upload.changes} page={changes} pageNumber={diffPage} perPage={UPLOAD_DIFF_PER_PAGE} />

      <Card className="flex flex-col gap-3">
        <CardTitle>Assessment</CardTitle>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">Target profile</dt>
          <dd>
            {profile ? `${profile.title} ` : null}
            <span className="font-mono text-xs">({upload.target})</span>
          </dd>
          <dt className="text-slate-500">Rule catalog version</dt>
          <dd>
            <span data-testid="upload-catalog-version" className="font-mono text-xs">
              v{upload.catalogVersion}
            </span>
            {olderCatalog ? (
              <span className="text-slate-600">
                {" "}
                · scored before the running catalog v{CATALOG_VERSION}: newer rules are not in these results
              </span>
            ) : null}
          </dd>
          <dt className="text-slate-500">Score formula</dt>
          <dd className="font-mono text-xs">{upload.scoreFormula}</dd>
          <dt className="text-slate-500">Content sha256</dt>
          <dd className="break-all font-mono text-xs">{upload.contentSha256}</dd>
        </dl>
        {newRules.length > 0 ? (
          <p className="text-sm text-slate-600">
            Rules the running catalog adds since v{upload.catalogVersion}, not evaluated on this upload:{" "}
            {newRules.map((rule, index) => (
              <span key={rule.id}>
                {index > 0 ? ", " : null}
                <Link href={`/rules/${rule.id}`} className="font-mono text-xs text-sky-700 hover:underline">
                  {rule.id}
                </Link>
              </span>
            ))}
            .
          </p>
        ) : null}
        {upload.inventoryContextStored ? null : (
          <p className="text-sm text-slate-600">
            This upload was stored without its inventory context (ConfigMaps, RuntimeClasses, Nodes, claims, engines). Re-scoring
            re-evaluates the workload rules only, without those objects; inventory-level rules could not be re-evaluated and their findings
            stay as first scored.
          </p>
        )}
        <RescoreButton uploadId={upload.id} catalogVersion={CATALOG_VERSION} needed={olderCatalog} />
      </Card>

      <PageSection title="Files">
        <UploadFilesTable files={upload.files} />
        {upload.filesPageCount > 1 ? (
          <nav aria-label="Files pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
            <span>
              {formatCountOf(upload.fileCount, "file")} · page {formatCount(upload.filesPage)} of {formatCount(upload.filesPageCount)}
            </span>
            <span className="flex gap-2">
              {upload.filesPage > 1 ? (
                <Link href={`/uploads/${upload.id}?files=${upload.filesPage - 1}`} className={buttonClassName("secondary")}>
                  Previous files
                </Link>
              ) : null}
              {upload.filesPage < upload.filesPageCount ? (
                <Link href={`/uploads/${upload.id}?files=${upload.filesPage + 1}`} className={buttonClassName("secondary")}>
                  Next files
                </Link>
              ) : null}
            </span>
          </nav>
        ) : null}
      </PageSection>

      <PageSection title="Inventory findings">
        {upload.inventoryFindings.length === 0 ? (
          <p className="text-sm text-slate-600">No findings on the engine, RuntimeClasses or Nodes of this inventory.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {upload.inventoryFindings.map((finding) => (
              <li key={finding.id} className="flex flex-wrap items-start gap-3 px-4 py-3 text-sm">
                <SeverityBadge severity={finding.severity} />
                <Link href={`/rules/${finding.ruleId}`} className="font-mono text-xs text-sky-700 hover:underline">
                  {finding.ruleId}
                </Link>
                <span className="min-w-0 flex-1 break-words">
                  <ExpandableText text={finding.message} />
                </span>
                <Badge>
                  <TruncatedText text={finding.source} max={60} />
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
    </div>
  );
}
