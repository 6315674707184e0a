/**
 * Cleans text the way students paste it — chat quote markers, markdown fences, shell prompts,
 * zero-width and no-break spaces — and cuts it into segments, one per command output where the
 * prompts show where one ends and the next begins. Pure.
 */
import { lines } from '../interpret/text'

export interface Segment {
  /** The command typed before this output, when a prompt showed it ("kvm-ok", "systeminfo"). */
  command: string | null
  text: string
}

const FENCE = /^\s*(```|~~~)/
const WINDOWS_PROMPT = /^\s*(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,200}>\s?(.*)$|^\s*PS(?:\s+[^>\n]{1,200})?\s*>\s?(.*)$/
const UNIX_PROMPT = /^\s*(?:\([\w.-]+\)\s*)?(?:\[[^\]\n]{1,80}\]|[\w.-]+@[\w.-]+(?::[^$#\n]{0,120})?)\s*[$#%]\s?(.*)$/
const BARE_PROMPT = /^\s*\$\s+(\S.*)$/
const ROOT_COMMAND = /^\s*#\s+((?:sudo\s+)?(?:dmesg|lscpu|kvm-ok|cat|grep|egrep|virt-host-validate|sysctl|systemd-detect-virt|lsmod|wsl|vmware)\b.*)$/

export function normalize(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .split('\u0000').join('')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/\r\n?/g, '\n')
}

/** Chat quote markers: when most lines start with ">", drop one or more of them. */
function unquote(text: string): string {
  const all = lines(text)
  const nonEmpty = all.filter((l) => l.trim() !== '')
  const quoted = nonEmpty.filter((l) => /^\s*>/.test(l))
  if (nonEmpty.length === 0 || quoted.length < nonEmpty.length * 0.6) return text
  return all.map((l) => l.replace(/^\s*(?:> ?)+/, '')).join('\n')
}

function promptCommand(line: string): string | null {
  for (const pattern of [WINDOWS_PROMPT, UNIX_PROMPT, BARE_PROMPT, ROOT_COMMAND]) {
    const m = pattern.exec(line)
    if (m) return (m[1] ?? m[2] ?? '').trim()
  }
  return null
}

export function segmentText(raw: string): Segment[] {
  const text = unquote(normalize(raw))
  const out: Segment[] = []
  let command: string | null = null
  let buffer: string[] = []
  const flush = (): void => {
    const body = buffer.join('\n')
    if (body.trim() !== '') out.push({ command, text: body })
    buffer = []
  }
  for (const line of lines(text)) {
    if (FENCE.test(line)) {
      flush()
      continue
    }
    // A prompt starts the next segment. vmware.log lines never look like prompts (ISO timestamps first).
    const typed = /^\s*\d{4}-\d{2}-\d{2}T/.test(line) ? null : promptCommand(line)
    if (typed !== null) {
      flush()
      command = typed === '' ? null : typed
      continue
    }
    buffer.push(line)
  }
  flush()
  return out
}

/**
 * Re-joins lines a chat window or terminal wrapped: a line that does not look like the start of
 * a record (per `isStart`) is appended to the previous one. A terminal cuts at a fixed width, even
 * inside a word, so lines cut at that width are joined as they are; a chat window wraps at spaces,
 * so other lines are joined with a space.
 */
export function joinWrapped(text: string, isStart: (line: string) => boolean): string {
  const all = lines(text)
  const cutWidths = new Map<number, number>()
  for (let i = 1; i < all.length; i += 1)
    if (all[i]!.trim() !== '' && !isStart(all[i]!) && all[i - 1]!.length >= 40) cutWidths.set(all[i - 1]!.length, (cutWidths.get(all[i - 1]!.length) ?? 0) + 1)
  const hardWidth = [...cutWidths.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  const out: string[] = []
  let lastRawLength = 0
  for (const line of all) {
    if (out.length > 0 && line.trim() !== '' && !isStart(line) && out[out.length - 1]!.trim() !== '') {
      out[out.length - 1] += lastRawLength === hardWidth ? line : ` ${line.trim()}`
    } else out.push(line)
    lastRawLength = line.length
  }
  return out.join('\n')
}
