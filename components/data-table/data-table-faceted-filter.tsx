"use client";

import { PlusCircle } from "lucide-react";
import { useId, useOptimistic, useState, useTransition } from "react";
import { DataTablePopover } from "./data-table-popover";
import { formatCount } from "@/lib/format";

export interface FacetFilterOption {
  value: string;
  label: string;
  /** Rows this value would match, given the other filters (from the server). */
  count: number;
  /** Shown on hover, e.g. the id behind a title. */
  description?: string;
}

export interface DataTableFacetedFilterProps {
  title: string;
  options: readonly FacetFilterOption[];
  selected: readonly string[];
  /** Labels of the selected values, for those the other filters leave out of `options`. */
  selectedLabels?: Readonly<Record<string, string>>;
  onSelectedChange: (values: string[]) => void;
}

/** Long value lists (namespaces, teams) get a text box to narrow them. */
const SEARCHABLE_FROM = 8;

export function DataTableFacetedFilter({ title, options, selected, selectedLabels = {}, onSelectedChange }: DataTableFacetedFilterProps) {
  const groupId = useId();
  const [query, setQuery] = useState("");
  const [, startTransition] = useTransition();
  // The boxes tick at once; the server's answer replaces this when the navigation lands.
  const [checked, setChecked] = useOptimistic<readonly string[]>(selected);
  // A selected value the other filters now exclude still shows, so it can be unticked.
  const shown: FacetFilterOption[] = [
    ...options,
    ...checked
      .filter((value) => !options.some((o) => o.value === value))
      .map((value) => ({ value, label: selectedLabels[value] ?? value, count: 0 })),
  ];
  const checkedLabels = checked.map((value) => shown.find((option) => option.value === value)?.label ?? value);

  const needle = query.trim().toLowerCase();
  const visible = needle
    ? shown.filter((option) => option.label.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle))
    : shown;

  const onChange = (values: string[]) => {
    startTransition(() => {
      setChecked(values);
      onSelectedChange(values);
    });
  };
  const onToggle = (value: string, isChecked: boolean) => {
    onChange(isChecked ? [...checked, value] : checked.filter((v) => v !== value));
  };

  return (
    <DataTablePopover
      trigger={
        <>
          <PlusCircle aria-hidden className="size-4" />
          {title}
          {checked.length === 1 ? <span className="max-w-40 truncate font-normal">: {checkedLabels[0]}</span> : null}
          {checked.length > 1 ? <span className="font-normal">: {checked.length} selected</span> : null}
        </>
      }
    >
      {shown.length > SEARCHABLE_FROM ? (
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-label={`Find a ${title.toLowerCase()}`}
          placeholder={`Find a ${title.toLowerCase()}…`}
          className="mb-1 h-8 w-full rounded border border-slate-300 px-2 text-sm"
        />
      ) : null}
      <fieldset aria-labelledby={groupId} className="flex flex-col gap-0.5">
        <legend id={groupId} className="sr-only">
          Filter by {title.toLowerCase()}
        </legend>
        {visible.length === 0 ? <p className="px-2 py-1 text-sm text-slate-500">No values</p> : null}
        {visible.map((option) => (
          <label
            key={option.value}
            title={option.description}
            className="flex cursor-pointer items-start gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100"
          >
            <input
              type="checkbox"
              className="mt-0.5 size-4 shrink-0 accent-slate-900"
              checked={checked.includes(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            {/* Long values wrap rather than cut: a cut rule title or count misleads. */}
            <span className="min-w-0 flex-1 break-words">{option.label}</span>
            <span className="shrink-0 font-mono text-xs tabular-nums text-slate-500">{formatCount(option.count)}</span>
          </label>
        ))}
      </fieldset>
      {checked.length > 0 ? (
        <button
          type="button"
          onClick={() => onChange([])}
          className="mt-1 w-full rounded px-2 py-1 text-center text-sm text-slate-700 hover:bg-slate-100"
        >
          Clear {title.toLowerCase()} filter
        </button>
      ) : null}
    </DataTablePopover>
  );
}
