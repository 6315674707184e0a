/** Small helpers shared by the interpreters. All pure; none throws on any input. */

export function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
}

/** `key<sep>value` lines into a map (first occurrence wins; keys trimmed, optionally lower-cased). */
export function keyValueLines(text: string, separator: RegExp, lowerKeys = false): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of lines(text)) {
    const match = separator.exec(line)
    if (!match || match.index === 0) continue
    const rawKey = line.slice(0, match.index).trim()
    const key = lowerKeys ? rawKey.toLowerCase() : rawKey
    if (key === '' || out.has(key)) continue
    out.set(key, line.slice(match.index + match[0].length).trim())
  }
  return out
}

/** The lines of `text` that match, joined, at most `max` of them: an evidence excerpt. */
export function excerpt(text: string, pattern: RegExp, max = 6): string {
  const found = lines(text).filter((line) => pattern.test(line))
  const shown = found.slice(0, max).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
  if (found.length > max) shown.push(`… (+${found.length - max} more)`)
  return shown.join('\n')
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()))) return Number(value.trim())
  return null
}

/** Booleans as PowerShell, WMI and people print them. */
export function toBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value !== 'string') return null
  const v = value.trim().toLowerCase()
  if (['true', 'yes', '1', '是', 'on', 'enabled'].includes(v)) return true
  if (['false', 'no', '0', '否', 'off', 'disabled'].includes(v)) return false
  return null
}
