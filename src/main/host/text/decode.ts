/**
 * The one place bytes become text: live probe output (PowerShell, systeminfo, wsl.exe), VMware's
 * own files, and files or standard input handed to `virtlab explain` / the paste panel.
 *
 * In order: a charset the caller names (`--encoding`, a file's own `.encoding = "GBK"`) is used as
 * given; a BOM decides (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM is told by where its NUL bytes
 * fall; a console code page the caller knows (chcp) is used next; pure ASCII is ASCII. Otherwise
 * UTF-8 competes with the legacy console code pages (936, 950, 932, 949, 866, 1251, 850, 437,
 * 1252): the decoding that reads as words of its language — and has no replacement or control
 * characters — wins. UTF-8 does not win just by being valid: GBK bytes are often valid UTF-8 too
 * (they then read as rare CJK characters, not as words), so a legacy page that reads better wins.
 * iconv-lite and WHATWG TextDecoder do the decoding; there are no hand-written tables here.
 */
import iconv from 'iconv-lite'

export interface DecodedText {
  text: string
  /** What the bytes were read as: 'utf-8', 'utf-16le', 'gbk', 'big5', 'ibm850' … */
  encoding: string
}

export interface DecodeOptions {
  /** A charset named by the user or the file itself; used as given when it is a known label. */
  charset?: string | null
  /** The console's code page when known (chcp, GetConsoleOutputCP): 936, 65001, 1200 … */
  codePage?: number | null
  /** Phrases the text is expected to contain (e.g. systeminfo's labels), to help the guess. */
  words?: readonly RegExp[]
}

interface LegacyPage {
  codePage: number
  /** The name reported for it (WHATWG label where there is one). */
  label: string
  /** Words of outputs students paste, in that code page's language. */
  words: RegExp
}

const CYRILLIC = /Имя|Процессор|Систем|Виртуал|Версия|Память|Изготовитель|Модель|Сетев|адаптер|Маска|Требования|Да(?![а-яё])|Нет(?![а-яё])/g
const WESTERN = /[A-Za-z][àâäçéèêëîïìòôöùûüÿñßáíóúãõ][a-z]|[a-z]{2}[àèéìòùáó](?![a-zà-ÿ])|(?:Sì|Sí|Não|Système|Versión)(?![a-zà-ÿ])/g

/** The console code pages of the Windows UI languages students have, most common first. */
const LEGACY_PAGES: readonly LegacyPage[] = [
  { codePage: 936, label: 'gbk', words: /主机名|系统|处理器|虚拟|版本|网络|适配器|内存|已启用|描述|子网掩码|默认网关|制造商|型号|功能|要求|固件|目录/g },
  { codePage: 950, label: 'big5', words: /主機名稱|系統|處理器|虛擬|網路|介面卡|記憶體|已啟用|描述|子網路遮罩|預設閘道|製造商|型號|需求|韌體|偵測|目錄/g },
  { codePage: 932, label: 'shift_jis', words: /ホスト名|システム|プロセッサ|仮想|ネットワーク|アダプター|メモリ|有効|説明|サブネット|製造元|モデル|要件|はい|いいえ/g },
  { codePage: 949, label: 'euc-kr', words: /호스트|시스템|프로세서|가상|네트워크|어댑터|메모리|사용|설명|서브넷|제조업체|모델|요구 사항|아니요/g },
  { codePage: 866, label: 'ibm866', words: CYRILLIC },
  { codePage: 1251, label: 'windows-1251', words: CYRILLIC },
  // On a tie 1252 wins: a text file saved by Notepad or a browser is 1252; OEM 850/437 come from
  // `systeminfo > file` in cmd.exe, and read better by their own letters (ì, ó) when they are.
  { codePage: 1252, label: 'windows-1252', words: WESTERN },
  { codePage: 850, label: 'ibm850', words: WESTERN },
  { codePage: 437, label: 'ibm437', words: WESTERN },
]

/** Each language's words once (866 and 1251 share Russian; 850, 437 and 1252 share the Western languages). */
const LANGUAGE_WORDS: readonly RegExp[] = [...new Set(LEGACY_PAGES.map((p) => p.words))]

/** The code pages the guess chooses from. */
export const CONSOLE_CODE_PAGES: readonly number[] = LEGACY_PAGES.map((p) => p.codePage)

/** Labels files and users give, mapped to the iconv-lite codec that reads them as Windows does. */
const CHARSET_ALIASES: Record<string, string> = {
  gb2312: 'gbk',
  'iso-8859-1': 'windows-1252', // as WHATWG and Windows read it
  latin1: 'windows-1252',
  'windows-949': 'cp949',
  'windows-949-2000': 'cp949',
  'ks_c_5601-1987': 'cp949',
  'windows-31j': 'cp932',
  'big5-hkscs': 'big5hkscs',
  utf8: 'utf-8',
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function iconvDecode(bytes: Uint8Array, codec: string): string {
  return stripBom(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), codec))
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

function bomEncoding(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  return null
}

/** The codec and reported name for a Windows code page, or null when iconv-lite has none. */
function codePageCodec(codePage: number): { codec: string; label: string } | null {
  if (codePage === 65001) return { codec: 'utf-8', label: 'utf-8' }
  if (codePage === 1200) return { codec: 'utf-16le', label: 'utf-16le' }
  if (codePage === 1201) return { codec: 'utf-16be', label: 'utf-16be' }
  const known = LEGACY_PAGES.find((p) => p.codePage === codePage)
  const codec = `cp${codePage}`
  if (!iconv.encodingExists(codec)) return null
  return { codec, label: known?.label ?? codec }
}

/** Decodes by a Windows code page (65001 UTF-8, 1200/1201 UTF-16, 936 GBK …). Throws for a page iconv-lite does not know. */
export function decodeCodePage(bytes: Uint8Array, codePage: number): string {
  const page = codePageCodec(codePage)
  if (!page) throw new Error(`unsupported code page ${codePage}`)
  return iconvDecode(bytes, page.codec)
}

/** Decodes by a charset label; null when no decoder knows the label. */
function decodeCharset(bytes: Uint8Array, charset: string): DecodedText | null {
  const lower = charset.trim().toLowerCase()
  // A code page by number: "850", "cp850", "ibm850", "windows-1251".
  const page = /^(?:cp|ibm|windows-)?(\d{3,5})$/.exec(lower)
  const known = page ? codePageCodec(Number(page[1])) : null
  if (known) return { text: iconvDecode(bytes, known.codec), encoding: known.label }
  const codec = CHARSET_ALIASES[lower] ?? lower
  if (iconv.encodingExists(codec)) return { text: iconvDecode(bytes, codec), encoding: lower === 'gb2312' ? 'gbk' : lower }
  try {
    const decoder = new TextDecoder(lower)
    return { text: stripBom(decoder.decode(bytes)), encoding: decoder.encoding }
  } catch {
    return null
  }
}

/**
 * The charset a VMware file names for itself: `.encoding = "GBK"` in a .vmx, preferences or
 * inventory file. The line is ASCII, so it is found before decoding.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1')
  const match = /^\s*\.encoding\s*=\s*"([^"]+)"/im.exec(head)
  return match ? match[1]!.trim() : null
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false
  return true
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return null
  }
}

function countMatches(text: string, pattern: RegExp): number {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`)
  global.lastIndex = 0
  return (text.match(global) ?? []).length
}

/** Characters no console text has: replacement, C1 controls, private use, box drawing. */
const UNLIKELY = /[\uFFFD\u0080-\u009F\uE000-\uF8FF\u2500-\u259F]/g

/** How well a decoding reads: known words of any language found, minus unlikely characters. */
function readability(text: string, words: readonly RegExp[]): number {
  let hits = 0
  for (const language of LANGUAGE_WORDS) hits += countMatches(text, language)
  for (const word of words) if (countMatches(text, word) > 0) hits += 1
  return hits * 10 - countMatches(text, UNLIKELY) * 20
}

/** Bytes → text; see the file comment for the order in which an encoding is chosen. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (options.charset) {
    const named = decodeCharset(bytes, options.charset)
    if (named) return named
  }
  const bom = bomEncoding(bytes)
  if (bom) return { text: iconvDecode(bytes.subarray(bom.skip), bom.encoding), encoding: bom.encoding }
  const declared = declaredCharset(bytes)
  if (declared) {
    const named = decodeCharset(bytes, declared)
    if (named) return named
  }
  const wide = utf16Guess(bytes)
  if (wide) return { text: iconvDecode(bytes, wide), encoding: wide }
  if (options.codePage) {
    const page = codePageCodec(options.codePage)
    if (page) return { text: iconvDecode(bytes, page.codec), encoding: page.label }
  }
  if (isAscii(bytes)) return { text: Buffer.from(bytes).toString('latin1'), encoding: 'utf-8' }
  const words = options.words ?? []
  const utf8 = strictUtf8(bytes)
  let best: DecodedText = { text: utf8 ?? '', encoding: 'utf-8' }
  let bestScore = utf8 === null ? -Infinity : readability(utf8, words)
  for (const page of LEGACY_PAGES) {
    const text = iconvDecode(bytes, `cp${page.codePage}`)
    const score = readability(text, words)
    if (score > bestScore) {
      best = { text, encoding: page.label }
      bestScore = score
    }
  }
  return best
}

export function decodeBase64(base64: string, options: DecodeOptions = {}): DecodedText {
  return decodeText(new Uint8Array(Buffer.from(base64, 'base64')), options)
}

/** VMware's text files (.vmx, preferences, inventory): their own `.encoding` line, else UTF-8. */
export function decodeVmx(bytes: Uint8Array): string {
  return decodeText(bytes, { charset: declaredCharset(bytes) ?? 'utf-8' }).text
}

/**
 * A .vmdk is either a small text descriptor or a sparse file with the descriptor embedded
 * (starting "# Disk DescriptorFile"). Returns the descriptor text, or null. Like a .vmx, the
 * descriptor names its charset (`encoding="GBK"`); extent file names use it.
 */
export function extractVmdkDescriptor(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const start = text.indexOf('# Disk DescriptorFile')
  if (start < 0) return null
  let end = text.indexOf('\u0000', start)
  if (end < 0) end = text.length
  const declared = /^\s*encoding\s*=\s*"([^"]+)"/im.exec(text.slice(start, end))
  return decodeText(bytes.subarray(start, end), { charset: declared ? declared[1]!.trim() : 'utf-8' }).text
}
