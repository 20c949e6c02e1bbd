import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { workloadsHref } from "@/components/overview/workloads-href";
import { RevokeWaiverButton } from "@/components/waivers/revoke-waiver-button";
import { WaiverForm } from "@/components/waivers/waiver-form";
import { refreshExpiredWaivers } from "@/lib/data/tracking";
import { listWaivers, type WaiverListItem } from "@/lib/data/waivers";
import { WAIVER_STATUS_STYLES } from "@/lib/domain";
import { formatCount, formatCountOf, formatDateTime, formatExpiry } from "@/lib/format";
import { CATALOG, findRule } from "@/lib/rules/catalog";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Waivers" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PREFILL = ["ruleId", "workload", "cluster", "namespace", "team"] as const;

export default async function WaiversPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const now = new Date();
  await refreshExpiredWaivers(now);
  const { waivers, counts } = await listWaivers(now);
  const initial = Object.fromEntries(
    PREFILL.flatMap((key) => {
      const value = params[key];
      return typeof value === "string" && value.length <= 600 ? [[key, value]] : [];
    }),
  );
  const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  const used = waivers.filter((w) => w.status === "active" && w.findings > 0);
  const unused = waivers.filter((w) => w.status === "active" && w.findings === 0);

  return (
    <>
      <PageHeader
        title="Waivers"
        description="A waiver accepts one rule for a workload, namespace, team or cluster until its expiry: the findings stay listed, marked waived, but count against neither score, readiness nor migration path. Expired waivers stop applying by themselves; revoked ones are kept for the history."
      />
      <div className="flex flex-col gap-6">
        <Card className="flex flex-col gap-4">
          <CardTitle>New waiver</CardTitle>
          <WaiverForm rules={CATALOG.map((rule) => ({ id: rule.id, title: rule.title }))} initial={initial} minDate={tomorrow} />
        </Card>

        <p className="text-sm text-slate-600" aria-label="Waiver counts">
          {formatCountOf(counts.active, "active waiver")} ({formatCountOf(counts.unused, "unused waiver")}),{" "}
          {formatCountOf(counts.expired, "expired waiver")}, {formatCountOf(counts.revoked, "revoked waiver")}.
        </p>

        <WaiverSection title="Active" empty="No waiver in force covers a finding." waivers={used} revocable />
        <WaiverSection
          title="Unused"
          empty="Every waiver in force covers a finding."
          waivers={unused}
          note="In force, but no finding of a current snapshot falls in their scope."
          revocable
        />
        <WaiverSection title="Expired" empty="No waiver has expired." waivers={waivers.filter((w) => w.status === "expired")} />
        <WaiverSection title="Revoked" empty="No waiver has been revoked." waivers={waivers.filter((w) => w.status === "revoked")} />
      </div>
    </>
  );
}

function WaiverSection({
  title,
  empty,
  note,
  waivers,
  revocable = false,
}: {
  title: string;
  empty: string;
  note?: string;
  waivers: WaiverListItem[];
  revocable?: boolean;
}) {
  return (
    <PageSection title={`${title} (${formatCount(waivers.length)})`}>
      {note && waivers.length > 0 ? <p className="text-sm text-slate-600">{note}</p> : null}
      {waivers.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={`${title} waivers`}>
          {waivers.map((waiver) => (
            <WaiverItem key={waiver.id} waiver={waiver} revocable={revocable} />
          ))}
        </ul>
      )}
    </PageSection>
  );
}

function coverageHref(waiver: WaiverListItem): string {
  if (waiver.scopeKind === "workload" && waiver.sampleWorkloadId !== null) return `/workloads/${waiver.sampleWorkloadId}`;
  return workloadsHref({ rule: waiver.ruleId, cluster: waiver.cluster, namespace: waiver.namespace, team: waiver.team });
}

function WaiverItem({ waiver, revocable }: { waiver: WaiverListItem; revocable: boolean }) {
  const style = WAIVER_STATUS_STYLES[waiver.status];
  const rule = findRule(waiver.ruleId);
  return (
    <li
      id={`waiver-${waiver.id}`}
      aria-label={`Waiver #${waiver.id}`}
      className="flex scroll-mt-4 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 target:ring-2 target:ring-violet-400"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-slate-500">#{waiver.id}</span>
        <Badge className={cn(style.badge)}>{style.label}</Badge>
        <Link href={`/rules/${waiver.ruleId}`} className="text-sm font-semibold underline-offset-2 hover:underline">
          {rule?.title ?? waiver.ruleId}
        </Link>
        <code className="font-mono text-xs text-slate-500">{waiver.ruleId}</code>
        <span className="min-w-0 break-all text-sm text-slate-700">· {waiver.scope}</span>
        {revocable ? (
          <div className="ml-auto">
            <RevokeWaiverButton id={waiver.id} />
          </div>
        ) : null}
      </div>
      <p className="break-words text-sm">{waiver.reason}</p>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline">Approver: </dt>
          <dd className="inline break-all">{waiver.approver}</dd>
        </div>
        <div>
          <dt className="inline">{waiver.status === "expired" ? "Expired: " : "Applies: "}</dt>
          <dd className="inline">{waiver.status === "expired" ? formatDateTime(waiver.expiresAt) : formatExpiry(waiver.expiresAt)}</dd>
        </div>
        <div>
          <dt className="inline">Created: </dt>
          <dd className="inline break-all">
            {formatDateTime(waiver.createdAt)} by {waiver.createdBy}
          </dd>
        </div>
        {waiver.revokedAt ? (
          <div>
            <dt className="inline">Revoked: </dt>
            <dd className="inline">{formatDateTime(waiver.revokedAt)}</dd>
          </div>
        ) : null}
        {waiver.status === "active" ? (
          <div>
            <dt className="sr-only">Covers</dt>
            <dd className="inline">
              {waiver.findings === 0 ? (
                <span className="font-medium text-amber-800">Unused: covers no finding</span>
              ) : (
                <Link href={coverageHref(waiver)} className="font-medium underline underline-offset-2">
                  Covers {formatCountOf(waiver.findings, "finding")} on {formatCountOf(waiver.workloads, "workload")}
                </Link>
              )}
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
