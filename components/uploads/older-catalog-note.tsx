import Link from "next/link";
import type { OlderCatalogSnapshot } from "@/lib/data/uploads";
import { CATALOG_VERSION } from "@/lib/rules/catalog";

/** Says which clusters' current snapshots were scored by an older catalog, and where to re-score them. */
export function OlderCatalogNote({ snapshots }: { snapshots: OlderCatalogSnapshot[] }) {
  if (snapshots.length === 0) return null;
  return (
    <div
      role="note"
      aria-label="Scored by an older catalog"
      className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        {snapshots.length === 1 ? "One cluster's current snapshot was" : `${snapshots.length} clusters' current snapshots were`} scored by
        an older rule catalog than the running one (v{CATALOG_VERSION}): their results do not include the newer rules until re-scored.
      </p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {snapshots.map((snapshot) => (
          <li key={snapshot.cluster}>
            <Link href={`/uploads/${snapshot.uploadId}`} className="font-medium underline">
              {snapshot.cluster}
            </Link>{" "}
            (upload #{snapshot.uploadId}, catalog v{snapshot.catalogVersion})
          </li>
        ))}
      </ul>
    </div>
  );
}
