import { CopyButton } from "@/components/ui/copy-button";

/** The README's recommended Kubernetes inventory command ("Produce an inventory"); a test keeps the two equal. */
export const RECOMMENDED_INVENTORY_COMMAND =
  "kubectl get deploy,sts,ds,job,cronjob,pod,rs,runtimeclass,node,cm,pvc -A -o json > cluster.json";

/** The command in its own scrolling box (it is longer than a phone is wide), with a copy button. */
export function InventoryCommand() {
  return (
    <div className="flex w-full min-w-0 max-w-3xl items-center gap-2 rounded-md border border-slate-200 bg-slate-50 py-1.5 pl-3 pr-1.5 text-left">
      <code data-testid="inventory-command" className="min-w-0 flex-1 overflow-x-auto whitespace-nowrap font-mono text-xs text-slate-800">
        {RECOMMENDED_INVENTORY_COMMAND}
      </code>
      <CopyButton text={RECOMMENDED_INVENTORY_COMMAND} label="Copy the inventory command" className="shrink-0" />
    </div>
  );
}
