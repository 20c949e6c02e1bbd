// Input limits: a parser that takes untrusted uploads needs bounds it can name in its errors.

/** Largest file accepted, in bytes (V8 strings top out near 512 MiB; leave room for the parse). */
export const MAX_FILE_BYTES = 256 * 2 ** 20;
/** Largest YAML file: the YAML document model costs ~20x the text in memory. */
export const MAX_YAML_BYTES = 64 * 2 ** 20;
/** Alias expansions allowed per YAML document (stops "billion laughs" alias bombs). */
export const MAX_ALIAS_COUNT = 1000;
/** Deepest nesting of arrays/objects kept in a workload (real manifests stay under 30). */
export const MAX_DEPTH = 100;
/** JSON files up to this size get per-item line numbers (an extra pass over the text). */
export const JSON_LINE_SCAN_BYTES = 4 * 2 ** 20;
