import iconv from 'iconv-lite'

/**
 * Console output of Windows programs, decoded by its code page: UTF-8 and UTF-16 (LE/BE, with or
 * without BOM; PowerShell's `>` writes UTF-16LE) are recognised from the bytes; otherwise the OEM
 * code page the console used (936 zh-CN, 950 zh-TW, 932 ja, 949 ko, 866 ru, 850/437 Western, and
 * the ANSI pages 1251/1252 that some copies were saved in). When the page is not given, the one
 * whose decoding reads best — the most known words, no replacement characters — wins.
 */
export const CONSOLE_CODE_PAGES = [936, 950, 932, 949, 866, 1251, 850, 437, 1252] as const

export interface Decoded {
  text: string
  encoding: string
}

/** UTF-16 without a BOM, told by where its NUL bytes fall (mostly-ASCII text: every other byte is 0). */
export function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 400) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1
    if (bytes[i + 1] === 0) oddZero += 1
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

export function decodeWithCodePage(bytes: Uint8Array, codePage: number): string {
  if (codePage === 65001) return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  if (codePage === 1200) return iconv.decode(Buffer.from(bytes), 'utf-16le').replace(/^\uFEFF/, '')
  if (codePage === 1201) return iconv.decode(Buffer.from(bytes), 'utf-16be').replace(/^\uFEFF/, '')
  const name = `cp${codePage}`
  if (!iconv.encodingExists(name)) throw new Error(`unsupported code page ${codePage}`)
  return iconv.decode(Buffer.from(bytes), name)
}

/** How well a decoding reads: known words found, minus characters no console text has. */
function score(text: string, words: readonly RegExp[]): number {
  let hits = 0
  for (const word of words) if (word.test(text)) hits += 10
  const bad = (text.match(/[\uFFFD\u0080-\u009F\uE000-\uF8FF]/g) ?? []).length
  return hits - bad
}

/**
 * Decodes console bytes. `codePage` is used when known (chcp, the capture); `words` are phrases
 * the text is expected to contain (e.g. systeminfo's labels in every language) for the guess.
 */
export function decodeConsoleOutput(bytes: Uint8Array, options: { codePage?: number | null; words?: readonly RegExp[] } = {}): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' }
  const wide = utf16Guess(bytes)
  if (wide) return { text: iconv.decode(Buffer.from(bytes), wide), encoding: wide }
  if (options.codePage) {
    try {
      return { text: decodeWithCodePage(bytes, options.codePage), encoding: `cp${options.codePage}` }
    } catch {
      /* an unknown page: guess below */
    }
  }
  const utf8 = strictUtf8(bytes)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
  const words = options.words ?? []
  let best: Decoded | null = null
  let bestScore = -Infinity
  for (const page of CONSOLE_CODE_PAGES) {
    const text = decodeWithCodePage(bytes, page)
    const s = score(text, words)
    if (s > bestScore) {
      best = { text, encoding: `cp${page}` }
      bestScore = s
    }
  }
  return best ?? { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }
}
