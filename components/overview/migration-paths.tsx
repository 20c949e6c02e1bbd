import { MIGRATION_PATH_STYLES } from "@/lib/domain";
import { formatCount, formatShare } from "@/lib/format";
import { MIGRATION_PATHS, type MigrationPath } from "@/lib/scoring/migration-path";
import { cn } from "@/lib/utils";

/** The four migration paths of the spec: what kind of work stands between the workloads and Kata. */
export function MigrationPaths({ counts }: { counts: Record<MigrationPath, number> }) {
  const total = MIGRATION_PATHS.reduce((sum, path) => sum + counts[path], 0);
  return (
    <section aria-labelledby="migration-paths-title" className="flex flex-col gap-2">
      <h2 id="migration-paths-title" className="text-sm font-semibold text-slate-800">
        Migration paths <span className="font-normal text-slate-500">· current workloads, with waivers in force</span>
      </h2>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {MIGRATION_PATHS.map((path) => (
          <div
            key={path}
            role="group"
            aria-label={MIGRATION_PATH_STYLES[path].label}
            data-testid={`path-${path}`}
            className={cn(
              "flex min-w-0 flex-col gap-1 rounded-lg border border-t-4 border-slate-200 bg-white p-4 shadow-sm",
              counts[path] > 0 ? MIGRATION_PATH_STYLES[path].borderTop : "border-t-slate-200",
            )}
          >
            <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{MIGRATION_PATH_STYLES[path].label}</span>
            <span className="text-2xl font-semibold tabular-nums" data-testid="path-count">
              {formatCount(counts[path])}
            </span>
            <span className="text-xs text-slate-500">
              {formatShare(counts[path], total)} · {MIGRATION_PATH_STYLES[path].hint}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
