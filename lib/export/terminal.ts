// Untrusted text on a terminal: names, annotation values and file names come from inventories,
// and an ESC or BEL in them would drive the terminal (move the cursor, rewrite the screen, set
// the window title, hide a finding). Every text output shows control characters escaped instead.

// C0 controls and DEL, C1 controls (U+0080-U+009F: 8-bit CSI and OSC), and the bidirectional
// overrides and isolates that reorder what is displayed (Trojan Source).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_TEST = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` on one line with every control character shown as `\xHH` / `\uHHHH`. */
export function escapeControl(text: string): string {
  return CONTROL_TEST.test(text) ? text.replace(CONTROL, escapeOne) : text;
}

/** Like escapeControl, but keeps line breaks: for text of several lines (help, explanations, stacks). */
export function escapeControlKeepingLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escapeOne);
}
