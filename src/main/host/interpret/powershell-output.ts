import { lines } from './text'

export type PsValue = string | number | boolean | null | PsValue[] | { [key: string]: PsValue }
export type PsRecord = Record<string, PsValue>

/**
 * Reads what PowerShell printed for a set of objects: the JSON of ConvertTo-Json (one object or an
 * array), or the default Format-List text ("Name : value" blocks separated by blank lines).
 * Property names are matched case-insensitively by `prop`. Never throws.
 */
export function parsePowerShellObjects(text: string): PsRecord[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') return []
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const value = JSON.parse(trimmed) as unknown
      const list = Array.isArray(value) ? value : [value]
      return list.filter((item): item is PsRecord => typeof item === 'object' && item !== null && !Array.isArray(item))
    } catch {
      /* fall through: maybe Format-List text that starts oddly */
    }
  }
  return parseFormatList(trimmed)
}

function parseFormatList(text: string): PsRecord[] {
  const records: PsRecord[] = []
  let current: PsRecord = {}
  let lastKey: string | null = null
  const flush = (): void => {
    if (Object.keys(current).length > 0) records.push(current)
    current = {}
    lastKey = null
  }
  for (const raw of lines(text)) {
    if (raw.trim() === '') {
      flush()
      continue
    }
    const match = /^([A-Za-z_][\w.-]*)\s*:\s?(.*)$/.exec(raw)
    if (match && !/^\s/.test(raw)) {
      lastKey = match[1]!
      current[lastKey] = parseListValue(withoutNote(match[2]!))
    } else if (lastKey !== null && /^\s+\S/.test(raw)) {
      // A wrapped long value continues on indented lines.
      const previous = current[lastKey]
      current[lastKey] = typeof previous === 'string' ? `${previous}${raw.trim()}` : raw.trim()
    }
  }
  flush()
  return records
}

/** A note a person added after a value: "False   ← SVM off", "False    <- the cause", "2 📌". */
function withoutNote(value: string): string {
  return value
    .replace(/\s+(?:←|⟵|<-{1,2})\s.*$/, '')
    .replace(/(?:\s+\p{Extended_Pictographic}\uFE0F?)+\s*$/u, '')
    .trim()
}

function parseListValue(value: string): PsValue {
  if (value === '') return null
  if (/^\{.*\}$/.test(value)) {
    const inner = value.slice(1, -1).trim()
    if (inner === '') return []
    return inner.split(',').map((part) => parseListValue(part.trim().replace(/\.\.\.$/, '')))
  }
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
  if (/^-?\d+$/.test(value) && value.length < 16) return Number(value)
  return value
}

/** A property by name, case-insensitively. */
export function prop(record: PsRecord | undefined, name: string): PsValue | undefined {
  if (!record) return undefined
  if (name in record) return record[name]
  const lower = name.toLowerCase()
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower)
  return key === undefined ? undefined : record[key]
}

export function propString(record: PsRecord | undefined, name: string): string | null {
  const value = prop(record, name)
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

export function propList(record: PsRecord | undefined, name: string): PsValue[] {
  const value = prop(record, name)
  if (Array.isArray(value)) return value
  if (value === null || value === undefined) return []
  // ConvertTo-Json of a one-element array property may give the element itself.
  return [value]
}
