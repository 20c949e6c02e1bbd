import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, SeverityBadge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DownloadMenu } from "@/components/exports/download-menu";
import { PageSection } from "@/components/ui/page-section";
import { formatDateTime } from "@/components/uploads/format";
import { UploadCounts } from "@/components/uploads/upload-counts";
import { UploadFilesTable } from "@/components/uploads/upload-files-table";
import { getUpload } from "@/lib/data/uploads";
import { findProfile } from "@/lib/scoring/profiles";
import { uploadIdSchema } from "@/lib/validations/uploads";

interface UploadPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: UploadPageProps): Promise<Metadata> {
  const { id } = await params;
  return { title: `Upload #${id}` };
}

export default async function UploadPage({ params }: UploadPageProps) {
  const id = uploadIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const upload = await getUpload(id.data);
  if (!upload) notFound();

  const profile = findProfile(upload.target);
  const workloadsHref = `/workloads?${new URLSearchParams({ cluster: upload.cluster })}`;

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
          <>
            <DownloadMenu href={`/api/exports/uploads/${upload.id}`} label="Download snapshot" />
            {/* The workloads page shows each cluster's current snapshot only. */}
            <Link href={workloadsHref} className={buttonClassName(upload.isCurrent ? "primary" : "secondary")}>
              {upload.isCurrent ? `View ${upload.cluster} workloads` : `View current ${upload.cluster} workloads`}
            </Link>
          </>
        }
      />

      <UploadCounts counts={upload} />

      <Card className="flex flex-col gap-3">
        <CardTitle>Assessment</CardTitle>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">Target profile</dt>
          <dd>
            {profile ? `${profile.title} ` : null}
            <span className="font-mono text-xs">({upload.target})</span>
          </dd>
          <dt className="text-slate-500">Rule catalog version</dt>
          <dd className="font-mono text-xs">{upload.catalogVersion}</dd>
          <dt className="text-slate-500">Score formula</dt>
          <dd className="font-mono text-xs">{upload.scoreFormula}</dd>
          <dt className="text-slate-500">Content sha256</dt>
          <dd className="break-all font-mono text-xs">{upload.contentSha256}</dd>
        </dl>
      </Card>

      <PageSection title="Files">
        <UploadFilesTable files={upload.files} />
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
                <span className="min-w-0 flex-1">{finding.message}</span>
                <Badge>{finding.source}</Badge>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
    </div>
  );
}
