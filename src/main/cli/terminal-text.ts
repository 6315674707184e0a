/**
 * The one sanitiser for text the CLI prints. Text from files people hand in (a report's names, a
 * capture's probe output, file names in a folder) can hold escape sequences that retitle the window,
 * clear the screen, move the cursor or hide text; bidirectional overrides can reorder what is shown.
 * Every such character goes: C0 controls except tab and newline, DEL, C1 controls (U+0080–U+009F,
 * which include the 8-bit CSI and OSC), and the bidi embedding/override/isolate marks. Without ESC
 * no sequence can start, so what remains of one is plain, visible text.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex -- newlines and tabs as well, for one-line fields
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Removes every character that could act on the terminal; keeps newlines and tabs. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, '')
}

/** One field on one line: control characters and newlines become nothing / a space. */
export function terminalField(text: string): string {
  return text.replace(/\r?\n|\t/g, ' ').replace(UNSAFE_INLINE, '')
}

/** The CLI's own colours (SGR: `ESC [ n m`, `ESC [ n;n m`) — the only sequences it writes itself. */
// eslint-disable-next-line no-control-regex -- ESC is the point
const OWN_SGR = /\u001b\[\d{1,2}(?:;\d{1,2})?m/g

/**
 * The last guard on every line the CLI writes: sanitises the whole output, keeping only the colour
 * codes the CLI added itself (untrusted parts were already cleaned with terminalText/terminalField,
 * so none of theirs survive to here).
 */
export function terminalOutput(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(OWN_SGR)) {
    out += terminalText(text.slice(last, match.index)) + match[0]
    last = match.index + match[0].length
  }
  return out + terminalText(text.slice(last))
}
