import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function WorkloadNotFound() {
  return (
    <EmptyState title="Workload not found">
      <p>There is no workload with this number. It may have been removed with its cluster.</p>
      <Link href="/workloads" className={buttonClassName("secondary")}>
        All workloads
      </Link>
    </EmptyState>
  );
}
