import type { Metadata } from "next";
import Link from "next/link";
import { ExpandableText, TruncatedText } from "@/components/ui/truncated-text";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card, CardTitle } from "@/components/ui/card";
import { PageSection } from "@/components/ui/page-section";
import { ManifestView, type ManifestMark } from "@/components/workloads/manifest-view";
import { ScoreBar } from "@/components/workloads/score-bar";
import { WorkloadVerdict } from "@/components/workloads/workload-verdict";
import { ScoreBreakdown } from "@/components/workloads/score-breakdown";
import { SizingSummary } from "@/components/workloads/sizing-summary";
import { SuggestedChanges } from "@/components/workloads/suggested-changes";
import { WorkloadFindings } from "@/components/workloads/workload-findings";
import { AuditHistory } from "@/components/workloads/audit-history";
import { DeclaredRequirements } from "@/components/workloads/declared-requirements";
import { getDeclaredStates } from "@/lib/data/declared";
import { getRemediationItems, getResolvedItems, getWorkloadHistory } from "@/lib/data/remediation";
import { WorkloadOwnerForm } from "@/components/workloads/workload-owner-form";
import { getWorkloadOwnerOverride } from "@/lib/data/owners";
import { getWorkload } from "@/lib/data/workloads";
import { isRemediationStatus, labelOfTerm, REMEDIATION_STATUS_STYLES } from "@/lib/domain";
import { formatDateTime, formatKind, formatWorkloadIdentity } from "@/lib/format";
import { suggestChanges } from "@/lib/remediation/suggest";
import { findPathLine, mapPathsToLines, renderYaml } from "@/lib/remediation/yaml";
import { wrapInPrefix } from "@/lib/remediation/path";
import { findRule } from "@/lib/rules/catalog";
import { isRuleId, type RuleId } from "@/lib/rules/ids";
import { assessWorkload } from "@/lib/scoring/assess";
import { DEFAULT_PROFILE_ID, findProfile } from "@/lib/scoring/profiles";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

interface WorkloadPageProps {
  params: Promise<{ id: string }>;
}

async function loadWorkload(rawId: string) {
  const id = idSchema.safeParse(rawId);
  if (!id.success) notFound();
  const workload = await getWorkload(id.data);
  if (!workload) notFound();
  return workload;
}

export async function generateMetadata({ params }: WorkloadPageProps): Promise<Metadata> {
  const id = idSchema.safeParse((await params).id);
  const workload = id.success ? await getWorkload(id.data) : null;
  return { title: workload ? `${workload.name} (${formatKind(workload.kind)})` : "Workload not found" };
}

export default async function WorkloadPage({ params }: WorkloadPageProps) {
  const workload = await loadWorkload((await params).id);
  const ownerOverride = workload.isCurrent ? await getWorkloadOwnerOverride(workload.clusterName, workload.identity) : null;
  // Findings of a rule this catalog no longer has are listed, but neither scored nor patched.
  const catalogFindings = workload.findings.filter((finding): finding is typeof finding & { ruleId: RuleId } => isRuleId(finding.ruleId));
  const assessment = assessWorkload(catalogFindings, new Set(workload.findings.flatMap((f) => (f.waiverId === null ? [] : [f.ruleId]))));
  const profile = findProfile(workload.upload.target);
  const runtimeClassName = profile?.id ?? DEFAULT_PROFILE_ID;

  const spec = workload.spec;
  const yaml = spec ? renderYaml(wrapInPrefix(spec.object, spec.pathPrefix)) : null;
  const lines = yaml ? mapPathsToLines(yaml) : new Map<string, number>();
  const lineOf = new Map<number, number>();
  const marks: ManifestMark[] = [];
  for (const finding of workload.findings) {
    const hit = findPathLine(lines, finding.path);
    if (!hit) continue;
    lineOf.set(finding.id, hit.line);
    marks.push({
      line: hit.line,
      severity: finding.severity,
      label: `${findRule(finding.ruleId)?.title ?? finding.ruleId}${finding.container ? ` (${finding.container})` : ""}`,
      isExact: hit.exact,
    });
  }
  const [items, resolved, history, declared] = await Promise.all([
    getRemediationItems(
      workload.clusterName,
      workload.findings.map((f) => f.fingerprint),
    ),
    getResolvedItems(workload.clusterName, workload.identity),
    getWorkloadHistory(workload.clusterName, workload.identity),
    getDeclaredStates(workload.clusterName, workload.identity, workload.findings),
  ]);
  const plan = spec ? suggestChanges(spec, catalogFindings, { runtimeClassName }) : null;

  const identity: Array<[string, React.ReactNode]> = [
    ["Cluster", workload.clusterName],
    [workload.platform === "compose" ? "Compose project" : "Namespace", workload.namespace || "—"],
    ["Kind", formatKind(workload.kind)],
    [
      "Name",
      <span key="name" className="break-all">
        {workload.name}
      </span>,
    ],
    ["Team", workload.team ? <ExpandableText key="team" text={workload.team} max={100} /> : "—"],
    ["Platform", labelOfTerm(workload.platform)],
    [
      "Source file",
      <code key="source" className="break-all font-mono text-xs">
        <ExpandableText text={workload.source} max={200} />
      </code>,
    ],
    [
      "Upload",
      <Link key="upload" href={`/uploads/${workload.upload.id}`} className="underline underline-offset-2">
        #{workload.upload.id} · {formatDateTime(workload.upload.createdAt)}
      </Link>,
    ],
  ];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link href="/workloads" className="underline-offset-2 hover:underline">
          Workloads
        </Link>{" "}
        / <TruncatedText text={workload.name} max={80} />
      </nav>
      <header className="mb-6 flex flex-col gap-4">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="break-words text-2xl font-semibold tracking-tight">{workload.name}</h1>
          <p className="text-sm text-slate-600">
            {formatKind(workload.kind)} · <code className="break-all font-mono text-xs">{formatWorkloadIdentity(workload.identity)}</code>
          </p>
        </div>
        <WorkloadVerdict
          readiness={workload.readiness}
          migrationPath={workload.migrationPath}
          blockers={assessment.counts.blocker}
          warnings={assessment.counts.warning}
          score={workload.score}
          migrated={workload.migrated}
          isCurrent={workload.isCurrent}
        />
      </header>

      <div className="flex flex-col gap-6">
        <div className="grid gap-4 lg:grid-cols-3 [&>*]:min-w-0">
          <Card className="flex flex-col gap-3">
            <CardTitle>Workload</CardTitle>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              {identity.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="min-w-0 break-words">{value}</dd>
                </div>
              ))}
            </dl>
            {workload.isCurrent ? (
              <WorkloadOwnerForm workloadId={workload.id} team={ownerOverride?.team ?? null} owner={ownerOverride?.owner ?? null} />
            ) : null}
          </Card>
          <Card className="flex flex-col gap-3">
            <CardTitle>Sizing under Kata</CardTitle>
            <SizingSummary sizing={workload.sizing} target={workload.upload.target} />
          </Card>
          <Card className="flex flex-col gap-3">
            <CardTitle>Score breakdown</CardTitle>
            <div className="flex items-center gap-3">
              <span className="text-2xl font-semibold tabular-nums">{workload.score}</span>
              <span className="text-sm text-slate-500">/ 100</span>
              <ScoreBar score={workload.score} readiness={workload.readiness} showValue={false} className="ml-auto" />
            </div>
            <ScoreBreakdown breakdown={assessment.breakdown} waivers={[...workload.waivers.values()]} />
            {assessment.score !== workload.score ? (
              <p className="text-xs text-amber-800">
                The stored score ({workload.score}) was computed by formula {workload.upload.scoreFormula}; these findings give{" "}
                {assessment.score} today.
              </p>
            ) : null}
          </Card>
        </div>

        <PageSection title="Findings">
          <WorkloadFindings
            findings={workload.findings}
            lineOf={lineOf}
            items={items}
            editable={workload.isCurrent}
            waivers={workload.waivers}
            waiveHref={
              workload.isCurrent ? (ruleId) => `/waivers?${new URLSearchParams({ ruleId, workload: workload.identity })}` : undefined
            }
          />
        </PageSection>

        {plan ? (
          <PageSection title="Suggested changes">
            <SuggestedChanges plan={plan} workload={workload} />
          </PageSection>
        ) : null}

        {resolved.length > 0 ? (
          <PageSection title="Resolved findings">
            <ul className="flex flex-col gap-1 text-sm">
              {resolved.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-2">
                  <code className="font-mono text-xs">{item.ruleId}</code>
                  <span className="text-slate-600">
                    {item.status === "fixed"
                      ? `fixed, verified by upload #${item.resolvedInUploadId}`
                      : `gone since upload #${item.resolvedInUploadId} (${isRemediationStatus(item.status) ? REMEDIATION_STATUS_STYLES[item.status].label : item.status})`}
                  </span>
                </li>
              ))}
            </ul>
          </PageSection>
        ) : null}

        <PageSection title="Declared requirements">
          <p className="text-sm text-slate-600">
            Needs a manifest cannot show. Declared here they become findings like the{" "}
            <code className="font-mono text-xs">kata-readiness.io/requires</code> annotation&apos;s, and stay declared in later uploads.
          </p>
          <DeclaredRequirements workloadId={workload.id} states={declared} editable={workload.isCurrent} />
        </PageSection>

        <PageSection title="History">
          <AuditHistory events={history} />
        </PageSection>

        <PageSection title="Manifest">
          {yaml ? (
            <>
              <p className="text-sm text-slate-600">The object as read from the inventory; fields with findings are marked.</p>
              <ManifestView yaml={yaml} marks={marks} />
            </>
          ) : (
            <p className="text-sm text-slate-600">The stored manifest could not be read.</p>
          )}
        </PageSection>
      </div>
    </>
  );
}
