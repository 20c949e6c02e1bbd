import { READINESS_STATES, READINESS_STYLES, type Readiness } from "@/lib/domain";

/** The count field of each readiness in aggregates (`ReadinessCounts`). */
const COUNT_KEYS = { blocked: "blocked", "needs-changes": "needsChanges", ready: "ready" } as const satisfies Record<Readiness, string>;

export type ReadinessSeriesKey = (typeof COUNT_KEYS)[Readiness];

/** One colour per readiness level, shared by every chart and legend; bars read best first. */
export const READINESS_SERIES = [...READINESS_STATES].reverse().map((readiness) => ({
  key: COUNT_KEYS[readiness],
  label: READINESS_STYLES[readiness].label,
  className: READINESS_STYLES[readiness].bg,
}));
