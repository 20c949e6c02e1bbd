import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown, InlineMarkdown } from "@/components/markdown";
import { workloadsHref } from "@/components/overview/workloads-href";
import { AffectedClustersTable } from "@/components/rules/affected-clusters-table";
import { AffectedWorkloadsTable } from "@/components/rules/affected-workloads-table";
import { formatRemedy } from "@/lib/domain";
import { RuleScope } from "@/components/rules/rule-scope";
import { RuleSection } from "@/components/rules/rule-section";
import { SeverityBadge } from "@/components/ui/badge";
import { DownloadMenu } from "@/components/exports/download-menu";
import { getRulePage } from "@/lib/data/rules";
import { findRule } from "@/lib/rules/catalog";
import { formatCount, formatCountOf } from "@/lib/format";

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

interface RulePageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: RulePageProps): Promise<Metadata> {
  const { id } = await params;
  const rule = findRule(id);
  return { title: rule ? `${rule.title} (${rule.id})` : "Rule not found" };
}

export default async function RulePage({ params }: RulePageProps) {
  const { id } = await params;
  const data = await getRulePage(id);
  if (!data) notFound();
  const { rule, workloads, clusters } = data;
  const allWorkloadsHref = workloadsHref({ rule: rule.id });

  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/rules" className="hover:text-blue-700 hover:underline">
          Rules
        </Link>{" "}
        / <span className="font-mono">{rule.id}</span>
      </nav>

      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{rule.title}</h1>
          <SeverityBadge severity={rule.severity} />
        </div>
        <p className="text-slate-700">
          <InlineMarkdown source={rule.summary} />
        </p>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div className="flex flex-col gap-0.5">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Id</dt>
            <dd className="font-mono">{rule.id}</dd>
          </div>
          <div className="flex flex-col gap-0.5">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Remedy</dt>
            <dd>{formatRemedy(rule.remedy)}</dd>
          </div>
          <div className="flex flex-col gap-0.5">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Scope</dt>
            <dd>
              <RuleScope rule={rule} />
            </dd>
          </div>
          <div className="flex flex-col gap-0.5">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Affected now</dt>
            <dd data-testid="rule-affected-count">
              {rule.scope === "inventory"
                ? formatCountOf(rule.affectedClusters, "cluster")
                : formatCountOf(rule.affectedWorkloads, "workload")}
            </dd>
          </div>
        </dl>
        {rule.scope === "declared" ? (
          <p className="text-sm text-slate-600">
            Not visible in a manifest: teams declare it with the annotation{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">kata-readiness.io/requires: &quot;{rule.id}&quot;</code>.
          </p>
        ) : null}
      </header>

      <RuleSection id="rule-why" title="Why it breaks under Kata">
        <Markdown source={rule.why} />
      </RuleSection>

      <RuleSection id="rule-remediation" title="Remediation">
        <Markdown source={rule.remediation} />
      </RuleSection>

      {rule.scope === "inventory" ? (
        <RuleSection id="rule-affected" title="Affected clusters">
          {clusters.length === 0 ? (
            <p className="text-sm text-slate-600">No cluster&apos;s current upload has this finding.</p>
          ) : (
            <AffectedClustersTable clusters={clusters} />
          )}
        </RuleSection>
      ) : (
        <RuleSection
          id="rule-affected"
          title="Affected workloads"
          actions={
            rule.affectedWorkloads > 0 ? (
              <div className="flex items-center gap-3">
                <Link href={allWorkloadsHref} className="text-sm font-medium text-blue-700 hover:underline">
                  View all {formatCount(rule.affectedWorkloads)} affected workloads
                </Link>
                <DownloadMenu href={`/api/exports/rules/${encodeURIComponent(rule.id)}`} />
              </div>
            ) : null
          }
        >
          {workloads.length === 0 ? (
            <p className="text-sm text-slate-600">No current workload has this finding.</p>
          ) : (
            <>
              <AffectedWorkloadsTable workloads={workloads} />
              {rule.affectedWorkloads > workloads.length ? (
                <p className="text-sm text-slate-600">
                  Showing the {workloads.length} lowest-scoring of {formatCount(rule.affectedWorkloads)}.{" "}
                  <Link href={allWorkloadsHref} className="font-medium text-blue-700 hover:underline">
                    See them all in the workloads table
                  </Link>
                  .
                </p>
              ) : null}
            </>
          )}
        </RuleSection>
      )}

      <RuleSection id="rule-sources" title="Sources">
        {rule.references.length === 0 ? (
          <p className="text-sm text-slate-600">No external sources.</p>
        ) : (
          <ul className="flex list-disc flex-col gap-1.5 pl-5 text-sm">
            {rule.references.map((reference) => (
              <li key={reference.url}>
                <a
                  href={reference.url}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="text-blue-700 underline underline-offset-2 hover:text-blue-900"
                >
                  {reference.title}
                </a>
                <span className="ml-2 break-all text-xs text-slate-500">{hostOf(reference.url)}</span>
              </li>
            ))}
          </ul>
        )}
      </RuleSection>
    </div>
  );
}
