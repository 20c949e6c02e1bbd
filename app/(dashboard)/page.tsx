import type { Metadata } from "next";
import Link from "next/link";
import { BarList } from "@/components/charts/bar-list";
import { ReadinessBarChart } from "@/components/charts/stacked-bar-chart";
import { ClusterFilter } from "@/components/overview/cluster-filter";
import { OverdueCard } from "@/components/overview/overdue-card";
import { OverviewEmptyState } from "@/components/overview/overview-empty-state";
import { sortReadinessGroups } from "@/components/overview/readiness-sort";
import { MigrationPaths } from "@/components/overview/migration-paths";
import { BlockersByTeam, ClusterBurnDowns, TeamBurnDownChart } from "@/components/overview/progress-charts";
import { SizingImpact } from "@/components/overview/sizing-impact";
import { SummaryStats } from "@/components/overview/summary-stats";
import { workloadsHref } from "@/components/overview/workloads-href";
import { PageHeader } from "@/components/ui/page-header";
import { WaiversToggle } from "@/components/waivers/waivers-toggle";
import { OlderCatalogNote } from "@/components/uploads/older-catalog-note";
import { getOverview } from "@/lib/data/overview";
import { getBlockersByTeam, getClusterBurnDowns, getMigrationPathCounts, getTeamBurnDown } from "@/lib/data/progress";
import { getSnapshotsScoredByOlderCatalog } from "@/lib/data/uploads";
import { overviewSearchParamsSchema, type ReadinessChartSort } from "@/lib/validations/overview";
import { NONE_VALUE } from "@/lib/validations/workloads";
import { formatCount, formatCountOf } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

const NO_NAMESPACE_LABEL = "(no namespace)";
const SORT_LABELS: Record<ReadinessChartSort, string> = { blocked: "Blocked share", size: "Size", name: "Name" };
/** Burn-down charts without a cluster picked (clusters with a trend, i.e. two snapshots or more); the filter shows any one. */
const MAX_BURN_DOWNS = 4;

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

type Query = Record<string, string | string[] | undefined>;

/** The sort links of one chart: the page's query with that chart's sort replaced (the default is left out). */
function sortOptions(query: Query, param: "clusterSort" | "namespaceSort", current: ReadinessChartSort) {
  return (Object.keys(SORT_LABELS) as ReadinessChartSort[]).map((sort) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key === param || value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
    }
    if (sort !== "blocked") params.set(param, sort);
    const search = params.toString();
    return { label: SORT_LABELS[sort], href: search ? `/?${search}` : "/", isCurrent: sort === current };
  });
}

export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  const query = await searchParams;
  const { cluster, waivers, clusterSort, namespaceSort } = overviewSearchParamsSchema.parse(query);
  const [overview, olderSnapshots, paths, blockersByTeam, burnDowns, teamBurnDown] = await Promise.all([
    getOverview({ cluster, withoutWaivers: waivers === "off" }),
    getSnapshotsScoredByOlderCatalog(),
    getMigrationPathCounts(cluster ?? null),
    getBlockersByTeam(cluster ?? null),
    getClusterBurnDowns(cluster ?? null),
    // Per team reads workload rows of several uploads: one cluster at a time.
    cluster ? getTeamBurnDown(cluster) : null,
  ]);

  if (overview.clusters.length === 0) {
    return (
      <>
        <PageHeader title="Overview" description="Which workloads can move to Kata Containers, and what blocks the rest." />
        <OverviewEmptyState />
      </>
    );
  }

  const { totals } = overview;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Overview"
        description={
          overview.cluster ? (
            <>
              Current state of cluster <strong className="font-semibold text-slate-800">{overview.cluster}</strong>.
            </>
          ) : (
            `Current state of ${formatCountOf(overview.clusters.length, "cluster")}: the newest upload of each.`
          )
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <WaiversToggle pathname="/" query={query} mode={waivers} />
            <ClusterFilter clusters={overview.clusters} selected={overview.cluster} />
          </div>
        }
      />

      {overview.cluster && totals.total === 0 ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          No current workloads in cluster “{overview.cluster}”.{" "}
          <Link href="/" className="font-medium underline">
            Show all clusters
          </Link>
        </p>
      ) : null}

      <OlderCatalogNote snapshots={overview.cluster ? olderSnapshots.filter((s) => s.cluster === overview.cluster) : olderSnapshots} />

      <MigrationPaths counts={paths} />

      <SummaryStats totals={totals} cluster={overview.cluster} />
      <OverdueCard cluster={overview.cluster} />

      <div className="grid gap-6 xl:grid-cols-2">
        <BlockersByTeam teams={blockersByTeam.teams} otherTeams={blockersByTeam.otherTeams} cluster={overview.cluster} />
        {overview.cluster && teamBurnDown ? <TeamBurnDownChart cluster={overview.cluster} burnDown={teamBurnDown} /> : null}
        <ClusterBurnDowns
          burnDowns={overview.cluster ? burnDowns : burnDowns.filter((burn) => burn.points.length >= 2).slice(0, MAX_BURN_DOWNS)}
        />
      </div>
      {overview.cluster ? null : <p className="-mt-3 text-xs text-slate-500">Pick a cluster above to see its progress per team.</p>}

      <div className="grid gap-6 xl:grid-cols-2">
        <ReadinessBarChart
          title="Readiness by cluster"
          description="Share of each cluster's current workloads by readiness"
          sortOptions={sortOptions(query, "clusterSort", clusterSort)}
          rows={sortReadinessGroups(overview.byCluster, clusterSort).map((group) => ({
            ...group,
            href: `/?cluster=${encodeURIComponent(group.label)}`,
          }))}
        />
        <ReadinessBarChart
          title="Readiness by namespace"
          description={
            overview.cluster ? "The namespaces with the most workloads" : "The namespaces with the most workloads, each in its cluster"
          }
          sortOptions={sortOptions(query, "namespaceSort", namespaceSort)}
          rows={sortReadinessGroups(overview.byNamespace, namespaceSort).map((group) => {
            // Docker containers have no namespace; with one cluster picked its name goes without saying.
            const namespace = group.namespace === "" ? NO_NAMESPACE_LABEL : group.namespace;
            return {
              ...group,
              label: overview.cluster ? namespace : `${group.cluster}/${namespace}`,
              href: workloadsHref({ cluster: group.cluster, namespace: group.namespace === "" ? NONE_VALUE : group.namespace }),
            };
          })}
          footer={overview.otherNamespaces > 0 ? `${formatCount(overview.otherNamespaces)} more namespaces not shown.` : undefined}
        />
        <BarList
          title="Rules blocking the most workloads"
          description="Distinct current workloads with a blocker finding of the rule"
          valueLabel="Blocked workloads"
          items={overview.topBlockingRules.map((rule) => ({
            key: rule.ruleId,
            label: rule.title,
            value: rule.workloads,
            href: `/rules/${rule.ruleId}`,
            secondaryHref: workloadsHref({ cluster: overview.cluster, rule: rule.ruleId }),
            secondaryLabel: "Workloads",
          }))}
          empty="No blockers: nothing stops these workloads from moving."
        />
        <BarList
          title="Warnings holding back the most workloads"
          description="Workloads that need changes (not blocked) with a warning of the rule: fixing it moves them towards ready"
          valueLabel="Workloads that need changes"
          barClassName="bg-amber-100"
          items={overview.topWarningRules.map((rule) => ({
            key: rule.ruleId,
            label: rule.title,
            value: rule.workloads,
            href: `/rules/${rule.ruleId}`,
            secondaryHref: workloadsHref({ cluster: overview.cluster, readiness: "needs-changes", rule: rule.ruleId }),
            secondaryLabel: "Workloads",
          }))}
          empty="No workload waits only on warnings."
        />
      </div>

      <SizingImpact sizing={overview.sizing} migrated={totals.migrated} />
    </div>
  );
}
