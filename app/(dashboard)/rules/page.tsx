import type { Metadata } from "next";
import { RulesFilter } from "@/components/rules/rules-filter";
import { RulesTable } from "@/components/rules/rules-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getRules } from "@/lib/data/rules";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import { rulesSearchParamsSchema } from "@/lib/validations/rules";

export const metadata: Metadata = { title: "Rules" };

interface RulesPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RulesPage({ searchParams }: RulesPageProps) {
  const filters = rulesSearchParamsSchema.parse(await searchParams);
  const rules = await getRules();
  const shown = rules.filter(
    (rule) => (!filters.severity || rule.severity === filters.severity) && (!filters.scope || rule.scope === filters.scope),
  );
  const blockers = rules.filter((rule) => rule.severity === "blocker").length;
  return (
    <>
      <PageHeader
        title="Rules"
        description={`Catalog v${CATALOG_VERSION}: ${rules.length} rules (${blockers} can block a workload). Counts are current workloads, or clusters for engine and cluster rules.`}
      />
      <RulesFilter rules={rules} filters={filters} />
      {shown.length === 0 ? <EmptyState title="No rules match these filters" /> : <RulesTable rules={shown} />}
    </>
  );
}
