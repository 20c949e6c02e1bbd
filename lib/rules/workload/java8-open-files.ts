import type { Finding, WorkloadRule } from "../types";
import { asArray, asString, containersOfWorkload, finding, hostConfigOf, isObject, join } from "../walk";

const JAVA_NAMES = ["openjdk", "temurin", "corretto", "zulu", "java"];

/**
 * True for an image reference whose name mentions a Java distribution and whose tag is Java 8
 * (`8`, `8-jre`, `8u392`, `1.8.0_292`). A guess from the name: the image's real JVM is not known.
 */
export function isJava8Image(image: string): boolean {
  const at = image.indexOf("@");
  const reference = at < 0 ? image : image.slice(0, at);
  const colon = reference.lastIndexOf(":");
  if (colon < 0 || colon < reference.lastIndexOf("/")) return false;
  // The tag test first: it rejects nearly every image without lower-casing or searching the name.
  if (!JAVA8_TAG.test(reference.slice(colon + 1))) return false;
  const name = reference.slice(0, colon).toLowerCase();
  return JAVA_NAMES.some((n) => name.includes(n));
}

const JAVA8_TAG = /^(?:8|1\.8)(?:\D|$)/;

export const java8OpenFiles: WorkloadRule = {
  id: "java8-open-files",
  scope: "workload",
  since: "1.2",
  title: "Java 8 and the VM's open-files limit",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "The image looks like a Java 8 runtime (its name mentions openjdk, temurin, corretto, zulu or java and its tag starts with 8 or 1.8). This is a heuristic from the image name.",
  why: [
    "Inside a Kata VM, processes inherit the open-files limit of the Kata agent, which is 2^30 (1073741824), against about a million on a typical runc host.",
    "",
    "The Java 8 runtime sizes its file-descriptor table from that limit and fails to allocate it, so the JVM fails under Kata where it runs on runc. The reports are for Java 8; check other versions under Kata before relying on them.",
    "",
    "The rule guesses Java 8 from the image name and tag; an image that bundles Java 8 under another name is not found, and an image named like this may not use it.",
  ].join("\n"),
  remediation: [
    "- Set an explicit open-files limit for the container. Docker: `--ulimit nofile=1048576:1048576`; Compose:",
    "",
    "```yaml",
    "services:",
    "  app:",
    "    ulimits:",
    "      nofile: { soft: 1048576, hard: 1048576 }",
    "```",
    "",
    "- Kubernetes has no field for it: lower the limit in the entrypoint before starting Java (`sh -c 'ulimit -n 1048576 && exec java ...'`).",
    "- Or move to a newer Java release.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers/runtime#2597: Java 8 fails with the agent's open-files limit",
      url: "https://github.com/kata-containers/runtime/issues/2597",
    },
    {
      title: "kata-containers#2462: open-files limit inside the VM",
      url: "https://github.com/kata-containers/kata-containers/issues/2462",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    const report = (image: unknown, path: string, container: string | null) => {
      if (typeof image !== "string" || !isJava8Image(image)) return;
      out.push(
        finding(java8OpenFiles, { container, path, message: `image ${image} looks like Java 8 (heuristic) with no open-files limit` }),
      );
    };
    if (workload.platform === "kubernetes") {
      for (const c of containersOfWorkload(workload)) report(c.container.image, `${c.path}.image`, c.name);
    } else if (workload.platform === "docker") {
      const hasNofile = asArray(hostConfigOf(workload.object).Ulimits).some((u) => isObject(u) && asString(u.Name) === "nofile");
      const config = isObject(workload.object.Config) ? workload.object.Config : {};
      if (!hasNofile) report(config.Image, "Config.Image", null);
    } else {
      const ulimits = workload.object.ulimits;
      const hasNofile = isObject(ulimits) && ulimits.nofile !== undefined && ulimits.nofile !== null;
      if (!hasNofile) report(workload.object.image, join(workload.pathPrefix, "image"), null);
    }
    return out;
  },
};
