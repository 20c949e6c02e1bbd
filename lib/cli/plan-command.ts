// `kata-readiness plan`: rollout waves proposed from a scan, within a per-wave budget of overhead.
import { escapeControl } from "../export/terminal";
import { formatCount, formatErrorLocation, formatGiB, formatVcpuTotal } from "../format";
import { parseQuantity, toMiB, toMilliCpu } from "../inventory/quantity";
import { capacityFromNodes, userCapacity } from "../plan/capacity";
import { planWorkload } from "../plan/from-scan";
import { proposeWaves, type Plan, type PlanBudget, type PlanCapacity } from "../plan/propose";
import { scan, type ScanResult } from "../scan";
import { DEFAULT_PROFILE_ID, findProfile, PROFILES } from "../scoring/profiles";
import { FORMATS, parseCommandArgs, pickChoice } from "./args";
import { EXIT, UsageError } from "./errors";
import { PLAN_HELP } from "./help";
import { collectInputs } from "./inputs";
import type { CliIo } from "./io";
import { withoutWaived } from "./scan-command";
import { writeReport } from "./output";
import { loadWaivers } from "./waivers";

function positiveQuantity(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseQuantity(value);
  if (parsed === undefined || !(parsed > 0))
    throw new UsageError(`--${option} must be a positive quantity such as 64Gi or 16 (got "${String(value)}")`, "plan");
  return parsed;
}

function positiveInteger(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[1-9]\d{0,8}$/.test(value))
    throw new UsageError(`--${option} must be a whole number from 1 (got "${String(value)}")`, "plan");
  return Number(value);
}

export async function runPlan(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("plan", args, {
    format: { type: "string", short: "f" },
    target: { type: "string", short: "t" },
    cluster: { type: "string", short: "c" },
    waivers: { type: "string" },
    output: { type: "string", short: "o" },
    "max-overhead-memory": { type: "string" },
    "max-overhead-cpu": { type: "string" },
    "max-workloads": { type: "string" },
    "capacity-memory": { type: "string" },
    "capacity-cpu": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(PLAN_HELP);
    return EXIT.ok;
  }
  const format = pickChoice("plan", "format", values.format, FORMATS, "text");
  const target = typeof values.target === "string" ? values.target : DEFAULT_PROFILE_ID;
  if (!findProfile(target)) throw new UsageError(`unknown target "${target}"; one of: ${PROFILES.map((p) => p.id).join(", ")}`, "plan");
  const cluster = typeof values.cluster === "string" ? values.cluster : undefined;
  if (cluster !== undefined && !/^[^/\s]+$/.test(cluster)) throw new UsageError("--cluster must be a name without '/' or spaces", "plan");
  const memory = positiveQuantity("max-overhead-memory", values["max-overhead-memory"]);
  const cpu = positiveQuantity("max-overhead-cpu", values["max-overhead-cpu"]);
  const budget: PlanBudget = {};
  if (memory !== undefined) budget.maxOverheadMemoryMiB = toMiB(memory);
  if (cpu !== undefined) budget.maxOverheadMilliCpu = toMilliCpu(cpu);
  const maxWorkloads = positiveInteger("max-workloads", values["max-workloads"]);
  if (maxWorkloads !== undefined) budget.maxWorkloads = maxWorkloads;
  const capacityMemory = positiveQuantity("capacity-memory", values["capacity-memory"]);
  const capacityCpu = positiveQuantity("capacity-cpu", values["capacity-cpu"]);
  if ((capacityMemory === undefined) !== (capacityCpu === undefined)) {
    throw new UsageError("give --capacity-memory and --capacity-cpu together", "plan");
  }
  if (positionals.length === 0) throw new UsageError("nothing to plan: give files, directories or - for stdin", "plan");

  const waivers = typeof values.waivers === "string" ? await loadWaivers(values.waivers, io, "plan") : [];
  const inputs = await collectInputs(positionals, io);
  const scanned = scan(inputs.files, { target, cluster });
  const result: ScanResult = withoutWaived({ ...scanned, errors: [...inputs.errors, ...scanned.errors] }, waivers, new Date());
  const capacity: PlanCapacity | null =
    capacityMemory !== undefined && capacityCpu !== undefined
      ? userCapacity(Math.floor(toMiB(capacityMemory)), toMilliCpu(capacityCpu))
      : capacityFromNodes(result.inventory.nodes);
  const plan = proposeWaves(result.workloads.map(planWorkload), budget, capacity);
  const report = format === "json" ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan, result);

  const output = typeof values.output === "string" ? values.output : undefined;
  await writeReport(io, output, [report], () => planSummary(plan));

  for (const error of result.errors)
    io.stderr.write(`kata-readiness: ${escapeControl(`${formatErrorLocation(error)}: ${error.message}`)}\n`);
  return result.errors.length > 0 ? EXIT.inputErrors : EXIT.ok;
}

function planSummary(plan: Plan): string {
  const planned = plan.waves.reduce((n, wave) => n + wave.workloads.length, 0);
  return `${formatCount(plan.waves.length)} ${plan.waves.length === 1 ? "wave" : "waves"}, ${formatCount(planned)} workloads planned, ${formatCount(plan.unplanned.length)} not planned`;
}

function budgetText(budget: PlanBudget): string {
  const parts: string[] = [];
  if (budget.maxOverheadMemoryMiB !== undefined) parts.push(`+${formatGiB(budget.maxOverheadMemoryMiB)}`);
  if (budget.maxOverheadMilliCpu !== undefined) parts.push(`+${formatVcpuTotal(budget.maxOverheadMilliCpu)}`);
  if (budget.maxWorkloads !== undefined) parts.push(`${formatCount(budget.maxWorkloads)} workloads`);
  return parts.length > 0
    ? parts.join(", ")
    : "none (one wave per group order; set --max-overhead-memory, --max-overhead-cpu or --max-workloads)";
}

function planText(plan: Plan, result: ScanResult): string {
  const lines = [
    `Rollout plan for cluster ${result.cluster}, target ${result.target}: ${planSummary(plan)}`,
    `Budget per wave: ${budgetText(plan.budget)}`,
  ];
  lines.push(
    plan.capacity
      ? `Kata capacity: ${formatGiB(plan.capacity.allocatableMemoryMiB)} / ${formatVcpuTotal(plan.capacity.allocatableMilliCpu)} (${plan.capacity.description})`
      : "Kata capacity: unknown (no Node objects with allocatable figures): give --capacity-memory and --capacity-cpu to check each wave fits",
  );
  for (const wave of plan.waves) {
    lines.push("", wave.reason);
    if (wave.headroom) {
      const h = wave.headroom;
      lines.push(
        `  headroom after this wave: ${formatGiB(h.memoryMiB)} / ${formatVcpuTotal(h.milliCpu)}${h.fits ? "" : "  (DOES NOT FIT)"}`,
      );
    }
    for (const id of wave.workloads) lines.push(`  - ${id}`);
  }
  if (plan.unplanned.length > 0) {
    lines.push("", `Not planned (${formatCount(plan.unplanned.length)}):`);
    for (const item of plan.unplanned) lines.push(`  - ${item.id}: ${item.reason}`);
  }
  return `${lines.map((line) => escapeControl(line)).join("\n")}\n`;
}
