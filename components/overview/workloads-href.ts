/** A link into the workloads table with its URL filters (see lib/validations/workloads.ts). */
export function workloadsHref(filters: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/workloads?${query}` : "/workloads";
}
