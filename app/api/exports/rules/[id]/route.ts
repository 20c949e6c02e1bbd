// GET /api/exports/rules/<rule-id>?format=…: the current workloads with a finding of the rule.
import { findRule } from "@/lib/rules/catalog";
import { respondWithExport, today } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const rule = findRule(id);
  if (!rule) return Response.json({ error: "No such rule." }, { status: 404 });
  return respondWithExport(request.url, {
    where: { isCurrent: true, findings: { some: { isCurrent: true, ruleId: rule.id } } },
    scope: `workloads affected by ${rule.id}`,
    fileName: `kata-readiness-rule-${rule.id}-${today()}`,
  });
}
