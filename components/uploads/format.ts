const UNITS = ["B", "KB", "MB", "GB"] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

export function formatErrorLocation(error: { source: string; line?: number; column?: number }): string {
  if (error.line === undefined) return error.source;
  return error.column === undefined ? `${error.source}:${error.line}` : `${error.source}:${error.line}:${error.column}`;
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} UTC`;
}
