// How numbers, sizes, CPU and dates read everywhere (pages, charts, CLI). English, thousands
// separators, times in UTC: server and browser render the same text, so nothing hydrates differently.
// Numbers are grouped by hand rather than through Intl: the first Intl call costs the CLI 15-80 ms.

/** `digits` decimals, thousands separated by commas. */
function number(value: number, digits: number): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split(".");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

/** 2000 → "2,000"; fractions keep up to three decimals (1.5 → "1.5"). */
export function formatCount(count: number): string {
  return Number.isInteger(count) ? number(count, 0) : number(count, 3).replace(/\.?0+$/, "");
}

/** "1 workload", "2,000 workloads". */
/** A change between snapshots: "+3", "−2" (a real minus sign), "±0". */
export function formatCountChange(change: number): string {
  if (change === 0) return "±0";
  return change > 0 ? `+${formatCount(change)}` : `\u2212${formatCount(-change)}`;
}

export function formatCountOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** Share of a whole, rounded: "42%" ("0%" of nothing). */
export function formatShare(part: number, total: number): string {
  return total === 0 ? "0%" : `${Math.round((part / total) * 100)}%`;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB"] as const;

/** File sizes, binary steps: "512 B", "1.5 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : number(value, 1)} ${BYTE_UNITS[unit]}`;
}

/** One workload's memory: "320 MiB", "2 GiB", "1.5 GiB". */
export function formatMiB(mib: number): string {
  return mib >= 1024 ? `${number(mib / 1024, mib % 1024 === 0 ? 0 : 1)} GiB` : `${formatCount(Math.round(mib * 10) / 10)} MiB`;
}

/** Totals over many workloads: "0.6 GiB", "1,234 GiB" (no decimal from 10 GiB on). */
export function formatGiB(mib: number): string {
  return `${number(mib / 1024, mib >= 10 * 1024 ? 0 : 1)} GiB`;
}

/** Totals of CPU over many workloads: "0.5 vCPU", "12 vCPU". */
export function formatVcpuTotal(milliCpu: number): string {
  return `${number(milliCpu / 1000, milliCpu >= 10_000 ? 0 : 1)} vCPU`;
}

/** A VM's vCPUs: "2.2 vCPU". */
export function formatVcpus(vcpus: number): string {
  return `${formatCount(Number(vcpus.toFixed(2)))} vCPU`;
}

/** One workload's CPU in Kubernetes terms: "250m CPU", "1.25 CPU", "2 CPU". */
export function formatMilliCpu(milliCpu: number): string {
  return milliCpu >= 1000 ? `${number(milliCpu / 1000, milliCpu % 1000 === 0 ? 0 : 2)} CPU` : `${Math.round(milliCpu)}m CPU`;
}

// Built on first use: constructing it at load time would slow every CLI start.
let dateTime: Intl.DateTimeFormat | undefined;

/** "2 Dec 2026, 15:23 UTC". */
export function formatDateTime(date: Date): string {
  dateTime ??= new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return `${dateTime.format(date)} UTC`;
}

let dateOnly: Intl.DateTimeFormat | undefined;

/**
 * The last moment a waiver applies, as users pick it: a waiver written `2026-12-22` ends at the
 * midnight starting the 23rd, which reads "through 22 Dec 2026 (UTC)"; other instants read in full.
 */
export function formatExpiry(expiresAt: Date): string {
  const atMidnight =
    expiresAt.getUTCHours() === 0 &&
    expiresAt.getUTCMinutes() === 0 &&
    expiresAt.getUTCSeconds() === 0 &&
    expiresAt.getUTCMilliseconds() === 0;
  if (!atMidnight) return `until ${formatDateTime(expiresAt)}`;
  dateOnly ??= new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
  return `through ${dateOnly.format(new Date(expiresAt.getTime() - 1))} (UTC)`;
}

/** "file.yaml:3:7", or less where line or column are unknown. */
export function formatErrorLocation(error: { source: string; line?: number; column?: number }): string {
  if (error.line === undefined) return error.source;
  return error.column === undefined ? `${error.source}:${error.line}` : `${error.source}:${error.line}:${error.column}`;
}

/** A coordinate or length in SVG markup: one decimal is finer than a printed point. */
export function formatSvgNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A calendar day as entered in a date field: "2026-12-31" (UTC). */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A workload kind as people read it. Compose services are stored as kind `Service`; a Kubernetes
 * Service is never a workload here, so the word alone would mislead.
 */
export function formatKind(kind: string): string {
  return kind === "Service" ? "Compose service" : kind;
}

/**
 * A workload identity (`cluster/namespace/Kind/name`) as people read it: no empty namespace segment
 * for Docker containers (`edge-lab/Container/camera-agent`) and Compose services named as such
 * (`edge-lab/shop/Compose service/web`). The identity itself stays the key waivers and the CLI match.
 */
export function formatWorkloadIdentity(identity: string): string {
  const parts = identity.split("/");
  if (parts.length < 4) return identity;
  const [cluster, namespace, kind, ...name] = parts;
  return [cluster, namespace, formatKind(kind), name.join("/")].filter((part) => part !== "").join("/");
}
