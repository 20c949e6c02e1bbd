// Scalars as the tools that read these files resolve them. kubectl (sigs.k8s.io/yaml, a fork of
// go-yaml v2) reads plain scalars the YAML 1.1 way: `yes`/`on`/`y` are booleans, `0755` is octal,
// `1_000` is 1000, `1e3` is a number, and timestamps stay strings. Docker Compose (go-yaml v3)
// reads numbers the same way but only `true`/`false` as booleans. Other tags (`!Ref x`,
// `!!timestamp`, `!!set`) keep the node's own value, as go-yaml does when decoding into untyped
// values; `!!binary` is decoded to text as go-yaml does.
import { FAILSAFE_SCHEMA, Type } from "js-yaml";

const NULL = new Set(["", "~", "null", "Null", "NULL"]);

// Resolvers run on every plain scalar (keys too): length checks first, so most never hash the text.
const nullType = new Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string | null) =>
    data === null || (data.length <= 4 && (data.length <= 1 || data[0] === "n" || data[0] === "N") && NULL.has(data)),
  construct: () => null,
});

/** `<<` merge keys, as kubectl and the Compose spec read them. */
const merge = new Type("tag:yaml.org,2002:merge", {
  kind: "scalar",
  resolve: (data: string | null) => data === "<<" || data === null,
});

const TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const FALSE = new Set(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);

const BOOL_FIRST = "yYnNtTfFoO";

function boolType(trueWords: Set<string>, falseWords: Set<string>): Type {
  return new Type("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: (data: string | null) =>
      data !== null && data.length <= 5 && BOOL_FIRST.includes(data[0]) && (trueWords.has(data) || falseWords.has(data)),
    construct: (data: string) => trueWords.has(data),
  });
}

/** go-yaml only tries numbers on plain scalars starting with a digit, a sign or a dot. */
function mayBeNumber(data: string | null): data is string {
  if (data === null || data.length === 0) return false;
  const c = data.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

// Go's strconv.ParseInt(s, 0, 64) syntax, after go-yaml drops every underscore.
const INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([0-9]+))$/;

function parseInt11(data: string): number | undefined {
  const match = INT.exec(data.includes("_") ? data.replace(/_/g, "") : data);
  if (!match) return undefined;
  const [, sign, hex, binary, octal, decimal] = match;
  // A decimal with a leading zero that is not octal ("08") is left to the float rule, as in Go.
  if (decimal !== undefined && decimal.length > 1 && decimal[0] === "0") return undefined;
  const magnitude =
    hex !== undefined
      ? parseInt(hex, 16)
      : binary !== undefined
        ? parseInt(binary, 2)
        : octal !== undefined
          ? parseInt(octal, 8)
          : Number(decimal);
  return sign === "-" ? -magnitude : magnitude;
}

const int = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string | null) => mayBeNumber(data) && parseInt11(data) !== undefined,
  construct: (data: string) => parseInt11(data),
});

const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS = new Map<string, number>(
  [".nan", ".NaN", ".NAN"]
    .map((s) => [s, NaN] as [string, number])
    .concat(["", "+"].flatMap((sign) => [".inf", ".Inf", ".INF"].map((s) => [`${sign}${s}`, Infinity] as [string, number])))
    .concat([".inf", ".Inf", ".INF"].map((s) => [`-${s}`, -Infinity])),
);

const float = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: string | null) =>
    mayBeNumber(data) && (SPECIAL_FLOATS.has(data) || FLOAT.test(data.includes("_") ? data.replace(/_/g, "") : data)),
  construct: (data: string) => SPECIAL_FLOATS.get(data) ?? parseFloat(data.includes("_") ? data.replace(/_/g, "") : data),
});

const binary = new Type("tag:yaml.org,2002:binary", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && /^[A-Za-z0-9+/=\s]*$/.test(data),
  construct: (data: string) => new TextDecoder().decode(Buffer.from(data.replace(/\s/g, ""), "base64")),
});

/** Any other tag (`!Ref`, `!!binary`, `!!timestamp`, `!!set`): the node's own value, untouched. */
const untagged = (["scalar", "sequence", "mapping"] as const).map(
  (kind) =>
    new Type("", { kind, multi: true, construct: (data: unknown) => data ?? (kind === "scalar" ? "" : kind === "sequence" ? [] : {}) }),
);

export const KUBECTL_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType(TRUE, FALSE), int, float, merge],
  explicit: [binary, ...untagged],
});

export const COMPOSE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType(new Set(["true", "True", "TRUE"]), new Set(["false", "False", "FALSE"])), int, float, merge],
  explicit: [binary, ...untagged],
});
