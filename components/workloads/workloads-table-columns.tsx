"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { ReadinessBadge } from "@/components/ui/badge";
import { TruncatedText } from "@/components/ui/truncated-text";
import type { WorkloadRow } from "@/lib/data/workloads";
import { READINESS_STYLES, type Readiness } from "@/lib/domain";
import { formatCount } from "@/lib/format";
import { cn } from "@/lib/utils";
import { RuleChips } from "./rule-chips";
import { ScoreBar } from "./score-bar";

const helper = createColumnHelper<typeof dataTableFeatures, WorkloadRow>();

function Count({ value, tone }: { value: number; tone: Readiness }) {
  if (value === 0) return <span className="text-slate-400">0</span>;
  return <span className={cn("font-semibold", READINESS_STYLES[tone].text)}>{formatCount(value)}</span>;
}

// Column ids are the URL's sort and `cols` ids (lib/validations/workloads.ts).
export const WORKLOADS_COLUMNS = helper.columns([
  // Row selection for the bulk edit (workloads-bulk-edit.tsx); selection is per page, "all matching" is the server's.
  helper.display({
    id: "select",
    enableHiding: false,
    enableSorting: false,
    meta: { label: "Select" },
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all workloads on this page"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.name}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  helper.accessor("name", {
    id: "name",
    enableHiding: false,
    meta: { label: "Name", isRowHeader: true },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    // Kind and namespace ride under the name: one column fewer keeps the default columns within 1440 px.
    cell: ({ row }) => (
      <div className="flex max-w-64 flex-col">
        <Link
          href={`/workloads/${row.original.id}`}
          className="truncate font-medium text-sky-800 underline decoration-sky-800/30 underline-offset-2 hover:decoration-sky-800"
        >
          <TruncatedText text={row.original.name} max={80} />
        </Link>
        <span className="truncate text-xs text-slate-500">
          {row.original.kind}
          {row.original.namespace ? ` · ${row.original.namespace}` : null}
        </span>
      </div>
    ),
  }),
  helper.accessor("readiness", {
    id: "readiness",
    meta: { label: "Readiness", sortDescription: { asc: "most urgent first", desc: "least urgent first" } },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <ReadinessBadge readiness={getValue()} />,
  }),
  helper.accessor("rules", {
    id: "rules",
    enableSorting: false,
    meta: { label: "Rules" },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <RuleChips rules={getValue()} />,
  }),
  helper.accessor("score", {
    id: "score",
    sortDescFirst: true,
    meta: { label: "Score" },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ row }) => <ScoreBar score={row.original.score} readiness={row.original.readiness} />,
  }),
  helper.accessor("blockerCount", {
    id: "blockers",
    sortDescFirst: true,
    meta: { label: "Blockers", align: "end" },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <Count value={getValue()} tone="blocked" />,
  }),
  helper.accessor("warningCount", {
    id: "warnings",
    sortDescFirst: true,
    meta: { label: "Warnings", align: "end" },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <Count value={getValue()} tone="needs-changes" />,
  }),
  helper.accessor("clusterName", {
    id: "cluster",
    meta: { label: "Cluster" },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => <TruncatedText text={getValue()} max={16} />,
  }),
  helper.accessor("team", {
    id: "team",
    meta: { label: "Team" },
    header: ({ column }) => <DataTableColumnHeader column={column} />,
    cell: ({ getValue }) => {
      const team = getValue();
      return team ? <TruncatedText text={team} max={16} /> : <span className="text-slate-400">—</span>;
    },
  }),
  // An icon, not a Yes/No text column: few workloads are migrated and the column must stay narrow.
  helper.accessor("migrated", {
    id: "migrated",
    enableSorting: false,
    meta: { label: "Migrated" },
    header: () => (
      <span title="Migrated to Kata" className="inline-flex">
        <CircleCheck aria-hidden className="size-4" />
        <span className="sr-only">Migrated</span>
      </span>
    ),
    cell: ({ getValue }) =>
      getValue() ? (
        <span title="Migrated to Kata" className="inline-flex text-ready">
          <CircleCheck aria-hidden className="size-4" />
          <span className="sr-only">Yes</span>
        </span>
      ) : (
        <span className="sr-only">No</span>
      ),
  }),
]);
