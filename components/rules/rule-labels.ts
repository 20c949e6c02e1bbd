import type { Platform } from "@/lib/inventory/types";
import type { Remedy, Rule } from "@/lib/rules/types";

export const REMEDY_LABELS: Record<Remedy, string> = {
  manifest: "Change the manifest",
  platform: "Configure the platform",
  "keep-on-runc": "Keep on runc",
};

export const SCOPE_LABELS: Record<Rule["scope"], string> = {
  workload: "Workload",
  declared: "Declared requirement",
  inventory: "Engine / cluster",
};

export const PLATFORM_LABELS: Record<Platform, string> = {
  kubernetes: "Kubernetes",
  docker: "Docker",
  compose: "Compose",
};

export function formatRemedy(remedy: Remedy | null): string {
  return remedy ? REMEDY_LABELS[remedy] : "None needed";
}
