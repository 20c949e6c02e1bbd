import { PROFILES, DEFAULT_PROFILE_ID } from "../scoring/profiles";

export const MAIN_HELP = `Usage: kata-readiness <command> [options]

Tells which Kubernetes, Docker and Compose workloads can move to Kata Containers.

Commands:
  scan [paths...]     scan inventories and manifests (files, directories, - for stdin)
  plan [paths...]     propose rollout waves within a budget of overhead per wave
  rules               list the rule catalog
  explain <rule-id>   explain one rule: why it matters, what to do, sources

Options:
  -h, --help          show help (also: kata-readiness <command> --help)
  -v, --version       print the version

Exit codes: 0 ok, 1 --fail-on threshold reached, 2 some input unreadable or unparseable,
64 usage error, 70 internal error (a bug: please report it), 73 cannot write --output.
`;

export const SCAN_HELP = `Usage: kata-readiness scan [options] <path...>

Scans Kubernetes manifests and \`kubectl get -o json|yaml\` output, \`docker inspect\` JSON and
Compose files. Directories are walked for .yaml, .yml and .json files (hidden directories and
node_modules are skipped). Use - to read standard input.

Options:
  -f, --format <format>      report format (default text):
                               text      the human report
                               json      the stable machine format
                               csv       one row per finding (--csv workloads: per workload)
                               sarif     SARIF 2.1.0 for code-scanning (file and line per finding)
                               junit     JUnit XML, one test case per workload, failing on blockers
                               markdown  a summary short enough for a PR comment or job summary
                               patches   strategic-merge patches (multi-document YAML) moving each
                                         ready or fixable Kubernetes workload to Kata
                               html      the readiness report as one self-contained HTML file
      --csv <findings|workloads>  rows of --format csv (default findings)
      --waivers <file>       accepted risks (YAML/JSON, see the README): waived findings do not
                             count against score, readiness, migration path or --fail-on
  -t, --target <profile>     Kata configuration to assess against (default ${DEFAULT_PROFILE_ID})
  -c, --cluster <name>       cluster part of workload ids (default local)
      --fail-on <level>      exit 1 when any finding is at least blocker|warning|info
                             (default none)
  -o, --output <file>        write the report to a file instead of standard output
      --no-color             no colours (also NO_COLOR=1; colour is used only on a terminal)
  -h, --help                 show this help

Target profiles:
${PROFILES.map((p) => `  ${p.id.padEnd(22)} ${p.title}`).join("\n")}

Examples:
  kata-readiness scan cluster-a.json manifests/
  kubectl get deploy,sts,ds,job,cronjob,pod,rs,runtimeclass,node,cm -A -o json | kata-readiness scan -
  kata-readiness scan --format json --target kata-fc inventory.json > report.json
  kata-readiness scan --fail-on blocker manifests/
  kata-readiness scan --format sarif --waivers waivers.yaml -o kata.sarif rendered/
  kata-readiness scan --format patches -o kata-patches.yaml manifests/

Exit codes: 0 ok, 1 --fail-on threshold reached, 2 some input unreadable or unparseable (the
other files are still scanned; 2 wins over 1), 64 usage error, 70 internal error (a bug in
kata-readiness: please report it), 73 cannot write --output.
`;

export const RULES_HELP = `Usage: kata-readiness rules [options]

Lists every rule of the catalog: id, highest severity, remedy and title.

Options:
  -f, --format <text|json>   output format (default text)
  -h, --help                 show this help
`;

export const EXPLAIN_HELP = `Usage: kata-readiness explain <rule-id> [options]

Explains one rule: what it detects, why it matters under Kata, what to do, and the sources.

Options:
  -f, --format <text|json>   output format (default text)
  -h, --help                 show this help

Example:
  kata-readiness explain subpath
`;

export const PLAN_HELP = `Usage: kata-readiness plan [options] <path...>

Proposes rollout waves from a scan: the workloads on the ready and manifest-fixes migration paths
(never stays-on-runc; platform work once its findings are resolved or waived), a team's (else a
namespace's) workloads together where the budget allows, cheapest first: ready before manifest
fixes, fewer open items first, stateless before stateful. Every workload is listed once, in a
wave or as not planned with its reason. With Node objects in the inventory, each wave shows the
headroom left on the Kata nodes (labelled katacontainers.io/kata-runtime=true, else all nodes).

Options:
      --max-overhead-memory <qty>  cap of added overhead memory per wave (e.g. 64Gi)
      --max-overhead-cpu <qty>     cap of added overhead CPU per wave (e.g. 16 or 1500m)
      --max-workloads <n>          cap of workloads per wave
      --capacity-memory <qty>      Kata nodes' allocatable memory, when the inventory has no
      --capacity-cpu <qty>         Node objects (give both)
      --waivers <file>             accepted risks, as for scan
  -f, --format <text|json>         output format (default text)
  -t, --target <profile>           Kata configuration (default ${DEFAULT_PROFILE_ID})
  -c, --cluster <name>             cluster part of workload ids (default local)
  -o, --output <file>              write the plan to a file instead of standard output
  -h, --help                       show this help

A wave exceeds a cap only when one workload alone does; its reason says so.

Example:
  kata-readiness plan --max-overhead-memory 64Gi --max-overhead-cpu 16 --max-workloads 50 cluster.json

Exit codes: 0 ok, 2 some input unreadable or unparseable (the plan covers the rest), 64 usage
error, 70 internal error, 73 cannot write --output.
`;
