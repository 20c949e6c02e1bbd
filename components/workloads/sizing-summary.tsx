export interface SizingSummaryProps {
  /** The stored sizing JSON (lib/scoring/sizing `Sizing`), read defensively. */
  sizing: unknown;
  target: string;
}

function numberAt(record: Record<string, unknown>, key: string): number | null {
  const value = record[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function formatMiB(value: number | null): string {
  if (value === null) return "—";
  return value >= 1024 ? `${(value / 1024).toFixed(value % 1024 === 0 ? 0 : 1)} GiB` : `${Math.round(value)} MiB`;
}

function formatCpu(milli: number | null): string {
  return milli === null ? "—" : milli >= 1000 ? `${(milli / 1000).toFixed(milli % 1000 === 0 ? 0 : 2)} CPU` : `${Math.round(milli)}m CPU`;
}

export function SizingSummary({ sizing, target }: SizingSummaryProps) {
  if (typeof sizing !== "object" || sizing === null) return <p className="text-sm text-slate-600">No sizing estimate was stored.</p>;
  const s = sizing as Record<string, unknown>;
  const vcpus = numberAt(s, "vmVcpus");
  const replicas = numberAt(s, "replicas");
  const notes = Array.isArray(s.notes) ? s.notes.filter((n): n is string => typeof n === "string") : [];
  const rows: Array<[string, string]> = [
    ["VM size", `${vcpus === null ? "—" : `${Number(vcpus.toFixed(2))} vCPU`} · ${formatMiB(numberAt(s, "vmMemoryMiB"))}`],
    ["Pod overhead", `${formatCpu(numberAt(s, "overheadMilliCpu"))} · ${formatMiB(numberAt(s, "overheadMemoryMiB"))}`],
  ];
  if (numberAt(s, "schedulerMilliCpu") !== null || numberAt(s, "schedulerMemoryMiB") !== null) {
    const per = s.perNode === true ? "per node" : replicas !== null ? `${replicas} ${replicas === 1 ? "replica" : "replicas"}` : "all replicas";
    rows.push([
      `Scheduler cost (${per})`,
      `${formatCpu(numberAt(s, "schedulerMilliCpu"))} · ${formatMiB(numberAt(s, "schedulerMemoryMiB"))}`,
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
