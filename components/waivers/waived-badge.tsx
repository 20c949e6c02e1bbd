import Link from "next/link";
import { WAIVER_STATUS_STYLES } from "@/lib/domain";
import { formatExpiry } from "@/lib/format";
import { cn } from "@/lib/utils";

export interface WaivedBadgeProps {
  waiver: { id: number; reason: string; expiresAt: Date };
}

/** Marks a finding a waiver accepts: it stays listed but counts against nothing until the waiver expires. */
export function WaivedBadge({ waiver }: WaivedBadgeProps) {
  const text = `Waived ${formatExpiry(waiver.expiresAt)}: ${waiver.reason}`;
  return (
    <Link
      href={`/waivers#waiver-${waiver.id}`}
      title={text}
      aria-label={`Waived by waiver #${waiver.id} ${formatExpiry(waiver.expiresAt)}`}
      className={cn(
        "inline-flex max-w-full items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset hover:underline",
        WAIVER_STATUS_STYLES.active.badge,
      )}
    >
      <span className="shrink-0">Waived</span>
      <span className="truncate font-normal">
        {formatExpiry(waiver.expiresAt)} · {waiver.reason}
      </span>
    </Link>
  );
}
