// Input limits: a parser that takes untrusted uploads needs bounds it can name in its errors.

/** Largest file accepted, in bytes (V8 strings top out near 512 MiB; leave room for the parse). */
export const MAX_FILE_BYTES = 256 * 2 ** 20;
/** Largest YAML file: every document's values are held at once (about 5x the text in memory). */
export const MAX_YAML_BYTES = 64 * 2 ** 20;
/** Alias uses allowed per YAML document. */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Nodes that aliases may stand for per YAML document, nested aliases expanded (stops "billion
 * laughs" bombs: aliases are shared references, so the blow-up would come later, when stored).
 */
export const MAX_ALIAS_NODES = 100_000;
/** Deepest nesting of arrays/objects kept in a workload (real manifests stay under 30). */
export const MAX_DEPTH = 100;
/** JSON files up to this size get per-item line numbers (an extra pass over the text). */
export const JSON_LINE_SCAN_BYTES = 4 * 2 ** 20;
