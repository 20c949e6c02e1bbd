import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, podWorkload, ruleContext } from "../test-helpers";
import { execLivenessProbe } from "./exec-liveness-probe";

const run = (w: Workload) => execLivenessProbe.check(w, ruleContext());

describe("exec-liveness-probe", () => {
  it("fires on an exec liveness probe, naming the command and timeout", () => {
    const w = podWorkload({
      containers: [{ name: "db", livenessProbe: { exec: { command: ["pg_isready", "-U", "app"] }, timeoutSeconds: 3 } }],
    });
    expect(run(w)).toEqual([
      {
        ruleId: "exec-liveness-probe",
        severity: "warning",
        remedy: "manifest",
        container: "db",
        path: "spec.template.spec.containers[0].livenessProbe.exec",
        message: 'livenessProbe.exec "pg_isready -U app" (timeoutSeconds 3) on db',
      },
    ]);
  });

  it("takes the Kubernetes default timeout of 1 second and checks init (sidecar) containers", () => {
    const w = podWorkload({
      containers: [{ name: "a" }],
      initContainers: [{ name: "side", restartPolicy: "Always", livenessProbe: { exec: { command: ["true"] } } }],
    });
    expect(run(w).map((f) => [f.container, f.message])).toEqual([["side", 'livenessProbe.exec "true" (timeoutSeconds 1) on side']]);
  });

  it("stays quiet on httpGet, tcpSocket and grpc liveness probes and on exec readiness probes", () => {
    const w = podWorkload({
      containers: [
        { name: "a", livenessProbe: { httpGet: { path: "/", port: 80 } }, readinessProbe: { exec: { command: ["check"] } } },
        { name: "b", livenessProbe: { tcpSocket: { port: 5432 } }, startupProbe: { exec: { command: ["check"] } } },
        { name: "c", livenessProbe: { grpc: { port: 9090 } } },
      ],
    });
    expect(run(w)).toEqual([]);
  });

  it("does not apply to Compose healthchecks", () => {
    expect(execLivenessProbe.appliesTo).toEqual(["kubernetes"]);
    expect(run(composeWorkload({ healthcheck: { test: ["CMD", "true"] } }))).toEqual([]);
  });
});
