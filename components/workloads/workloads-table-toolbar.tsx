"use client";

import { X } from "lucide-react";
import { Suspense, use } from "react";
import { DataTableFacetedFilter, type FacetFilterOption } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { useSearchParamsUpdater } from "@/components/data-table/use-search-params-updater";
import { WORKLOAD_FACETS, hasActiveFilters, type WorkloadFacet, type WorkloadFilters } from "@/lib/validations/workloads";

export type LabelledFacets = Record<WorkloadFacet, FacetFilterOption[]>;
/** Labels of the selected values per facet ("blocked" → "Blocked", a rule id → its title). */
export type FilterLabels = Record<WorkloadFacet, Record<string, string>>;

export interface WorkloadsTableToolbarProps {
  filters: WorkloadFilters;
  filterLabels: FilterLabels;
  facetsPromise: Promise<LabelledFacets>;
}

const FACET_TITLES: Record<WorkloadFacet, string> = {
  cluster: "Cluster",
  namespace: "Namespace",
  kind: "Kind",
  readiness: "Readiness",
  rule: "Rule",
  severity: "Severity",
  team: "Team",
};

export function WorkloadsTableToolbar({ filters, filterLabels, facetsPromise }: WorkloadsTableToolbarProps) {
  const { update } = useSearchParamsUpdater();
  // Every filter change starts again at page 1.
  const onFacetChange = (facet: WorkloadFacet, values: string[]) => update({ [facet]: values.join(","), page: null });
  const onReset = () =>
    update(Object.fromEntries([["q", null], ["page", null], ["overdue", null], ...WORKLOAD_FACETS.map((f) => [f, null])]));

  const chips = WORKLOAD_FACETS.flatMap((facet) =>
    filters[facet].map((value) => ({
      key: `${facet}=${value}`,
      text: `${FACET_TITLES[facet]}: ${filterLabels[facet][value] ?? value}`,
      onRemove: () =>
        onFacetChange(
          facet,
          filters[facet].filter((v) => v !== value),
        ),
    })),
  );
  if (filters.q) chips.unshift({ key: "q", text: `Search: ${filters.q}`, onRemove: () => update({ q: null, page: null }) });

  return (
    <div role="search" aria-label="Filter workloads" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <DataTableSearch
          value={filters.q}
          label="Search workloads by name, image, namespace or label"
          placeholder="Search name, image, label…"
          onSearch={(q) => update({ q, page: null }, { history: "replace" })}
        />
        <Suspense fallback={<FacetPlaceholders />}>
          <FacetFilters filters={filters} filterLabels={filterLabels} facetsPromise={facetsPromise} onFacetChange={onFacetChange} />
        </Suspense>
        <label className="inline-flex h-9 items-center gap-2 rounded-md border border-dashed border-slate-300 px-3 text-sm text-slate-700">
          {/* Uncontrolled: it shows the click at once; the key resets it when the URL changes. */}
          <input
            key={String(filters.overdue)}
            type="checkbox"
            defaultChecked={filters.overdue === true}
            onChange={(event) => update({ overdue: event.target.checked ? "1" : null, page: null })}
          />
          Overdue only
        </label>
        {hasActiveFilters(filters) ? (
          <button
            type="button"
            onClick={onReset}
            className="inline-flex h-9 items-center gap-1 rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Reset filters
            <X aria-hidden className="size-4" />
          </button>
        ) : null}
      </div>
      {chips.length > 0 ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
          {chips.map((chip) => (
            <li
              key={chip.key}
              className="inline-flex max-w-full items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-0.5 pl-2.5 pr-1 text-xs font-medium text-slate-700"
            >
              <span className="min-w-0 truncate">{chip.text}</span>
              <button
                type="button"
                onClick={chip.onRemove}
                aria-label={`Remove ${chip.text}`}
                className="rounded-full p-0.5 hover:bg-slate-200"
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FacetFilters({
  filters,
  filterLabels,
  facetsPromise,
  onFacetChange,
}: WorkloadsTableToolbarProps & { onFacetChange: (facet: WorkloadFacet, values: string[]) => void }) {
  const facets = use(facetsPromise);
  return WORKLOAD_FACETS.map((facet) => (
    <DataTableFacetedFilter
      key={facet}
      title={FACET_TITLES[facet]}
      options={facets[facet]}
      selected={filters[facet]}
      selectedLabels={filterLabels[facet]}
      onSelectedChange={(values) => onFacetChange(facet, values)}
    />
  ));
}

function FacetPlaceholders() {
  return WORKLOAD_FACETS.map((facet) => (
    <span key={facet} className="inline-flex h-9 items-center rounded-md border border-dashed border-slate-200 px-3 text-sm text-slate-400">
      {FACET_TITLES[facet]}
    </span>
  ));
}
