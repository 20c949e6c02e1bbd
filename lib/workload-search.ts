// What the workloads table's search box matches besides the name: stored per workload as one
// lower-cased string (Workload.searchText), so the search is one portable `LIKE` over a narrow
// index on SQLite and PostgreSQL alike, never a scan of the spec JSON. Pure: the import writes it.
import type { Workload } from "./inventory/types";

/** Long label values and many images would bloat the index; what matters is near the start. */
export const SEARCH_TEXT_MAX_LENGTH = 2000;

function collectImages(value: unknown, out: Set<string>, depth = 0): void {
  // Workloads are bounded to 100 levels by the parsers; the guard only keeps this total.
  if (depth > 100 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collectImages(item, out, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    // Kubernetes and Compose `image`, docker inspect `Config.Image` (its top-level `Image` is the image id).
    if (key.toLowerCase() === "image" && typeof child === "string") out.add(child);
    else collectImages(child, out, depth + 1);
  }
}

/** Name, namespace, every container image and every `key=value` label, lower-cased. */
export function searchTextOf(
  workload: Pick<Workload, "name" | "namespace" | "labels" | "object"> & { pods: readonly Pick<Workload["pods"][number], "spec">[] },
): string {
  const images = new Set<string>();
  collectImages(workload.object, images);
  for (const pod of workload.pods) collectImages(pod.spec, images);
  const labels = Object.entries(workload.labels).map(([key, value]) => `${key}=${value}`);
  return [workload.name, workload.namespace ?? "", ...images, ...labels].join(" ").toLowerCase().slice(0, SEARCH_TEXT_MAX_LENGTH);
}
