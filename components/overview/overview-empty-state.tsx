import Link from "next/link";
import { LoadSampleButton } from "@/components/uploads/load-sample-button";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function OverviewEmptyState() {
  return (
    <EmptyState title="No workloads yet">
      <p className="max-w-md">
        Upload a Kubernetes, Docker or Compose inventory (for example <code className="font-mono">kubectl get deploy,ds,sts,cronjob -A -o yaml</code>) to see
        which workloads can move to Kata Containers, or explore with the sample.
      </p>
      <div className="flex flex-wrap items-start justify-center gap-3">
        <Link href="/uploads/new" className={buttonClassName("primary")}>
          Upload inventory
        </Link>
        <LoadSampleButton />
      </div>
    </EmptyState>
  );
}
