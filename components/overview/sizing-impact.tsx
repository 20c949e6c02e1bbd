import { Card, CardTitle } from "@/components/ui/card";
import type { ReadySizing } from "@/lib/data/overview";
import { formatCountOf, formatGiB, formatVcpuTotal } from "@/lib/format";
import { describeSizingSummary } from "@/lib/scoring/sizing";

export interface SizingImpactProps {
  sizing: ReadySizing;
  migrated: number;
}

// The CLI's sentence (lib/scoring/sizing.ts), as a sentence.
function describeReadySizing(sizing: ReadySizing): string {
  const text = describeSizingSummary(sizing, sizing.workloads === 1 ? "ready workload" : "ready workloads");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export function SizingImpact({ sizing, migrated }: SizingImpactProps) {
  const figures = [
    { label: "Pod overhead (memory)", value: formatGiB(sizing.overheadMemoryMiB), note: "RuntimeClass overhead.podFixed, all pods" },
    { label: "Pod overhead (CPU)", value: formatVcpuTotal(sizing.overheadMilliCpu), note: "what the scheduler adds on top of requests" },
    { label: "VM memory", value: formatGiB(sizing.vmMemoryMiB), note: "every pod is one VM" },
    { label: "VM vCPUs", value: formatVcpuTotal(sizing.vmVcpus * 1000), note: "sized from limits plus the runtime's share" },
  ];
  const sentence = describeReadySizing(sizing);
  return (
    <Card aria-labelledby="sizing-impact-title" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <CardTitle id="sizing-impact-title">Sizing impact</CardTitle>
        <p className="text-sm text-slate-700" data-testid="sizing-sentence">
          {sentence}
        </p>
        {migrated > 0 ? (
          <p className="text-xs text-slate-500">
            {formatCountOf(migrated, "workload")} already on Kata {migrated === 1 ? "is" : "are"} not counted.
          </p>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="flex flex-col gap-0.5 rounded-md bg-slate-50 p-3">
            <dt className="text-xs font-medium text-slate-500">{figure.label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{figure.value}</dd>
            <dd className="text-xs text-slate-500">{figure.note}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
