import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Document } from 'yaml'
import type { Locale } from '../../src/shared/i18n/locale'
import { fixZh } from '../../src/shared/i18n/zh-typography'

/**
 * Every piece of Chinese text the app shows from content files and UI catalogs, with where it came
 * from — what the typography and vocabulary tests scan. `fixZhFile` rewrites one content file with
 * the mechanical typography fixes, touching only the Chinese values (YAML keys, English and
 * formatting stay byte for byte).
 */

export const ROOT = join(__dirname, '../..')
const RESOURCES = join(ROOT, 'resources')
const CATALOGS = join(ROOT, 'src/renderer/src/i18n/messages')

export interface ZhText {
  /** File (relative to the repo) and the field inside it. */
  readonly where: string
  readonly text: string
  /** Markdown content (code spans and list markers are skipped) or a plain UI string. */
  readonly markdown: boolean
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/** The content files that hold Chinese: step/lesson Markdown and the YAML files with zh-CN fields. */
export function zhContentFiles(root = RESOURCES, locale: Locale = 'zh-CN'): string[] {
  const md = locale === 'zh-CN' ? /\.zh-CN\.md$|[\\/]zh-CN\.md$/ : /\.en\.md$|[\\/]en\.md$/
  return walk(root)
    .filter((f) => md.test(f) || /[\\/](lab|lesson|questions)\.yaml$/.test(f))
    .sort()
}

const FRONT = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$))([\s\S]*)$/

/** Scalar nodes holding Chinese text: every string under a `zh-CN` key, or every string when `all`. */
function zhScalars(doc: Document, all: boolean, locale: Locale = 'zh-CN'): { path: string; node: Scalar }[] {
  const found: { path: string; node: Scalar }[] = []
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== 'string') return
      const parent = path[path.length - 1]
      if (!isPair(parent) || parent.value !== node) {
        if (!(all && isSeq(parent))) return
      }
      const keys: string[] = []
      for (const p of path) if (isPair(p) && isScalar(p.key)) keys.push(String(p.key.value))
      const last = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : String(key)
      if (all || last === locale) found.push({ path: keys.join('.') + (isSeq(parent) ? `[${String(key)}]` : ''), node })
    },
  })
  return found
}

function parse(yamlText: string): Document {
  const doc = parseDocument(yamlText, { keepSourceTokens: true })
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('; '))
  return doc
}

/** The Chinese strings of one content file. */
export function zhTextsOfFile(file: string, locale: Locale = 'zh-CN'): ZhText[] {
  const text = readFileSync(file, 'utf8')
  const rel = relative(ROOT, file)
  if (file.endsWith('.md')) {
    const m = FRONT.exec(text)
    if (m === null) return [{ where: rel, text, markdown: true }]
    const doc = parse(m[2]!)
    return [
      ...zhScalars(doc, true).map(({ path, node }) => ({ where: `${rel} ${path}`, text: node.value as string, markdown: true })),
      { where: `${rel} (body)`, text: m[4]!, markdown: true },
    ]
  }
  return zhScalars(parse(text), false, locale).map(({ path, node }) => ({ where: `${rel} ${path}`, text: node.value as string, markdown: true }))
}

type Tree = { readonly [key: string]: string | Tree }

function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  )
}

export function catalogFiles(): string[] {
  return readdirSync(CATALOGS)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(CATALOGS, f))
}

/** Every zh-CN UI string of the message catalogs. */
export async function zhCatalogTexts(): Promise<ZhText[]> {
  const out: ZhText[] = []
  for (const file of catalogFiles()) {
    const module = (await import(file)) as Record<string, { 'zh-CN': Tree }>
    for (const [name, catalog] of Object.entries(module)) {
      for (const [key, text] of leaves(catalog['zh-CN'], `${name}.`)) out.push({ where: `${relative(ROOT, file)} ${key}`, text, markdown: false })
    }
  }
  return out
}

export function zhContentTexts(root = RESOURCES): ZhText[] {
  return zhContentFiles(root).flatMap((f) => zhTextsOfFile(f))
}

/** The texts of one language in the lab and lesson content (`where` starts with the file path). */
export function contentTexts(locale: Locale, root = RESOURCES): ZhText[] {
  return zhContentFiles(root, locale).flatMap((f) => zhTextsOfFile(f, locale))
}

// ---- fixing -------------------------------------------------------------------------------------

function quoteDouble(value: string): string {
  return JSON.stringify(value)
}

/** A `|` block's source with each content line replaced by the fixed value's line (same line count). */
function fixBlockLiteral(source: string, value: string, fixed: string): string {
  const src = source.split('\n')
  const before = value.split('\n')
  const after = fixed.split('\n')
  let i = 0
  const out = src.map((line, n) => {
    if (n === 0) return line // the `|` header
    if (i >= before.length) return line
    const want = before[i]!
    if (line.trim() === '' && want.trim() === '') {
      i += 1
      return line
    }
    if (!line.endsWith(want)) throw new Error(`block scalar line does not match its value: ${line}`)
    const indent = line.slice(0, line.length - want.length)
    const next = after[i]!
    i += 1
    return indent + next
  })
  return out.join('\n')
}

/** Rewrites the source ranges of the Chinese scalars in one YAML text. */
function fixYamlText(yamlText: string, all: boolean): string {
  const doc = parse(yamlText)
  const edits: { start: number; end: number; text: string }[] = []
  for (const { node } of zhScalars(doc, all)) {
    const value = node.value as string
    const fixed = fixZh(value, { markdown: true })
    if (fixed === value || node.range === undefined || node.range === null) continue
    const [start, end] = node.range
    const source = yamlText.slice(start, end)
    let replacement: string
    if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) replacement = quoteDouble(fixed)
    else if (node.type === Scalar.PLAIN && !source.includes('\n')) {
      replacement = /^[\s"'#&*!|>%@`{[\-?:]|: | #|[{}[\],]/.test(fixed) ? quoteDouble(fixed) : fixed
    } else if (node.type === Scalar.BLOCK_LITERAL) {
      replacement = fixBlockLiteral(source, value, fixed)
    } else {
      // Folded or multi-line plain: fix each source line in place (indentation untouched).
      replacement = source
        .split('\n')
        .map((line) => {
          const indent = /^\s*/.exec(line)![0]
          return indent + fixZh(line.slice(indent.length), { markdown: true })
        })
        .join('\n')
    }
    edits.push({ start, end, text: replacement })
  }
  let out = yamlText
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}

/** The file's new text with typography fixed (or the same text). */
export function fixZhFileText(file: string, text: string): string {
  if (file.endsWith('.md')) {
    const m = FRONT.exec(text)
    if (m === null) return fixZh(text, { markdown: true })
    return m[1]! + fixYamlText(m[2]!, true) + m[3]! + fixZh(m[4]!, { markdown: true })
  }
  return fixYamlText(text, false)
}

