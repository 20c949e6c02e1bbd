import { isKataRuntime, isKataRuntimeClass, MIGRATED_RULE_ID } from "../../domain";
import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

export const kataRuntime: WorkloadRule = {
  id: MIGRATED_RULE_ID,
  scope: "workload",
  since: "1.0",
  title: "Already runs on Kata",
  severity: "info",
  remedy: null,
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "The workload already selects a Kata runtime (`runtimeClassName: kata*`, Docker `--runtime io.containerd.kata.v2` or `kata*`), so it counts as migrated.",
  why: `Nothing breaks: this records that the workload is already on Kata. Its other findings then describe what is (or would be) different right now, which helps explain surprises in production, such as a missing host mount or an ignored limit.`,
  remediation: `Nothing to do. Check that the RuntimeClass's handler matches the target profile of this scan, and review the workload's other findings: they apply today.`,
  references: [
    {
      title: "Kata how-to: use Kata with Docker",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-use-kata-with-docker.md",
    },
    { title: "Kata installation", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/installation.md" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        const name = asString(pod.spec.runtimeClassName) ?? "";
        if (!isKataRuntimeClass(name)) continue;
        out.push(
          finding(kataRuntime, { container: null, path: join(pod.path, "runtimeClassName"), message: `runs on RuntimeClass ${name}` }),
        );
      }
    } else if (workload.platform === "docker") {
      const runtime = asString(hostConfigOf(workload.object).Runtime) ?? "";
      if (isKataRuntime(runtime))
        out.push(finding(kataRuntime, { container: null, path: "HostConfig.Runtime", message: `runs on runtime ${runtime}` }));
    } else {
      const runtime = asString(workload.object.runtime) ?? "";
      if (isKataRuntime(runtime)) {
        out.push(
          finding(kataRuntime, { container: null, path: join(workload.pathPrefix, "runtime"), message: `runs on runtime ${runtime}` }),
        );
      }
    }
    return out;
  },
};
