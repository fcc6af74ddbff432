// What reaches a terminal. Unit names and messages come from the notice, so they may hold escape sequences (ESC c
// resets the screen, CSI moves the cursor) or bidi overrides that reorder what is shown: every control character but
// line feed and tab is printed as an escape (\x1b, \u202e), never as itself.

/** C0 controls but TAB and LF, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every control character written as an escape. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escape);
}

/** Print to stderr (messages, diagnostics, summaries), escaped. */
export function printErr(text: string): void {
  process.stderr.write(escapeControls(text));
}

/** Print text meant for people (tables, Markdown) to stdout, escaped. */
export function printOut(text: string): void {
  process.stdout.write(escapeControls(text));
}
