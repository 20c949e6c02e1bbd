// GET /api/exports/workloads?format=…&<the workloads table's filters>: exactly the rows the table
// shows for the same query (paging and sorting aside), parsed by the table's own schema.
import { buildWorkloadWhere } from "@/lib/data/workloads";
import { toRawSearchParams } from "@/lib/validations/exports";
import { hasActiveFilters, parseWorkloadsSearchParams } from "@/lib/validations/workloads";
import { respondWithExport, today } from "../respond";

export async function GET(request: Request): Promise<Response> {
  const filters = parseWorkloadsSearchParams(toRawSearchParams(new URL(request.url).searchParams));
  return respondWithExport(request.url, {
    where: buildWorkloadWhere(filters),
    scope: hasActiveFilters(filters) ? "filtered workloads" : "all current workloads",
    fileName: `kata-readiness-workloads-${today()}`,
  });
}
