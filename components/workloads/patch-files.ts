/** Longest file name stem offered for a download (names can be up to 253 characters). */
const MAX_STEM = 120;

/**
 * The download name of a workload's suggested change: `<cluster>-<namespace>-<name>.kata.<ext>`
 * without an empty namespace. Anything but letters, digits, dot, dash and underscore becomes `_`, so
 * a stored name cannot steer the path, the header or the shell of whoever saves it.
 */
export function patchFileName(workload: { clusterName: string; namespace: string; name: string }, extension: "patch" | "yaml"): string {
  const stem = [workload.clusterName, workload.namespace, workload.name]
    .filter((part) => part !== "")
    .join("-")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._-]+/, "")
    .slice(0, MAX_STEM);
  return `${stem || "workload"}.kata.${extension}`;
}

/** A `data:` URL for a download link: the text travels with the page, no route reads the database again. */
export function textDataUrl(text: string, mediaType: "text/x-diff" | "application/yaml"): string {
  return `data:${mediaType};charset=utf-8,${encodeURIComponent(text)}`;
}
