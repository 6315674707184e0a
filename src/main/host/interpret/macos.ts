import { keyValueLines } from './text'

/** `sysctl a b c` output: "key: value" lines (older `sysctl -a` also prints "key = value"). */
export function parseSysctl(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of keyValueLines(text, /\s*(:|=)\s*/)) if (/^[a-z][\w.]*$/.test(key)) out.set(key, value)
  return out
}

/** `sw_vers`: ProductName, ProductVersion, BuildVersion. */
export function parseSwVers(text: string): Map<string, string> {
  return keyValueLines(text, /:\s*/)
}

export function parseListing(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
}
