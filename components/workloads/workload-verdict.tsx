import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { isReadiness, MIGRATION_PATH_STYLES, READINESS_STYLES } from "@/lib/domain";
import { formatCountOf } from "@/lib/format";
import { MIGRATION_PATHS, type MigrationPath } from "@/lib/scoring/migration-path";
import { cn } from "@/lib/utils";

export interface WorkloadVerdictProps {
  readiness: string;
  migrationPath: string;
  /** Unwaived findings per severity. */
  blockers: number;
  warnings: number;
  score: number;
  migrated: boolean;
  isCurrent: boolean;
}

const isMigrationPath = (value: string): value is MigrationPath => (MIGRATION_PATHS as readonly string[]).includes(value);

/** What a workload page leads with: can it move, and what kind of work is left. The score comes last. */
export function WorkloadVerdict({ readiness, migrationPath, blockers, warnings, score, migrated, isCurrent }: WorkloadVerdictProps) {
  const titleId = useId();
  const style = isReadiness(readiness) ? READINESS_STYLES[readiness] : undefined;
  const path = isMigrationPath(migrationPath) ? MIGRATION_PATH_STYLES[migrationPath] : undefined;
  return (
    <section
      aria-labelledby={titleId}
      className={cn(
        "flex flex-wrap items-end gap-x-8 gap-y-3 rounded-lg border border-t-4 border-slate-200 bg-white px-5 py-4 shadow-sm",
        style?.borderTop,
      )}
    >
      <div className="flex flex-col">
        <h2 id={titleId} className="text-xs font-medium uppercase tracking-wide text-slate-500">
          Verdict
        </h2>
        <p data-testid="verdict" className={cn("text-2xl font-semibold", style?.text)}>
          {style?.label ?? readiness}
        </p>
      </div>
      <div className="flex flex-col">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Migration path</span>
        <span data-testid="migration-path" className="text-lg font-semibold text-slate-800">
          {path?.label ?? migrationPath}
        </span>
      </div>
      <p className="text-sm text-slate-600">
        {blockers === 0 && warnings === 0
          ? "No blocker or warning"
          : [blockers > 0 ? formatCountOf(blockers, "blocker") : null, warnings > 0 ? formatCountOf(warnings, "warning") : null]
              .filter(Boolean)
              .join(" · ")}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {migrated ? <Badge className="bg-green-50 text-green-800 ring-green-600/30">Migrated to Kata</Badge> : null}
        {isCurrent ? null : <Badge>Older snapshot</Badge>}
      </div>
      <p className="ml-auto text-sm text-slate-500">
        Score <span className="font-medium tabular-nums text-slate-700">{score}</span>/100
      </p>
    </section>
  );
}
