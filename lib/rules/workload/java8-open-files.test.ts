import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { isJava8Image, java8OpenFiles } from "./java8-open-files";

const run = (w: Workload) => java8OpenFiles.check(w, ruleContext());

describe("java8-open-files", () => {
  it.each([
    "openjdk:8",
    "openjdk:8-jre-alpine",
    "eclipse-temurin:8u392-b08-jdk",
    "amazoncorretto:8",
    "azul/zulu-openjdk:8",
    "registry:5000/team/java-app:1.8.0_292",
    "OPENJDK:8@sha256:abc",
  ])("takes %s for Java 8", (image) => expect(isJava8Image(image)).toBe(true));

  it.each([
    "openjdk:11",
    "eclipse-temurin:17-jre",
    "openjdk:80",
    "openjdk",
    "openjdk@sha256:abc",
    "nginx:8",
    "registry:8/openjdk",
    "java-app:latest",
  ])("does not take %s for Java 8", (image) => expect(isJava8Image(image)).toBe(false));

  it("fires on a Kubernetes container's image and says it is a heuristic", () => {
    expect(
      run(
        podWorkload({
          containers: [
            { name: "app", image: "openjdk:8-jre" },
            { name: "side", image: "envoy:1.30" },
          ],
        }),
      ),
    ).toEqual([
      {
        ruleId: "java8-open-files",
        severity: "warning",
        remedy: "manifest",
        container: "app",
        path: "spec.template.spec.containers[0].image",
        message: "image openjdk:8-jre looks like Java 8 (heuristic) with no open-files limit",
      },
    ]);
    expect(java8OpenFiles.summary).toMatch(/heuristic/);
  });

  it("fires on Docker unless a nofile ulimit is set", () => {
    expect(run(dockerWorkload({ Config: { Image: "amazoncorretto:8" }, HostConfig: {} })).map((f) => f.path)).toEqual(["Config.Image"]);
    expect(
      run(
        dockerWorkload({
          Config: { Image: "amazoncorretto:8" },
          HostConfig: { Ulimits: [{ Name: "nofile", Soft: 1048576, Hard: 1048576 }] },
        }),
      ),
    ).toEqual([]);
  });

  it("fires on Compose unless ulimits.nofile is set", () => {
    expect(run(composeWorkload({ image: "eclipse-temurin:8" })).map((f) => f.path)).toEqual(["services.web.image"]);
    expect(run(composeWorkload({ image: "eclipse-temurin:8", ulimits: { nofile: 65536 } }))).toEqual([]);
    expect(run(composeWorkload({ image: "eclipse-temurin:8", ulimits: { nproc: 65536 } }))).toHaveLength(1);
  });
});
