import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/main/lessons/load-lessons'
import { LessonMetaSchema, QuestionsFileSchema, describeIssues } from '../../src/shared/lessons/lesson'

const REAL = join(__dirname, '../../resources/lessons')

/** A copy of the real lessons to break. */
function copyLessons(): string {
  const dir = mkdtempSync(join(tmpdir(), 'virtlab-lessons-'))
  cpSync(REAL, dir, { recursive: true })
  return dir
}

function edit(root: string, rel: string, change: (text: string) => string): void {
  const path = join(root, rel)
  const before = readFileSync(path, 'utf8')
  const after = change(before)
  if (after === before) throw new Error(`edit of ${rel} changed nothing`)
  writeFileSync(path, after)
}

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en })
const option = (id: string, correct?: boolean) => ({ id, text: L(id, id), ...(correct ? { correct } : {}) })
const base = { prompt: L('问', 'Q'), explanation: L('解', 'E') }

describe('question schema', () => {
  const messages = (data: unknown): string[] => {
    const parsed = QuestionsFileSchema.safeParse(data)
    return parsed.success ? [] : describeIssues(parsed.error)
  }

  it('single: exactly one correct, 3–5 options', () => {
    expect(messages([{ ...base, id: 'q', type: 'single', options: [option('a', true), option('b'), option('c')] }])).toEqual([])
    expect(messages([{ ...base, id: 'q', type: 'single', options: [option('a', true), option('b', true), option('c')] }]).join()).toMatch(
      /\[0\]\.options: a single-choice question needs exactly one correct option \(found 2\)/,
    )
    expect(messages([{ ...base, id: 'q', type: 'single', options: [option('a'), option('b'), option('c')] }]).join()).toMatch(/found 0/)
    expect(messages([{ ...base, id: 'q', type: 'single', options: [option('a', true), option('b')] }]).join()).toMatch(/\[0\]\.options/)
    expect(messages([{ ...base, id: 'q', type: 'single', options: ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => option(x, x === 'a')) }]).join()).toMatch(/\[0\]\.options/)
  })

  it('multiple: at least two correct', () => {
    expect(messages([{ ...base, id: 'q', type: 'multiple', options: [option('a', true), option('b', true), option('c')] }])).toEqual([])
    expect(messages([{ ...base, id: 'q', type: 'multiple', options: [option('a', true), option('b'), option('c')] }]).join()).toMatch(/at least two correct options \(found 1\)/)
  })

  it('ordering items and matching pairs: unique ids and texts, at least three', () => {
    const item = (id: string, en = id) => ({ id, text: L(id, en) })
    expect(messages([{ ...base, id: 'q', type: 'ordering', items: [item('a'), item('b'), item('c')] }])).toEqual([])
    expect(messages([{ ...base, id: 'q', type: 'ordering', items: [item('a'), item('b'), item('a')] }]).join()).toMatch(/\[0\]\.items\[2\]\.id: duplicate id "a"/)
    expect(messages([{ ...base, id: 'q', type: 'ordering', items: [item('a'), item('b')] }]).join()).toMatch(/\[0\]\.items/)
    const pair = (id: string, right = id) => ({ id, left: L(id, id), right: L(right, right) })
    expect(messages([{ ...base, id: 'q', type: 'matching', pairs: [pair('a'), pair('b'), pair('c')] }])).toEqual([])
    expect(messages([{ ...base, id: 'q', type: 'matching', pairs: [pair('a'), pair('b', 'x'), pair('c', 'x')] }]).join()).toMatch(/\[0\]\.pairs\[2\]\.right\.zh-CN: the same text appears twice/)
  })

  it('rejects unknown fields and types, missing languages and duplicate question ids', () => {
    expect(messages([{ ...base, id: 'q', type: 'essay', options: [] }]).join()).toMatch(/\[0\]\.type/)
    expect(messages([{ ...base, id: 'q', type: 'single', hint: 'x', options: [option('a', true), option('b'), option('c')] }]).join()).toMatch(/hint/)
    expect(messages([{ ...base, prompt: { 'zh-CN': '问' }, id: 'q', type: 'single', options: [option('a', true), option('b'), option('c')] }]).join()).toMatch(/\[0\]\.prompt\.en/)
    const q = { ...base, id: 'same', type: 'single', options: [option('a', true), option('b'), option('c')] }
    expect(messages([q, q]).join()).toMatch(/\[1\]\.id: duplicate id "same"/)
  })

  it('lesson.yaml: a known diagram, kebab-case id, both languages', () => {
    const meta = { id: 'x', order: 1, title: L('标题', 'Title'), summary: L('摘要', 'Summary'), diagram: 'io-stacks', seedSections: ['001 x'] }
    expect(LessonMetaSchema.safeParse(meta).success).toBe(true)
    const bad = LessonMetaSchema.safeParse({ ...meta, id: 'Bad_Id', diagram: 'pie-chart' })
    expect(bad.success).toBe(false)
    expect(describeIssues(bad.error!).join('\n')).toMatch(/^id: must be kebab-case/m)
    expect(describeIssues(bad.error!).join('\n')).toMatch(/^diagram: /m)
  })
})

describe('loading lesson folders', () => {
  it('reports each broken lesson with its file and field, and still loads the others', async () => {
    const root = copyLessons()
    try {
      // 01: a single-choice question with two right answers.
      edit(root, '01-what-is-virtualization/questions.yaml', (t) => t.replace(/(- id: a\n\s+text:\n\s+zh-CN: "用软件逐条模拟[^\n]*\n[^\n]*\n)/, '$1      correct: true\n'))
      // 02: not YAML at all.
      edit(root, '02-kinds-and-infrastructure/questions.yaml', (t) => `${t}\n  - : : [unclosed`)
      // 03: the English text is missing.
      rmSync(join(root, '03-server-virtualization/en.md'))
      // 04: an unknown diagram.
      edit(root, '04-cpu-memory-io/lesson.yaml', (t) => t.replace('diagram: address-translation', 'diagram: pie-chart'))
      // 05 takes a question id that 07 uses: the later folder (07) is the one reported.
      edit(root, '05-migration/questions.yaml', (t) => t.replace('- id: l5-hardest-part', '- id: l7-bridged'))
      // 06: the id does not match the folder.
      edit(root, '06-storage-virtualization/lesson.yaml', (t) => t.replace('id: storage-virtualization', 'id: storage'))
      // A folder that is not a lesson, and a stray file.
      mkdirSync(join(root, 'drafts'))
      writeFileSync(join(root, 'README.txt'), 'notes')

      const { lessons, problems } = await loadLessons(root)
      expect(lessons.map((l) => l.meta.id)).toEqual(['migration', 'products'])
      const byDir = Object.fromEntries(problems.map((p) => [p.dir, p.messages.join('\n')]))
      expect(Object.keys(byDir).sort()).toEqual([
        '01-what-is-virtualization',
        '02-kinds-and-infrastructure',
        '03-server-virtualization',
        '04-cpu-memory-io',
        '06-storage-virtualization',
        '07-network-virtualization',
        'drafts',
      ])
      expect(byDir['01-what-is-virtualization']).toBe('questions.yaml: [0] (l1-definition).options: a single-choice question needs exactly one correct option (found 2)')
      expect(byDir['02-kinds-and-infrastructure']).toMatch(/^questions\.yaml: not valid YAML: .+/)
      expect(byDir['03-server-virtualization']).toBe('en.md: the file is missing')
      expect(byDir['04-cpu-memory-io']).toMatch(/^lesson\.yaml: diagram: /)
      expect(byDir['07-network-virtualization']).toBe('questions.yaml: id: "l7-bridged" is already used in lesson "migration"')
      expect(byDir['06-storage-virtualization']).toMatch(/lesson\.yaml: id: "storage" does not match the folder name "06-storage-virtualization"/)
      expect(byDir.drafts).toMatch(/<order>-<id>/)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('collects every problem of one lesson, not just the first', async () => {
    const root = copyLessons()
    try {
      edit(root, '07-network-virtualization/lesson.yaml', (t) => t.replace('order: 7', 'order: seven'))
      edit(root, '07-network-virtualization/questions.yaml', (t) => t.replace('type: matching', 'type: essay'))
      writeFileSync(join(root, '07-network-virtualization/zh-CN.md'), '  \n')
      const { lessons, problems } = await loadLessons(root)
      expect(lessons).toHaveLength(7)
      expect(problems).toHaveLength(1)
      const text = problems[0]!.messages.join('\n')
      expect(text).toMatch(/^lesson\.yaml: order: /m)
      expect(text).toMatch(/^questions\.yaml: \[0\] \(l7-vmnet-match\)\.type: /m)
      expect(text).toMatch(/^zh-CN\.md: the lesson text is empty$/m)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('reports a missing lessons folder instead of failing', async () => {
    const { lessons, problems } = await loadLessons(join(tmpdir(), 'virtlab-no-such-folder'))
    expect(lessons).toEqual([])
    expect(problems[0]!.messages[0]).toMatch(/cannot read the lessons folder \(ENOENT\)/)
  })
})
