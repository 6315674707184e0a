/**
 * Chinese typography rules for every zh-CN string we show (UI catalogs, lab and lesson content).
 * Pure: no Node, no DOM. `checkZh` finds violations; `fixZh` applies the mechanical fixes.
 *
 * The rules (docs/content-format.md, "Chinese typography"):
 * 1. `ascii-quote` — quotes are “” (and ‘’), never ASCII `"` in Chinese text.
 * 2. `half-width-punct` — after or around a Chinese character, punctuation is full-width:
 *    ，：；！？。（）, not , : ; ! ? . ( ). With `ourNames`, a Latin name's abbreviation in brackets
 *    takes full-width brackets too in our own sentences: “AMD-V（SVM）”, not “AMD-V (SVM)” (content
 *    may quote a BIOS or installer label such as “English (US)” verbatim, so it is not checked there).
 * 3. `space-by-full-width` — no space next to full-width punctuation (it carries its own spacing).
 * 4. `cjk-latin-space` — exactly one space between a Chinese character and a Latin letter or digit
 *    (“用时 6 秒”, “VMware 的”). Dates in the 2026年12月5日 form are the one exception.
 *
 * Code (`…` spans, fenced blocks), `{placeholders}`, link targets and URLs are not checked, and
 * neither are the names quoted verbatim from VMware's or Windows' Chinese UI in ZH_VERBATIM_UI_NAMES.
 */

/**
 * Names copied verbatim from VMware Workstation's or Windows' Chinese UI, where the product itself
 * uses half-width parentheses. Students must find the same characters on screen, so we keep them.
 * Keep this list short: add a name only when it is exactly what the product shows.
 */
export const ZH_VERBATIM_UI_NAMES: readonly string[] = [
  '自定义(高级)', // VMware New Virtual Machine wizard: configuration type
  '使用网络地址转换(NAT)', // VMware wizard: network type page
  'NAT 模式(N)', // VMware VM settings → Network adapter
  '终端(管理员)', // Windows 11 Start button right-click menu
  'Windows PowerShell(管理员)', // Windows 10 Start button right-click menu
]

export type ZhTypographyRule = 'ascii-quote' | 'half-width-punct' | 'space-by-full-width' | 'cjk-latin-space'

export interface ZhTypographyIssue {
  readonly rule: ZhTypographyRule
  /** Offset in the checked text. */
  readonly index: number
  /** A few characters around the problem, for the test message. */
  readonly excerpt: string
}

export interface ZhTypographyOptions {
  /** Treat the text as Markdown: skip code, link targets and line-start list/heading/quote markers. */
  readonly markdown?: boolean
  /** Our own sentences (check summaries, fixes): also flag “AMD-V (SVM)”-style half-width brackets. */
  readonly ourNames?: boolean
}

/** A Latin name's abbreviation in half-width brackets: “AMD-V (SVM)”, “AMD RVI (NPT)”. */
const LATIN_ABBREVIATION = /(?<=[A-Za-z0-9]) ?\([A-Z]{2,}[A-Za-z0-9-]*\)/g

const HAN = '\\p{Script=Han}'
/** Full-width punctuation that must not have a space beside it. Dashes and ellipses are left alone. */
const FW = '，。、：；！？“”‘’（）《》【】「」'
const LATIN = 'A-Za-z0-9'
/** Stands in for text the rules skip; it is neither Chinese, Latin, punctuation nor space. */
const MASK = '\u2060'

function maskRange(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i += 1) if (chars[i] !== '\n') chars[i] = MASK
}

/** The text with every skipped part replaced by MASK characters of the same length (offsets stay put). */
function masked(text: string, options: ZhTypographyOptions): string {
  const chars = [...text].length === text.length ? text.split('') : null
  // Offsets are UTF-16 code units; astral characters are rare here, so fall back to code units anyway.
  const out = chars ?? text.split('')
  const cover = (re: RegExp, group = 0): void => {
    for (const m of text.matchAll(re)) {
      let start = m.index
      if (group > 0 && m[group] !== undefined) start += m[0].indexOf(m[group])
      const part = group > 0 ? (m[group] ?? '') : m[0]
      maskRange(out, start, start + part.length)
    }
  }
  for (const name of ZH_VERBATIM_UI_NAMES) {
    let at = text.indexOf(name)
    while (at >= 0) {
      maskRange(out, at, at + name.length)
      at = text.indexOf(name, at + name.length)
    }
  }
  cover(/\{\w+\}/g)
  cover(/https?:\/\/[^\s)）>"]+/g)
  cover(/\d{4}年\d{1,2}月\d{1,2}日/g)
  if (options.markdown === true) {
    cover(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm)
    cover(/`[^`\n]+`/g)
    cover(/\]\([^)\n]*\)/g)
    cover(/^[ \t]*(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+/gm)
    cover(/ *\| */g)
  }
  return out.join('')
}

interface Finder {
  readonly rule: ZhTypographyRule
  readonly re: RegExp
}

const FINDERS: readonly Finder[] = [
  { rule: 'ascii-quote', re: /"/g },
  { rule: 'ascii-quote', re: new RegExp(`(?<=[${HAN}])'|'(?=[${HAN}])`, 'gu') },
  { rule: 'half-width-punct', re: new RegExp(`(?<=[${HAN}])[ \\t]*[,:;!?]`, 'gu') },
  { rule: 'half-width-punct', re: new RegExp(`(?<=[${HAN}])\\.(?=\\s|$)`, 'gu') },
  { rule: 'half-width-punct', re: new RegExp(`[${HAN}][ \\t]*\\(|\\([ \\t]*[${HAN}]|[${HAN}][ \\t]*\\)|\\)[${HAN}]`, 'gu') },
  { rule: 'space-by-full-width', re: new RegExp(`(?<=[^\\s${MASK}])[ \\t\\u3000]+(?=[${FW}])|(?<=[${FW}])[ \\t\\u3000]+(?=[^\\s${MASK}])`, 'gu') },
  { rule: 'cjk-latin-space', re: new RegExp(`[${HAN}][${LATIN}]|[${LATIN}%][${HAN}]`, 'gu') },
  { rule: 'cjk-latin-space', re: new RegExp(`[${HAN}][ \\t]{2,}[${LATIN}]|[${LATIN}%][ \\t]{2,}[${HAN}]`, 'gu') },
]

/** Every typography violation in one piece of Chinese text. */
export function checkZh(text: string, options: ZhTypographyOptions = {}): ZhTypographyIssue[] {
  const view = masked(text, options)
  const issues: ZhTypographyIssue[] = []
  const finders: readonly Finder[] = options.ourNames === true ? [...FINDERS, { rule: 'half-width-punct', re: LATIN_ABBREVIATION }] : FINDERS
  for (const { rule, re } of finders) {
    for (const m of view.matchAll(re)) {
      const index = m.index
      issues.push({ rule, index, excerpt: text.slice(Math.max(0, index - 8), index + m[0].length + 8) })
    }
  }
  return issues.sort((a, b) => a.index - b.index)
}

const HALF_TO_FULL: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '.': '。' }

/** Applies `fn` to the unmasked stretches of `text` only. */
function onUnmasked(text: string, view: string, fn: (part: string) => string): string {
  let out = ''
  let start = 0
  const flush = (end: number): void => {
    if (end > start) out += fn(text.slice(start, end))
  }
  for (let i = 0; i < text.length; i += 1) {
    if (view[i] === MASK) {
      flush(i)
      let j = i
      while (j < text.length && view[j] === MASK) j += 1
      out += `${text.slice(i, j)}`
      start = j
      i = j - 1
    }
  }
  flush(text.length)
  return out
}

/** Pairs ASCII double quotes line by line (skipping masked parts) into “”. */
function fixQuotes(text: string, view: string): string {
  const chars = text.split('')
  let open = true
  for (let i = 0; i < chars.length; i += 1) {
    if (chars[i] === '\n') open = true
    else if (chars[i] === '"' && view[i] !== MASK) {
      chars[i] = open ? '“' : '”'
      open = !open
    }
  }
  return chars.join('')
}

function fixParens(part: string): string {
  const chars = part.split('')
  const stack: number[] = []
  const pairs: [number, number][] = []
  chars.forEach((c, i) => {
    if (c === '(') stack.push(i)
    else if (c === ')' && stack.length > 0) pairs.push([stack.pop()!, i])
  })
  const han = new RegExp(`[${HAN}]`, 'u')
  const near = (i: number, step: number): string => {
    let j = i + step
    while (j >= 0 && j < chars.length && (chars[j] === ' ' || chars[j] === '\t')) j += step
    return chars[j] ?? ''
  }
  for (const [a, b] of pairs) {
    const inner = part.slice(a + 1, b)
    if (han.test(near(a, -1)) || han.test(chars[b + 1] ?? '') || han.test(inner.trim().slice(0, 1)) || han.test(inner.trim().slice(-1))) {
      chars[a] = '（'
      chars[b] = '）'
    }
  }
  return chars.join('')
}

function fixOnce(part: string): string {
  let out = part.replace(new RegExp(`'([^'\\n]*[${HAN}][^'\\n]*)'`, 'gu'), '‘$1’')
  out = fixParens(out)
  out = out.replace(new RegExp(`(?<=[${HAN}])[ \\t]*([,:;!?])`, 'gu'), (_, p: string) => HALF_TO_FULL[p]!)
  out = out.replace(new RegExp(`(?<=[${HAN}])\\.(?=\\s|$)`, 'gu'), '。')
  out = out.replace(new RegExp(`(?<=[^\\s])[ \\t\\u3000]+(?=[${FW}])|(?<=[${FW}])[ \\t\\u3000]+(?=[^\\s])`, 'gu'), '')
  out = out.replace(new RegExp(`([${HAN}])(?=[${LATIN}])|([${LATIN}%])(?=[${HAN}])`, 'gu'), '$1$2 ')
  out = out.replace(new RegExp(`([${HAN}])[ \\t]{2,}(?=[${LATIN}])|([${LATIN}%])[ \\t]{2,}(?=[${HAN}])`, 'gu'), '$1$2 ')
  return out
}

/** The text with the mechanical typography fixes applied (skipped parts untouched). */
export function fixZh(text: string, options: ZhTypographyOptions = {}): string {
  let current = fixQuotes(text, masked(text, options))
  for (let round = 0; round < 3; round += 1) {
    const next = onUnmasked(current, masked(current, options), fixOnce)
    if (next === current) break
    current = next
  }
  return current
}

/**
 * Drops the spaces a sentence put together from parts leaves beside full-width punctuation
 * (“（看开机画面上的提示） → Advanced” → “（看开机画面上的提示）→ Advanced”). Nothing else changes.
 */
export function tightenZh(text: string): string {
  return text.replace(new RegExp(`(?<=[^\\s])[ \\t\\u3000]+(?=[${FW}])|(?<=[${FW}])[ \\t\\u3000]+(?=[^\\s])`, 'gu'), '')
}
