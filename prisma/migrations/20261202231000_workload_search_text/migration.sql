-- The workloads table's search also matches images, namespace and labels (lib/workload-search.ts).
-- AlterTable
ALTER TABLE "Workload" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- Backfill stored workloads from their spec JSON, as lib/workload-search.ts builds it for new imports:
-- name, namespace, every string under a key "image" (any case), every label as key=value.
UPDATE "Workload" SET "searchText" = substr(lower(
  "name" || ' ' || "namespace"
  || coalesce((SELECT ' ' || group_concat(t."value", ' ') FROM json_tree("Workload"."spec") AS t WHERE lower(t."key") = 'image' AND t."type" = 'text'), '')
  || coalesce((SELECT ' ' || group_concat(l."key" || '=' || l."value", ' ') FROM json_each("Workload"."spec", '$.labels') AS l), '')
), 1, 2000)
WHERE json_valid("spec");

-- CreateIndex
CREATE INDEX "Workload_search_idx" ON "Workload"("isCurrent", "searchText");
