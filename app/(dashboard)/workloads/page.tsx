import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { DownloadMenu } from "@/components/exports/download-menu";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { NoDataEmptyState } from "@/components/uploads/no-data-empty-state";
import { WorkloadsTable } from "@/components/workloads/workloads-table";
import { WaiversToggle } from "@/components/waivers/waivers-toggle";
import { WorkloadsTableToolbar, type FilterLabels, type LabelledFacets } from "@/components/workloads/workloads-table-toolbar";
import { getWorkloadFacets, getWorkloads, hasAnyWorkloads, type WorkloadFacets } from "@/lib/data/workloads";
import { labelOfTerm } from "@/lib/domain";
import { formatCountOf } from "@/lib/format";
import { findRule } from "@/lib/rules/catalog";
import {
  parseWorkloadsSearchParams,
  serializeWorkloadsSearchParams,
  WORKLOAD_FACETS,
  type WorkloadFacet,
  type RawSearchParams,
  type WorkloadsSearchParams,
} from "@/lib/validations/workloads";

export const metadata: Metadata = { title: "Workloads" };

/** A facet value as people read it: readiness and severity by their label, a rule by its title. */
function labelOfFacetValue(facet: WorkloadFacet, value: string): string {
  if (facet === "readiness" || facet === "severity") return labelOfTerm(value);
  if (facet === "rule") return findRule(value)?.title ?? value;
  return value;
}

function labelFacets(facets: WorkloadFacets): LabelledFacets {
  const labelled = {} as LabelledFacets;
  for (const [facet, options] of Object.entries(facets) as [WorkloadFacet, WorkloadFacets[WorkloadFacet]][]) {
    labelled[facet] = options.map((option) => ({
      ...option,
      label: labelOfFacetValue(facet, option.value),
      // The id on hover: the catalog and the URL name rules by id.
      description: facet === "rule" ? option.value : undefined,
    }));
  }
  return labelled;
}

function labelFilters(params: WorkloadsSearchParams): FilterLabels {
  return Object.fromEntries(
    WORKLOAD_FACETS.map((facet) => [facet, Object.fromEntries(params[facet].map((value) => [value, labelOfFacetValue(facet, value)]))]),
  ) as FilterLabels;
}

export default async function WorkloadsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const params = parseWorkloadsSearchParams(raw);

  if (!(await hasAnyWorkloads())) {
    return (
      <>
        <PageHeader title="Workloads" />
        <NoDataEmptyState title="No workloads yet">
          <p>Upload a kubectl, docker inspect or Compose inventory to see which workloads can move to Kata.</p>
        </NoDataEmptyState>
      </>
    );
  }

  // Hiding a column changes no rows: leave it out of the key so the table is not re-suspended.
  const queryKey = serializeWorkloadsSearchParams({ ...params, cols: [] });
  // The filters only: a download holds every matching row, not one page.
  const exportQuery = serializeWorkloadsSearchParams({
    ...parseWorkloadsSearchParams({}),
    q: params.q,
    cluster: params.cluster,
    namespace: params.namespace,
    kind: params.kind,
    readiness: params.readiness,
    rule: params.rule,
    severity: params.severity,
    team: params.team,
  });
  return (
    <>
      <PageHeader
        title="Workloads"
        description="Current workloads of every cluster, with their Kata readiness under each upload's target profile."
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <WaiversToggle pathname="/workloads" query={raw} mode={params.waivers} />
            <DownloadMenu href="/api/exports/workloads" query={exportQuery} label="Download filtered" />
          </div>
        }
      />
      <div className="flex flex-col gap-4">
        <WorkloadsTableToolbar
          filters={params}
          filterLabels={labelFilters(params)}
          facetsPromise={getWorkloadFacets(params).then(labelFacets)}
        />
        <Suspense key={queryKey} fallback={<DataTableSkeleton columnCount={10} rowCount={Math.min(params.perPage, 10)} />}>
          <WorkloadsTableSection params={params} />
        </Suspense>
      </div>
    </>
  );
}

async function WorkloadsTableSection({ params }: { params: WorkloadsSearchParams }) {
  const { rows, total, pageCount } = await getWorkloads(params);
  const keep = { sort: params.sort, perPage: params.perPage, cols: params.cols };

  if (total === 0) {
    const cleared = serializeWorkloadsSearchParams({ ...parseWorkloadsSearchParams({}), ...keep });
    return (
      <EmptyState title="No workloads match these filters">
        <p>Try another search or fewer filters.</p>
        <Link href={cleared ? `/workloads?${cleared}` : "/workloads"} className={buttonClassName("secondary")}>
          Clear filters
        </Link>
      </EmptyState>
    );
  }
  if (rows.length === 0) {
    const lastPage = serializeWorkloadsSearchParams({ ...params, page: pageCount });
    return (
      <EmptyState title={`There is no page ${params.page}`}>
        <p>
          These filters match {formatCountOf(total, "workload")} on {formatCountOf(pageCount, "page")}.
        </p>
        <Link href={`/workloads?${lastPage}`} className={buttonClassName("secondary")}>
          Go to the last page
        </Link>
      </EmptyState>
    );
  }
  return (
    <WorkloadsTable
      rows={rows}
      total={total}
      pageCount={pageCount}
      sort={params.sort}
      page={params.page}
      perPage={params.perPage}
      hiddenColumns={params.cols}
    />
  );
}
