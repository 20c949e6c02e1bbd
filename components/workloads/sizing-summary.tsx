import { formatMilliCpu, formatMiB, formatVcpus } from "@/lib/format";

export interface SizingSummaryProps {
  /** The stored sizing JSON (lib/scoring/sizing `Sizing`), read defensively. */
  sizing: unknown;
  target: string;
}

function numberAt(record: Record<string, unknown>, key: string): number | null {
  const value = record[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A missing figure reads as a dash. */
function orDash(value: number | null, format: (value: number) => string): string {
  return value === null ? "—" : format(value);
}

export function SizingSummary({ sizing, target }: SizingSummaryProps) {
  if (typeof sizing !== "object" || sizing === null) return <p className="text-sm text-slate-600">No sizing estimate was stored.</p>;
  const s = sizing as Record<string, unknown>;
  const vcpus = numberAt(s, "vmVcpus");
  const replicas = numberAt(s, "replicas");
  const notes = Array.isArray(s.notes) ? s.notes.filter((n): n is string => typeof n === "string") : [];
  const rows: Array<[string, string]> = [
    ["VM size", `${orDash(vcpus, formatVcpus)} · ${orDash(numberAt(s, "vmMemoryMiB"), formatMiB)}`],
    ["Pod overhead", `${orDash(numberAt(s, "overheadMilliCpu"), formatMilliCpu)} · ${orDash(numberAt(s, "overheadMemoryMiB"), formatMiB)}`],
  ];
  if (numberAt(s, "schedulerMilliCpu") !== null || numberAt(s, "schedulerMemoryMiB") !== null) {
    const per =
      s.perNode === true ? "per node" : replicas !== null ? `${replicas} ${replicas === 1 ? "replica" : "replicas"}` : "all replicas";
    rows.push([
      `Scheduler cost (${per})`,
      `${orDash(numberAt(s, "schedulerMilliCpu"), formatMilliCpu)} · ${orDash(numberAt(s, "schedulerMemoryMiB"), formatMiB)}`,
    ]);
  }
  return (
    <div className="flex flex-col gap-2 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="whitespace-nowrap font-mono tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">
        Under the target profile <code className="font-mono">{target}</code>
        {typeof s.overheadSource === "string" && s.overheadSource !== "profile" ? `; overhead from RuntimeClass ${s.overheadSource}` : ""}.
      </p>
      {notes.map((note) => (
        <p key={note} className="text-xs text-slate-500">
          {note}
        </p>
      ))}
    </div>
  );
}
