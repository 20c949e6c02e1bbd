// Every value that reaches the HTML report goes through here: workload names, labels, annotations and
// waiver reasons come from user inventories and can carry markup.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  // Control characters other than tab/newline would be invalid in the document; show them as U+FFFD.
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "\ufffd");
}
