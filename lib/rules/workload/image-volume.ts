import type { Finding, WorkloadRule } from "../types";
import { asString, finding, isObject, volumesOf } from "../walk";

export const imageVolume: WorkloadRule = {
  id: "image-volume",
  scope: "workload",
  since: "1.2",
  title: "Image volume",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary: "The pod mounts an OCI image as a volume (`volumes[].image`, Kubernetes ImageVolume).",
  why: [
    'An image volume is pulled and mounted by the container runtime on the host. Kata does not carry that mount into the VM: the container fails to start with "no such file or directory" for the volume.',
    "",
    "The issue is open upstream and Kata's CI skips the Kubernetes ImageVolume tests.",
  ].join("\n"),
  remediation: [
    "- Copy the content in with an init container that runs the artifact image and writes into an emptyDir the main container mounts:",
    "",
    "```yaml",
    "initContainers:",
    "  - name: fetch-model",
    "    image: registry.example.com/models/llm:1.0   # was: volumes[].image.reference",
    '    command: ["cp", "-r", "/model/.", "/data/"]',
    "    volumeMounts: [{ name: model, mountPath: /data }]",
    "volumes:",
    "  - name: model",
    "    emptyDir: {}",
    "```",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#13749: image volumes fail with ENOENT",
      url: "https://github.com/kata-containers/kata-containers/issues/13749",
    },
    { title: "Kubernetes: image volumes", url: "https://kubernetes.io/docs/concepts/storage/volumes/#image" },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      for (const v of volumesOf(pod)) {
        const image = v.volume.image;
        if (!isObject(image)) continue;
        const reference = asString(image.reference) ?? "?";
        out.push(finding(imageVolume, { container: null, path: `${v.path}.image`, message: `image volume "${v.name}" (${reference})` }));
      }
    }
    return out;
  },
};
