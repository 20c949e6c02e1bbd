/** One color per readiness level, shared by every chart and legend. */
export const READINESS_SERIES = [
  { key: "ready", label: "Ready", className: "bg-ready", fill: "var(--ready)" },
  { key: "needsChanges", label: "Needs changes", className: "bg-needs", fill: "var(--needs)" },
  { key: "blocked", label: "Blocked", className: "bg-blocked", fill: "var(--blocked)" },
] as const;

export type ReadinessSeriesKey = (typeof READINESS_SERIES)[number]["key"];
