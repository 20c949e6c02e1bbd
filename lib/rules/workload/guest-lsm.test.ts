import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { guestLsm } from "./guest-lsm";

const ctx = ruleContext();

describe("guest-lsm", () => {
  it("K8s securityContext: info for RuntimeDefault, warning for Localhost and seLinuxOptions, none for Unconfined", () => {
    const w = podWorkload({
      securityContext: { seccompProfile: { type: "RuntimeDefault" }, seLinuxOptions: { level: "s0:c123,c456" } },
      containers: [
        {
          name: "a",
          securityContext: {
            seccompProfile: { type: "Localhost", localhostProfile: "profiles/audit.json" },
            appArmorProfile: { type: "Unconfined" },
          },
        },
        { name: "b", securityContext: { appArmorProfile: { type: "RuntimeDefault" }, seccompProfile: { type: "Unconfined" } } },
      ],
      ephemeralContainers: [{ name: "dbg", securityContext: { appArmorProfile: { type: "Localhost", localhostProfile: "k8s-debug" } } }],
    });
    const findings = guestLsm.check(w, ctx);
    expect(findings.map((f) => [f.severity, f.container, f.path])).toEqual([
      ["info", null, "spec.template.spec.securityContext.seccompProfile.type"],
      ["warning", null, "spec.template.spec.securityContext.seLinuxOptions"],
      ["warning", "a", "spec.template.spec.containers[0].securityContext.seccompProfile.type"],
      ["info", "b", "spec.template.spec.containers[1].securityContext.appArmorProfile.type"],
      ["warning", "dbg", "spec.template.spec.ephemeralContainers[0].securityContext.appArmorProfile.type"],
    ]);
    expect(findings[2].message).toContain("Localhost (profiles/audit.json) on a");
    expect(findings[1].message).toContain("level=s0:c123,c456");
    expect(findings[0].remedy).toBe("platform");
  });

  it("K8s annotations: AppArmor per container and deprecated seccomp", () => {
    const w = podWorkload(
      { containers: [{ name: "a" }, { name: "b" }] },
      {
        annotations: {
          "container.apparmor.security.beta.kubernetes.io/a": "localhost/k8s-nginx",
          "container.apparmor.security.beta.kubernetes.io/b": "unconfined",
          "seccomp.security.alpha.kubernetes.io/pod": "runtime/default",
          "container.seccomp.security.alpha.kubernetes.io/b": "docker/default",
        },
      },
    );
    expect(guestLsm.check(w, ctx).map((f) => [f.severity, f.container, f.path])).toEqual([
      ["warning", "a", 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/a"]'],
      ["info", null, 'spec.template.metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]'],
      ["info", "b", 'spec.template.metadata.annotations["container.seccomp.security.alpha.kubernetes.io/b"]'],
    ]);
  });

  it("K8s: no finding without LSM settings or with empty seLinuxOptions", () => {
    expect(
      guestLsm.check(podWorkload({ securityContext: { runAsUser: 1000, seLinuxOptions: {} }, containers: [{ name: "a" }] }), ctx),
    ).toEqual([]);
  });

  it("Docker SecurityOpt: custom profiles warn, defaults inform, unconfined and label=disable are ignored", () => {
    const w = dockerWorkload({
      HostConfig: {
        SecurityOpt: [
          "seccomp=unconfined",
          "apparmor=docker-default",
          'seccomp={"defaultAction":"SCMP_ACT_ERRNO",\n "syscalls": [] }',
          "label=disable",
          "label=type:svirt_apache_t",
          "no-new-privileges",
          "apparmor:unconfined",
        ],
      },
    });
    const findings = guestLsm.check(w, ctx);
    expect(findings.map((f) => [f.severity, f.path])).toEqual([
      ["info", "HostConfig.SecurityOpt[1]"],
      ["warning", "HostConfig.SecurityOpt[2]"],
      ["warning", "HostConfig.SecurityOpt[4]"],
    ]);
    expect(findings[1].message).not.toContain("\n");
    expect(findings.every((f) => f.container === null)).toBe(true);
  });

  it("Compose security_opt", () => {
    const findings = guestLsm.check(composeWorkload({ security_opt: ["apparmor=my-profile", "seccomp:unconfined"] }), ctx);
    expect(findings.map((f) => [f.severity, f.path])).toEqual([["warning", "services.web.security_opt[0]"]]);
  });
});
