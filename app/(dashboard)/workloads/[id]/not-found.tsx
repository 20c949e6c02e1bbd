import { NotFoundState } from "@/components/ui/not-found-state";

export default function WorkloadNotFound() {
  return (
    <NotFoundState
      title="Workload not found"
      description="There is no workload with this number. It may have been removed with its cluster."
      backHref="/workloads"
      backLabel="All workloads"
    />
  );
}
