import { NoDataEmptyState } from "@/components/uploads/no-data-empty-state";

export function OverviewEmptyState() {
  return (
    <NoDataEmptyState title="No workloads yet">
      <p className="max-w-md">
        Upload a Kubernetes, Docker or Compose inventory (for example{" "}
        <code className="font-mono">kubectl get deploy,ds,sts,cronjob -A -o yaml</code>) to see which workloads can move to Kata Containers,
        or explore with the sample.
      </p>
    </NoDataEmptyState>
  );
}
