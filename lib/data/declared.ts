// Requirements declared in the dashboard (DeclaredRequirement, keyed by cluster + identity). Imports and
// re-scores turn them into findings (scan option `declared`); setting one here also adds or removes the
// finding on the current workload at once, with its figures and remediation item.
import "server-only";
import { db } from "@/lib/db";
import { isSeverity, OPEN_REMEDIATION_STATUSES } from "@/lib/domain";
import { DASHBOARD_DECLARED_PATH, DECLARABLE_ITEMS, dashboardDeclaredFindings, declaredFinding } from "@/lib/rules/declared";
import { fingerprint } from "@/lib/rules/fingerprint";
import type { Finding } from "@/lib/rules/types";
import { readWorkloadSpec } from "./stored-json";
import { recomputeFigures } from "./tracking";

export interface DeclaredState {
  requirement: string;
  /** Declared in the dashboard (a stored row). */
  inDashboard: boolean;
  /** The workload has the finding from its manifest (annotation or label) or a rule. */
  inManifest: boolean;
}

/** Each declarable item's state on one workload. */
export async function getDeclaredStates(clusterName: string, identity: string, findings: readonly { ruleId: string; path: string }[]): Promise<DeclaredState[]> {
  const rows = await db.declaredRequirement.findMany({ where: { cluster: { name: clusterName }, identity }, select: { requirement: true } });
  const stored = new Set(rows.map((r) => r.requirement));
  return DECLARABLE_ITEMS.map((requirement) => {
    const ruleId = declaredFinding(requirement, DASHBOARD_DECLARED_PATH).ruleId;
    return {
      requirement,
      inDashboard: stored.has(requirement),
      inManifest: findings.some((f) => f.ruleId === ruleId && f.path !== DASHBOARD_DECLARED_PATH),
    };
  });
}

export type SetDeclaredResult = { ok: true; message: string } | { ok: false; message: string };

const COUNT_FIELD = { blocker: "blockerCount", warning: "warningCount", info: "infoCount" } as const;

export async function setDeclaredRequirement(
  input: { workloadId: number; requirement: string; declared: boolean },
  actor: string,
  now = new Date(),
): Promise<SetDeclaredResult> {
  if (!DECLARABLE_ITEMS.includes(input.requirement)) return { ok: false, message: `Unknown requirement "${input.requirement.slice(0, 100)}".` };
  return db.$transaction(async (tx) => {
    const workload = await tx.workload.findUnique({
      where: { id: input.workloadId },
      select: {
        id: true, isCurrent: true, uploadId: true, clusterName: true, identity: true, spec: true, platform: true, namespace: true, team: true,
        findings: { where: { isCurrent: true }, select: { id: true, ruleId: true, severity: true, remedy: true, path: true, container: true, fingerprint: true } },
      },
    });
    if (!workload || !workload.isCurrent) return { ok: false, message: `Workload #${input.workloadId} is not in a current snapshot.` };
    const cluster = await tx.cluster.findUnique({ where: { name: workload.clusterName }, select: { id: true } });
    if (!cluster) return { ok: false, message: `Cluster "${workload.clusterName}" does not exist.` };
    const key = { clusterId_identity_requirement: { clusterId: cluster.id, identity: workload.identity, requirement: input.requirement } };
    const existing = await tx.declaredRequirement.findUnique({ where: key });
    const base = { at: now, actor, clusterId: cluster.id, identity: workload.identity, entity: "declared-requirement", field: "requirement" };
    const ruleId = declaredFinding(input.requirement, DASHBOARD_DECLARED_PATH).ruleId;
    const itemAudit = (print: string, itemId: number, action: string) => ({
      at: now, actor, action, clusterId: cluster.id, identity: workload.identity, fingerprint: print, ruleId, entity: "remediation-item", entityId: itemId, field: "status",
    });

    if (input.declared) {
      if (existing) return { ok: true, message: `${input.requirement} was already declared.` };
      const row = await tx.declaredRequirement.create({ data: { clusterId: cluster.id, identity: workload.identity, requirement: input.requirement, createdBy: actor } });
      await tx.auditEvent.create({ data: { ...base, action: "declared in the dashboard", entityId: row.id, ruleId, fromValue: null, toValue: input.requirement } });
      const spec = readWorkloadSpec(workload.spec);
      const [added] = dashboardDeclaredFindings(workload.findings as unknown as Finding[], [input.requirement]);
      if (added && spec) {
        const print = fingerprint(spec, added);
        await tx.finding.create({
          data: {
            workloadId: workload.id, uploadId: workload.uploadId, isCurrent: true, ruleId: added.ruleId, severity: added.severity, remedy: added.remedy,
            container: null, path: added.path, message: added.message, fingerprint: print, change: "new",
          },
        });
        await tx.workload.update({ where: { id: workload.id }, data: { [COUNT_FIELD[added.severity]]: { increment: 1 } } });
        const itemKey = { clusterId_fingerprint: { clusterId: cluster.id, fingerprint: print } };
        const item = await tx.remediationItem.findUnique({ where: itemKey, select: { id: true, status: true } });
        if (!item) {
          await tx.remediationItem.create({
            data: { clusterId: cluster.id, identity: workload.identity, ruleId: added.ruleId, fingerprint: print, firstSeenUploadId: workload.uploadId, lastSeenUploadId: workload.uploadId, createdAt: now, updatedAt: now },
          });
        } else {
          // Declared again: an item closed when it was removed opens again (other decisions stay).
          const reopen = item.status === "fixed";
          await tx.remediationItem.update({
            where: { id: item.id },
            data: { lastSeenUploadId: workload.uploadId, resolvedInUploadId: null, ...(reopen ? { status: "open", updatedAt: now } : {}) },
          });
          if (reopen) await tx.auditEvent.create({ data: { ...itemAudit(print, item.id, "reopened: declared again in the dashboard"), fromValue: "fixed", toValue: "open" } });
        }
      }
    } else {
      if (!existing) return { ok: true, message: `${input.requirement} was not declared in the dashboard.` };
      await tx.declaredRequirement.delete({ where: { id: existing.id } });
      await tx.auditEvent.create({ data: { ...base, action: "removed in the dashboard", entityId: existing.id, ruleId, fromValue: input.requirement, toValue: null } });
      for (const finding of workload.findings) {
        if (finding.ruleId !== ruleId || finding.path !== DASHBOARD_DECLARED_PATH || !isSeverity(finding.severity)) continue;
        await tx.finding.delete({ where: { id: finding.id } });
        await tx.workload.update({ where: { id: workload.id }, data: { [COUNT_FIELD[finding.severity]]: { decrement: 1 } } });
        // Its item is done with, unless someone decided otherwise (accepted risk, won't fix).
        const item = await tx.remediationItem.findUnique({
          where: { clusterId_fingerprint: { clusterId: cluster.id, fingerprint: finding.fingerprint } },
          select: { id: true, status: true },
        });
        if (item && (OPEN_REMEDIATION_STATUSES as readonly string[]).includes(item.status)) {
          await tx.remediationItem.update({ where: { id: item.id }, data: { status: "fixed", updatedAt: now } });
          await tx.auditEvent.create({
            data: { ...itemAudit(finding.fingerprint, item.id, "closed: requirement removed in the dashboard"), fromValue: item.status, toValue: "fixed" },
          });
        }
      }
    }

    // Score, readiness and path, with and without waivers, from the findings as they are now.
    await recomputeFigures(tx, { id: workload.id }, now);
    return { ok: true, message: input.declared ? `Declared ${input.requirement}.` : `Removed ${input.requirement}.` };
  });
}
