import type { ReadinessGroup } from "@/lib/data/overview";
import type { ReadinessChartSort } from "@/lib/validations/overview";

const share = (part: number, total: number) => (total === 0 ? 0 : part / total);

/**
 * The bars of a readiness chart in the chosen order. "blocked": highest blocked share first, then
 * highest needs-changes share, then the larger group; "size": most workloads first; "name": A to Z.
 * Ties fall back to the label, so the order is stable.
 */
export function sortReadinessGroups<T extends ReadinessGroup>(groups: readonly T[], sort: ReadinessChartSort): T[] {
  const byLabel = (a: T, b: T) => a.label.localeCompare(b.label);
  const compare: Record<ReadinessChartSort, (a: T, b: T) => number> = {
    blocked: (a, b) =>
      share(b.blocked, b.total) - share(a.blocked, a.total) ||
      share(b.needsChanges, b.total) - share(a.needsChanges, a.total) ||
      b.total - a.total ||
      byLabel(a, b),
    size: (a, b) => b.total - a.total || byLabel(a, b),
    name: byLabel,
  };
  return [...groups].sort(compare[sort]);
}
