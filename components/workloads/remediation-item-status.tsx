import { Badge } from "@/components/ui/badge";
import type { RemediationItemDto } from "@/lib/data/remediation";
import { formatDay } from "@/lib/format";
import { isRemediationStatus, REMEDIATION_STATUS_STYLES } from "@/lib/domain";
import { RemediationItemForm } from "./remediation-item-form";

/** One finding's remediation item: a summary, and the edit form on a current snapshot. */
export function RemediationItemStatus({ item, editable }: { item: RemediationItemDto | undefined; editable: boolean }) {
  if (!item) return <span className="text-xs text-slate-500">No remediation item</span>;
  const style = isRemediationStatus(item.status) ? REMEDIATION_STATUS_STYLES[item.status] : null;
  const fixed = item.status === "fixed" && item.resolvedInUploadId !== null;
  return (
    <div className="mt-1 flex flex-col gap-1 rounded-md bg-slate-50 p-2">
      <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <Badge className={style?.badge}>
          {fixed ? `Fixed, verified by upload #${item.resolvedInUploadId}` : (style?.label ?? item.status)}
        </Badge>
        {item.assignee ? <span>Assignee: {item.assignee}</span> : null}
        {item.dueDate ? <span>Due {formatDay(item.dueDate)}</span> : null}
      </span>
      {editable && !fixed ? (
        <RemediationItemForm
          itemId={item.id}
          status={item.status}
          assignee={item.assignee}
          dueDate={item.dueDate ? formatDay(item.dueDate) : null}
          note={item.note}
        />
      ) : item.note ? (
        <span className="text-xs text-slate-600 break-words">Note: {item.note}</span>
      ) : null}
    </div>
  );
}
