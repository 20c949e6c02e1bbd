import type { Finding, Severity, WorkloadRule } from "../types";
import { asArray, asString, containersOf, finding, hostConfigOf, isObject, join, metadataEntriesOf, shortValue } from "../walk";

const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
const SECCOMP_CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";
const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";

/** Severity of a profile `type` (seccompProfile / appArmorProfile); undefined asks for nothing. */
function severityOfType(type: string): Severity | undefined {
  if (type === "RuntimeDefault") return "info";
  if (type === "Localhost") return "warning";
  return undefined;
}

/** Severity of an annotation value: `runtime/default`, `docker/default`, `localhost/<p>`, `unconfined`. */
function severityOfAnnotation(value: string): Severity | undefined {
  if (value === "runtime/default" || value === "docker/default") return "info";
  if (value.startsWith("localhost/")) return "warning";
  return undefined;
}

/** Severity of a Docker `SecurityOpt` / Compose `security_opt` entry (`key=value`, legacy `key:value`). */
function severityOfSecurityOpt(option: string): Severity | undefined {
  const match = /^(seccomp|apparmor|label)[=:](.*)$/s.exec(option);
  if (!match) return undefined;
  const [, key, value] = match;
  if (value === "unconfined" || (key === "label" && value === "disable")) return undefined;
  if ((key === "seccomp" && value === "builtin") || (key === "apparmor" && value === "docker-default")) return "info";
  return "warning";
}

function isLsmAnnotation(key: string): boolean {
  return key.startsWith(APPARMOR_ANNOTATION) || key.startsWith(SECCOMP_CONTAINER_ANNOTATION) || key === SECCOMP_POD_ANNOTATION;
}

const SUFFIX = "is not applied inside the Kata guest";

const PROFILE_FIELDS = ["seccompProfile", "appArmorProfile"] as const;

function describeWho(container: string | null): string {
  return container ? ` on ${container}` : " (pod)";
}

function checkSecurityContext(securityContext: unknown, path: string, container: string | null, out: Finding[]): void {
  if (!isObject(securityContext)) return;
  for (const field of PROFILE_FIELDS) {
    const profile = securityContext[field];
    if (!isObject(profile)) continue;
    const type = asString(profile.type) ?? "";
    const severity = severityOfType(type);
    if (!severity) continue;
    const localhost = asString(profile.localhostProfile);
    out.push(
      finding(guestLsm, {
        severity,
        container,
        path: `${path}.securityContext.${field}.type`,
        message: `${field} ${type}${localhost ? ` (${localhost})` : ""}${describeWho(container)} ${SUFFIX}`,
      }),
    );
  }
  const selinux = securityContext.seLinuxOptions;
  if (isObject(selinux) && Object.values(selinux).some((v) => typeof v === "string" && v !== "")) {
    const label = Object.entries(selinux)
      .filter(([, v]) => typeof v === "string" && v !== "")
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(",");
    out.push(
      finding(guestLsm, {
        severity: "warning",
        container,
        path: `${path}.securityContext.seLinuxOptions`,
        message: `seLinuxOptions ${label}${describeWho(container)} labels the hypervisor on the host; it ${SUFFIX}`,
      }),
    );
  }
}

export const guestLsm: WorkloadRule = {
  id: "guest-lsm",
  scope: "workload",
  since: "1.0",
  title: "seccomp, AppArmor and SELinux not applied in the guest",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "A seccomp, AppArmor or SELinux setting (info for the runtime default, warning for a custom or localhost profile) that Kata does not enforce on the workload inside the VM by default.",
  why: `Under Kata the VM is the isolation boundary, and the Linux security modules a container asks for are mostly not applied to the workload:

- **seccomp:** \`disable_guest_seccomp = true\` is the default in both runtimes, so the container's seccomp profile is not loaded inside the guest.
- **SELinux:** \`disable_guest_selinux = true\` by default. The label is applied to the hypervisor process on the host, not to the workload; inside the guest it is dropped.
- **AppArmor:** the agent has no AppArmor support (runtime-rs even strips the profile from exec'd processes); assume it is not enforced.

For \`RuntimeDefault\` this only lowers defence in depth (info). A custom or localhost profile usually encodes a specific policy someone relies on, so its silent absence is a real difference (warning). \`Unconfined\` asks for nothing and is not reported.`,
  remediation: `- Accept the difference and record a waiver: the VM boundary stays in place.
- If in-guest seccomp is required, ask the platform team to set \`disable_guest_seccomp = false\` for the RuntimeClass, or allow the per-pod annotation:

\`\`\`yaml
metadata:
  annotations:
    io.katacontainers.config.runtime.disable_guest_seccomp: "false"
\`\`\`

  (a Kata configuration annotation: see \`kata-annotations\`).
- Guest SELinux needs a custom SELinux-enabled guest image; AppArmor has no in-guest option.`,
  references: [
    {
      title: "Kata architecture: SELinux label on the hypervisor",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/README.md",
    },
    {
      title: "Kata developer guide: enable seccomp / SELinux in the guest",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Developer-Guide.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        checkSecurityContext(pod.spec.securityContext, pod.path, null, out);
        for (const container of containersOf(pod))
          checkSecurityContext(container.container.securityContext, container.path, container.name, out);
      }
      for (const entry of metadataEntriesOf(workload, "annotations", isLsmAnnotation)) {
        const value = entry.value.trim();
        let container: string | null;
        if (entry.key.startsWith(APPARMOR_ANNOTATION)) container = entry.key.slice(APPARMOR_ANNOTATION.length);
        else if (entry.key.startsWith(SECCOMP_CONTAINER_ANNOTATION)) container = entry.key.slice(SECCOMP_CONTAINER_ANNOTATION.length);
        else if (entry.key === SECCOMP_POD_ANNOTATION) container = null;
        else continue;
        const severity = severityOfAnnotation(value);
        if (!severity) continue;
        out.push(finding(guestLsm, { severity, container, path: entry.path, message: `annotation ${entry.key}=${value} ${SUFFIX}` }));
      }
      return out;
    }
    const docker = workload.platform === "docker";
    const options = docker ? hostConfigOf(workload.object).SecurityOpt : workload.object.security_opt;
    const base = docker ? "HostConfig.SecurityOpt" : join(workload.pathPrefix, "security_opt");
    asArray(options).forEach((option, i) => {
      if (typeof option !== "string") return;
      const severity = severityOfSecurityOpt(option);
      if (!severity) return;
      out.push(
        finding(guestLsm, { severity, container: null, path: `${base}[${i}]`, message: `security option ${shortValue(option)} ${SUFFIX}` }),
      );
    });
    return out;
  },
};
