import type { Metadata } from "next";
import Link from "next/link";
import { RulesFilter } from "@/components/rules/rules-filter";
import { RulesTable } from "@/components/rules/rules-table";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getRules, selectRules } from "@/lib/data/rules";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import { rulesHref, rulesSearchParamsSchema } from "@/lib/validations/rules";

export const metadata: Metadata = { title: "Rules" };

interface RulesPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RulesPage({ searchParams }: RulesPageProps) {
  const params = rulesSearchParamsSchema.parse(await searchParams);
  const rules = await getRules();
  const shown = selectRules(rules, params);
  const blockers = rules.filter((rule) => rule.severity === "blocker").length;
  return (
    <>
      <PageHeader
        title="Rules"
        description={`Catalog v${CATALOG_VERSION}: ${rules.length} rules (${blockers} can block a workload). Counts are current workloads, or clusters for engine and cluster rules.`}
      />
      <RulesFilter rules={rules} params={params} />
      {shown.length > 0 ? (
        <RulesTable rules={shown} params={params} />
      ) : (
        <EmptyState
          title={params.show === "affecting" ? "No rule affects the current workloads with these filters" : "No rules match these filters"}
        >
          {params.show === "affecting" ? (
            <Link href={rulesHref({ ...params, show: "all" })} className={buttonClassName("secondary")}>
              Show all rules
            </Link>
          ) : null}
        </EmptyState>
      )}
    </>
  );
}
