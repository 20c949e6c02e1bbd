import { NoDataEmptyState } from "@/components/uploads/no-data-empty-state";
import { InventoryCommand } from "./inventory-command";

export function OverviewEmptyState() {
  return (
    <NoDataEmptyState title="No workloads yet">
      <p className="max-w-md">
        Upload a Kubernetes, Docker or Compose inventory to see which workloads can move to Kata Containers, or explore with the sample. For
        a Kubernetes cluster:
      </p>
      <InventoryCommand />
    </NoDataEmptyState>
  );
}
