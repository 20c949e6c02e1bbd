// Kubernetes resource quantities ("250m", "1.5", "512Mi", "1G", "1e3").

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)\s*$/;
/** Inventories repeat a handful of quantities ("500m", "256Mi") thousands of times. */
const parsed = new Map<string, number | undefined>();
const MAX_MEMO = 4096;
/** Longer strings are not real quantities: they are parsed, never kept. */
const MAX_MEMO_LENGTH = 32;

/** The quantity as a plain number (bytes for memory, cores for CPU); undefined when unparseable. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const known = parsed.get(value);
  if (known !== undefined || parsed.has(value)) return known;
  const result = parseQuantityText(value);
  if (parsed.size < MAX_MEMO && value.length <= MAX_MEMO_LENGTH) parsed.set(value, result);
  return result;
}

function parseQuantityText(value: string): number | undefined {
  const match = QUANTITY.exec(value);
  if (!match) return undefined;
  const base = Number(match[1]);
  if (match[2]) return base * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? "";
  return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}

export function toMiB(bytes: number): number {
  return bytes / 2 ** 20;
}

export function toMilliCpu(cores: number): number {
  return Math.round(cores * 1000);
}
