import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadGlossary } from '../../src/main/glossary/load-glossary'
import { buildMatcher, splitTerms } from '../../src/shared/glossary/match'
import { checkZh } from '../../src/shared/i18n/zh-typography'
import { findVariants, localesOfFile } from '../../src/shared/glossary/variants'
import type { GlossaryTerm } from '../../src/shared/glossary/glossary'
import { RESOURCES_DIR } from '../support/services'

const glossary = await loadGlossary(join(RESOURCES_DIR, 'glossary'))
const terms = glossary.terms

/** Every content file a student reads: lesson texts and questions, lab steps and lab.yaml. */
function contentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return contentFiles(path)
    return /\.(md|yaml)$/.test(name) ? [path] : []
  })
}
const CONTENT = [...contentFiles(join(RESOURCES_DIR, 'lessons')), ...contentFiles(join(RESOURCES_DIR, 'labs'))]

describe('the glossary file', () => {
  it('loads, with at least 100 terms in both languages', () => {
    expect(glossary.problems).toEqual([])
    expect(terms.length).toBeGreaterThanOrEqual(100)
    for (const term of terms) {
      expect(term.term['zh-CN'].trim()).not.toBe('')
      expect(term.term.en.trim()).not.toBe('')
      expect(term.definition['zh-CN'], term.id).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('says where each term is taught, with lessons and labs that exist', () => {
    const lessons = readdirSync(join(RESOURCES_DIR, 'lessons')).map((d) => d.replace(/^\d+-/, ''))
    const labs = readdirSync(join(RESOURCES_DIR, 'labs')).map((d) => d.replace(/^\d+-/, ''))
    for (const term of terms)
      for (const where of term.taughtIn) {
        const [kind, id] = where.split(':')
        expect(kind === 'lesson' ? lessons : labs, `${term.id}: ${where}`).toContain(id)
      }
  })

  it('keeps zh typography in the definitions: full-width punctuation, “” quotes', () => {
    const issues = terms.flatMap((term) =>
      [term.term['zh-CN'], term.definition['zh-CN']].flatMap((text) => checkZh(text).map((i) => `${term.id}: ${i.rule} «${i.excerpt}»`)),
    )
    expect(issues).toEqual([])
  })
})

describe('the glossary loader', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('names the file, the term and the field of a broken entry, and gives no terms', async () => {
    dir = mkdtempSync(join(tmpdir(), 'glossary-'))
    writeFileSync(
      join(dir, 'glossary.yaml'),
      '- id: vm\n  term: { zh-CN: 虚拟机, en: virtual machine }\n  definition: { zh-CN: 一台虚拟的计算机。, en: A virtual computer. }\n  taughtIn: [lesson]\n',
    )
    const loaded = await loadGlossary(dir)
    expect(loaded.terms).toEqual([])
    expect(loaded.problems.join('\n')).toMatch(/glossary\.yaml: \[0\] \(vm\)\.taughtIn\[0\]: must be lesson:<lesson id> or lab:<lab id>/)
  })

  it('reports a missing file and bad YAML without throwing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'glossary-'))
    expect((await loadGlossary(dir)).problems).toEqual(['glossary.yaml: the file is missing'])
    writeFileSync(join(dir, 'glossary.yaml'), '- id: [unclosed\n')
    expect((await loadGlossary(dir)).problems[0]).toMatch(/^glossary\.yaml: not valid YAML/)
  })
})

describe('term matching in text', () => {
  const zh = buildMatcher(terms, 'zh-CN')
  const en = buildMatcher(terms, 'en')

  it('prefers the longer term and links each term once per document', () => {
    const seen = new Set<string>()
    const first = splitTerms('选择仅主机模式后，主机和虚拟机互通；主机……', zh, seen)
    expect(first.filter((s) => s.termId).map((s) => [s.text, s.termId])).toEqual([
      ['仅主机模式', 'host-only'],
      ['主机', 'host'],
      ['虚拟机', 'virtual-machine'],
    ])
    expect(splitTerms('又一台虚拟机', zh, seen).some((s) => s.termId)).toBe(false)
    expect(first.map((s) => s.text).join('')).toBe('选择仅主机模式后，主机和虚拟机互通；主机……')
  })

  it('matches Latin spellings as whole words only, in any case', () => {
    const parts = splitTerms('The Hypervisor traps; hypervisors-ish and VT-x, not VT-xy or myVT-x.', en, new Set())
    expect(parts.filter((s) => s.termId).map((s) => s.text)).toEqual(['Hypervisor', 'VT-x'])
  })

  it('does not link terms marked link: false', () => {
    expect(splitTerms('磁盘分区', zh, new Set()).some((s) => s.termId === 'partitioning')).toBe(false)
  })
})

describe('variant terms in content', () => {
  it('finds a planted variant, with the term to use and the line', () => {
    const planted = '第一行\nVMM 也叫虚拟机监控器，装在宿主机上；采用陷入—模拟。\n'
    const hits = findVariants(planted, terms, ['zh-CN'])
    expect(hits.map((h) => [h.termId, h.found, h.use, h.line])).toEqual(
      expect.arrayContaining([
        ['hypervisor', '虚拟机监控器', '虚拟机监控程序', 2],
        ['host', '宿主机', '主机', 2],
        ['trap-and-emulate', '陷入—模拟', '陷入并模拟', 2],
      ]),
    )
    for (const text of ['精简配置', '寄居式（第 2 类）', '第1类', '桥接、NAT、仅主机三种', 'VMnet1 仅主机：'])
      expect(findVariants(text, terms, ['zh-CN']).length, text).toBeGreaterThan(0)
    for (const text of ['精简置备', 'II 型', 'I 型', '仅主机模式', '使用仅主机模式网络'])
      expect(findVariants(text, terms, ['zh-CN']), text).toEqual([])
  })

  it('applies each language’s list to its own files', () => {
    expect(localesOfFile('steps/a.zh-CN.md')).toEqual(['zh-CN'])
    expect(localesOfFile('lessons/x/en.md')).toEqual(['en'])
    expect(localesOfFile('lab.yaml')).toEqual(['zh-CN', 'en'])
  })

  it('lessons and labs use the glossary’s terms, not their variants', () => {
    const found: string[] = []
    for (const file of CONTENT) {
      const rel = relative(RESOURCES_DIR, file)
      for (const hit of findVariants(readFileSync(file, 'utf8'), terms as GlossaryTerm[], localesOfFile(rel)))
        found.push(`${rel}:${hit.line}: “${hit.found}” → ${hit.use}`)
    }
    expect(found).toEqual([])
  })
})
