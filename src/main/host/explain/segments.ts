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
  // Prompts and fences around a quoted output do not make it unquoted.
  const nonEmpty = all.filter((l) => l.trim() !== '' && !FENCE.test(l) && promptCommand(l) === null && !/^\s*[$#%]\s*$/.test(l))
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
    const body = unwrapChat(buffer.join('\n'))
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
 * Joins the continuation lines (`isContinuation(i)`: line i continues line i - 1). A terminal cuts
 * every long line at the same width, even inside a word: when (nearly) all the lines before a
 * continuation have one length, they are joined as they are. A chat window wraps at spaces, so the
 * lines before a continuation have all kinds of lengths: those are joined with a space.
 */
function joinContinuations(all: readonly string[], isContinuation: (i: number) => boolean): string {
  const continues = all.map((_, i) => i > 0 && isContinuation(i))
  const cutWidths = new Map<number, number>()
  let cuts = 0
  for (let i = 1; i < all.length; i += 1) {
    if (!continues[i] || all[i - 1]!.length < 40) continue
    cuts += 1
    cutWidths.set(all[i - 1]!.length, (cutWidths.get(all[i - 1]!.length) ?? 0) + 1)
  }
  const [width, count] = [...cutWidths.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0]
  // A terminal's width is also the longest line; lines cut at one shorter length share a prefix.
  const longest = all.reduce((max, l) => Math.max(max, l.length), 0)
  const hardWidth = count >= 2 && count >= cuts * 0.8 && width === longest ? width : null
  const out: string[] = []
  for (let i = 0; i < all.length; i += 1) {
    const line = all[i]!
    if (continues[i] && out.length > 0) out[out.length - 1] = all[i - 1]!.length === hardWidth ? `${out[out.length - 1]}${line}` : `${out[out.length - 1]!.trimEnd()} ${line.trim()}`
    else out.push(line)
  }
  return out.join('\n')
}

/**
 * Re-joins lines a chat window or terminal wrapped: a line that does not look like the start of
 * a record (per `isStart`) is appended to the previous one.
 */
export function joinWrapped(text: string, isStart: (line: string) => boolean): string {
  const all = lines(text)
  return joinContinuations(all, (i) => all[i]!.trim() !== '' && all[i - 1]!.trim() !== '' && !isStart(all[i]!))
}

/** A line that starts a record in the outputs students paste: "[01]", or "label:" / "key =" where the label is no sentence ("…support.  Your CPU:" is one). Timestamps: ISO, and the old vmware.log's "Apr 18 00:25:37". */
const TIMESTAMP = /^\s*(?:\d{4}-\d{2}-\d{2}[T ]\d|[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2})/
const RECORD_START = /^\s*(?:\[[^\]\n]{0,40}\]|[^\s:=](?:[^:=.\n]|\.(?=\S)){0,60}[:=](?:\s|$))/

/**
 * A markdown table row ("| … |") cut by the window. The separator row ("|---|---|", no spaces, so
 * never wrapped) tells how many "|" a row has; a row with fewer continues on the next line. No
 * separator, no table (a wrapped "| Format-List *" is not one).
 */
function joinOpenRows(all: readonly string[]): string[] {
  const pipes = (line: string): number => (line.match(/\|/g) ?? []).length
  const separator = all.find((l) => /^\|(?:\s*:?-{3,}:?\s*\|)+$/.test(l.trim()))
  if (!separator) return [...all]
  const columns = pipes(separator)
  const out: string[] = []
  for (const line of all) {
    const last = out[out.length - 1]
    const open = last !== undefined && last.trimStart().startsWith('|') && line !== '' && pipes(last) < columns
    if (open) out[out.length - 1] = `${last.trimEnd()} ${line.trim()}`.trimEnd()
    else out.push(line)
  }
  return out
}

/** How many JSON objects/arrays a line leaves open (strings skipped). */
function jsonDepth(line: string, depth = 0): number {
  let inString = false
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]
    if (inString) {
      if (c === '\\') i += 1
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') depth += 1
    else if (c === '}' || c === ']') depth -= 1
  }
  return depth
}

/**
 * Compressed JSON (ConvertTo-Json -Compress) cut by the window: a line that opens with "{" or "["
 * and more, left open, is joined with the lines that close it — when the result is valid JSON.
 */
function joinOpenJson(all: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < all.length; i += 1) {
    const line = all[i]!
    let depth = /^\s*[[{]\s*\S/.test(line) ? jsonDepth(line) : 0
    if (depth <= 0) {
      out.push(line)
      continue
    }
    let joined = line.trimEnd()
    let j = i + 1
    for (; j < all.length && j <= i + 400 && depth > 0; j += 1) {
      depth = jsonDepth(all[j]!, depth)
      joined = `${joined} ${all[j]!.trim()}`
    }
    let valid = depth === 0
    try {
      if (valid) JSON.parse(joined)
    } catch {
      valid = false
    }
    if (valid) {
      out.push(joined)
      i = j - 1
    } else out.push(line)
  }
  return out
}

/** Two rows of a table (wsl -l -v, coreinfo): runs of two or more spaces at the same columns past both indents. */
function alignedColumns(a: string, b: string): boolean {
  const from = Math.max(a.length - a.trimStart().length, b.length - b.trimStart().length)
  const to = Math.min(a.trimEnd().length, b.trimEnd().length) - 1
  for (let c = from; c < to; c += 1) if (a[c] === ' ' && a[c + 1] === ' ' && b[c] === ' ' && b[c + 1] === ' ') return true
  return false
}

/**
 * Undoes a chat window's wrapping before any recognizer sees the text. The window is as wide as the
 * longest line (chat widths: 40–120 columns; longer lines mean nothing was wrapped). A line was
 * wrapped when the next one's first word would have fitted at its end had the window been wider —
 * and the next line does not start a record of its own.
 */
export function unwrapChat(text: string): string {
  const all = joinOpenJson(joinOpenRows(lines(text)))
  // The window's width: the longest line a window could have wrapped (one with a space in it).
  const width = all.reduce((max, l) => (/\S\s+\S/.test(l) ? Math.max(max, l.length) : max), 0)
  if (width < 40 || width > 120) return all.join('\n')
  // A word that starts lines no wrap can have produced (the line before would have had room for
  // it) starts a record ("answer VNET_1_…", "option …", the emulator's closing "accel").
  const firstWord = (line: string): string => /^\s*(\p{L}[\p{L}-]{2,})/u.exec(line)?.[1]?.toLowerCase() ?? ''
  const fits = (i: number): boolean => i === 0 || all[i - 1]!.trim() === '' || all[i - 1]!.length + 1 + all[i]!.trimStart().split(/\s/, 1)[0]!.length <= width
  const starts = new Map<string, number>()
  all.forEach((line, i) => {
    if (firstWord(line) && fits(i)) starts.set(firstWord(line), (starts.get(firstWord(line)) ?? 0) + 1)
  })
  const joined = joinContinuations(all, (i) => {
    const line = all[i]!
    const previous = all[i - 1]!
    if (line.trim() === '' || previous.trim() === '') return false
    // Padded columns inside the line ("CPU vendor          *  GenuineIntel", not "label:    value") or
    // tab-separated ones (msinfo32) are a table row.
    if (/[^\s:.] {2,}\S/.test(line.trim()) || line.includes('\t')) return false
    if ((starts.get(firstWord(line)) ?? 0) >= 1 && !/[:=]/.test(line)) return false
    // An indented line that starts with a word is a record of an indented block (systeminfo's
    // Hyper-V lines); a wrapped piece starts where the cut was — at the margin, or inside padding.
    if (/^\s+[\p{L}\p{N}]/u.test(line)) return false
    // A "label: value" line starts a record, unless the line before ends in a label cut short: after
    // its indent or its padding, words without a colon ("Virtualization Enabled In" + "Firmware: No",
    // "Requisitos do Hyper-V:      Extensão de Modo" + "de Monitor VM: Sim"). A timestamp always starts one.
    if (TIMESTAMP.test(line)) return false
    const cutLabel = /^\s+\S|\S {2,}\S/.test(previous) && !/[:=]/.test(previous.trim().split(/ {2,}/).pop()!)
    if (RECORD_START.test(line) && !(/^\S/.test(line) && cutLabel)) return false
    // A heading at the margin with one colon, at its end, introduces the lines under it
    // ("Windows Subsystem for Linux Distributions:" + "Ubuntu (Default)").
    if (/^[^\s:][^:]*:\s*$/.test(previous)) return false
    const word = line.trimStart().split(/\s/, 1)[0]!
    return previous.length + 1 + word.length > width && !alignedColumns(previous, line)
  })
  return joined
}
