import type { DeclaredRule } from "../types";

export const checkpointRestore: DeclaredRule = {
  id: "checkpoint-restore",
  scope: "declared",
  since: "1.0",
  title: "Checkpoint and restore (declared)",
  severity: "blocker",
  remedy: "keep-on-runc",
  summary: "The workload is declared to rely on container checkpoint and restore, which Kata does not provide.",
  why: `Kata has no \`checkpoint\` and \`restore\` operations: \`docker checkpoint create\`, Podman/CRI-O checkpointing and the Kubernetes container checkpoint API (forensic checkpointing) all need runc with CRIU, which snapshots host processes. A Kata container's processes live inside a VM the host cannot snapshot that way. Nothing in a manifest shows this dependency, so it is declared with \`kata-readiness.io/requires\`.`,
  remediation: `Keep the workload on runc (with CRIU) as long as it needs checkpoint/restore. If the need is live migration or fast restart, consider application-level state snapshots instead, then remove \`checkpoint-restore\` from \`kata-readiness.io/requires\`.`,
  references: [
    {
      title: "Kata limitations: checkpoint and restore",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    { title: "kata-containers/runtime#184: checkpoint/restore", url: "https://github.com/kata-containers/runtime/issues/184" },
    {
      title: "kata-containers#13754: snapshot/restore for Firecracker",
      url: "https://github.com/kata-containers/kata-containers/issues/13754",
    },
  ],
};
