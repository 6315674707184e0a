/**
 * Sanitizes the SVG figures of lab packs before they reach the renderer (which shows them as
 * `<img src="data:image/svg+xml,…">`). Allow-list based: known drawing elements and attributes
 * survive; scripts, event handlers, foreign content, external references (href, url(), @import),
 * DOCTYPE/entities, processing instructions and comments do not.
 */

const ALLOWED_ELEMENTS = new Set(
  [
    'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path',
    'text', 'tspan', 'textPath', 'marker', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'style',
    'filter', 'feGaussianBlur', 'feOffset', 'feBlend', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode', 'feColorMatrix',
    'feDropShadow',
  ].map((name) => name.toLowerCase()),
)

/** Elements whose tags are dropped but whose content is kept. */
const UNWRAP = new Set(['a', 'switch'])

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g
const SAFE_NAME = /^[a-zA-Z_][-a-zA-Z0-9_.]*(:[a-zA-Z_][-a-zA-Z0-9_.]*)?$/

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>|<![^>]*>|<\?[\s\S]*?(?:\?>|$)|<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</gi

/** A url(...) that points anywhere but into the same document. */
const EXTERNAL_URL = /url\(\s*(?!['"]?#)[^)]*\)/gi

function escapeText(text: string): string {
  return text
    .replace(/&(?!(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

function cleanCss(css: string): string {
  return css.replace(/@import[^;]*;?/gi, '').replace(EXTERNAL_URL, 'none').replace(/expression\s*\(/gi, '(').replace(/javascript:/gi, '')
}

function unquote(raw: string | undefined): string {
  if (raw === undefined) return ''
  if ((raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"))) return raw.slice(1, -1)
  return raw
}

function cleanAttributes(source: string): string {
  const out: string[] = []
  const seen = new Set<string>()
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1] ?? ''
    if (name === '/' || !SAFE_NAME.test(name)) continue
    const lower = name.toLowerCase()
    if (lower.startsWith('on') || lower === 'xml:base' || seen.has(lower)) continue
    const value = unquote(match[2])
    const decoded = value.replace(/&#x?[0-9a-f]+;?/gi, '').replace(/\s+/g, '').toLowerCase()
    if (lower === 'href' || lower.endsWith(':href')) {
      if (!value.startsWith('#')) continue
    }
    if (decoded.includes('javascript:') || decoded.includes('vbscript:') || decoded.includes('data:')) continue
    let clean = value
    if (/url\(/i.test(value)) clean = value.replace(EXTERNAL_URL, 'none')
    if (lower === 'style') clean = cleanCss(clean)
    seen.add(lower)
    out.push(`${name}="${escapeText(clean).replace(/"/g, '&quot;')}"`)
  }
  return out.length > 0 ? ` ${out.join(' ')}` : ''
}

export class SvgError extends Error {}

/** Returns the sanitized SVG text; throws SvgError when there is no <svg> root at all. */
export function sanitizeSvg(input: string): string {
  const out: string[] = []
  /** Open elements, with whether their tags were written (false: unwrapped). */
  const stack: { name: string; kept: boolean }[] = []
  /** > 0 while inside a dropped element. */
  let dropDepth = 0
  let sawRoot = false
  for (const match of input.matchAll(TOKEN)) {
    const token = match[0]
    const [, cdata, closing, rawName, attrs] = match
    if (rawName !== undefined) {
      const name = rawName.toLowerCase()
      const selfClosing = /\/\s*$/.test(attrs ?? '')
      if (closing) {
        if (dropDepth > 0) {
          // Only the matching close of the dropped element ends the drop.
          const top = stack[stack.length - 1]
          if (top && top.name === name) {
            stack.pop()
            if (!top.kept) dropDepth -= 1
          }
          continue
        }
        const index = stack.map((e) => e.name).lastIndexOf(name)
        if (index < 0) continue
        while (stack.length > index) {
          const element = stack.pop()!
          if (element.kept) out.push(`</${element.name === name ? rawName : element.name}>`)
        }
        continue
      }
      if (dropDepth > 0) {
        if (!selfClosing) {
          stack.push({ name, kept: false })
          dropDepth += 1
        }
        continue
      }
      if (UNWRAP.has(name)) {
        if (!selfClosing) stack.push({ name, kept: false })
        continue
      }
      if (!ALLOWED_ELEMENTS.has(name) || (name === 'svg' && sawRoot && stack.length === 0)) {
        if (!selfClosing) {
          stack.push({ name, kept: false })
          dropDepth += 1
        }
        continue
      }
      let attributes = cleanAttributes((attrs ?? '').replace(/\/\s*$/, ''))
      if (name === 'svg' && !sawRoot) {
        sawRoot = true
        if (!/\sxmlns="/.test(attributes)) attributes = ` xmlns="http://www.w3.org/2000/svg"${attributes}`
      }
      if (!sawRoot) continue
      out.push(`<${rawName}${attributes}${selfClosing ? '/' : ''}>`)
      if (!selfClosing) stack.push({ name: rawName, kept: true })
      continue
    }
    if (dropDepth > 0 || !sawRoot || stack.length === 0) continue
    if (token.startsWith('<!--') || token.startsWith('<?') || /^<!(?!\[CDATA\[)/i.test(token)) continue
    const inStyle = stack[stack.length - 1]?.name.toLowerCase() === 'style'
    const text = cdata !== undefined ? cdata : token.startsWith('<') ? '' : token
    out.push(inStyle ? escapeText(cleanCss(text)) : escapeText(text))
  }
  while (stack.length > 0) {
    const element = stack.pop()!
    if (element.kept) out.push(`</${element.name}>`)
  }
  if (!sawRoot) throw new SvgError('the file has no <svg> element')
  return out.join('')
}
