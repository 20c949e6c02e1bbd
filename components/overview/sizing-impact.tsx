import { Card, CardTitle } from "@/components/ui/card";
import type { ReadySizing } from "@/lib/data/overview";

export interface SizingImpactProps {
  sizing: ReadySizing;
  migrated: number;
}

function formatGiB(mib: number): string {
  return `${(mib / 1024).toLocaleString("en-US", { maximumFractionDigits: mib >= 10 * 1024 ? 0 : 1 })} GiB`;
}

function formatVcpu(vcpus: number): string {
  return `${vcpus.toLocaleString("en-US", { maximumFractionDigits: vcpus >= 10 ? 0 : 1 })} vCPU`;
}

// Same wording as the CLI's describeSizingSummary (lib/scoring/sizing.ts).
function describeReadySizing(sizing: ReadySizing): string {
  const subject = sizing.workloads === 1 ? "this 1 ready workload" : `these ${sizing.workloads.toLocaleString("en-US")} ready workloads`;
  const pods = sizing.pods === sizing.workloads ? "" : ` (${sizing.pods.toLocaleString("en-US")} pods)`;
  const perNode =
    sizing.perNodeWorkloads > 0 ? `; ${sizing.perNodeWorkloads} DaemonSet(s) counted once, add them per node` : "";
  return `Moving ${subject}${pods} costs ${formatGiB(sizing.overheadMemoryMiB)} / ${formatVcpu(sizing.overheadMilliCpu / 1000)} of overhead${perNode}.`;
}

export function SizingImpact({ sizing, migrated }: SizingImpactProps) {
  const figures = [
    { label: "Pod overhead (memory)", value: formatGiB(sizing.overheadMemoryMiB), note: "RuntimeClass overhead.podFixed, all pods" },
    { label: "Pod overhead (CPU)", value: formatVcpu(sizing.overheadMilliCpu / 1000), note: "what the scheduler adds on top of requests" },
    { label: "VM memory", value: formatGiB(sizing.vmMemoryMiB), note: "every pod is one VM" },
    { label: "VM vCPUs", value: formatVcpu(sizing.vmVcpus), note: "sized from limits plus the runtime's share" },
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
            {migrated === 1 ? "1 workload" : `${migrated.toLocaleString("en-US")} workloads`} already on Kata {migrated === 1 ? "is" : "are"} not counted.
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
