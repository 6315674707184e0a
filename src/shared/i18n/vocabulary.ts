import type { Locale } from './locale'

/**
 * The one name of each status, per language. The UI, the CLI, the report and the lab/lesson text
 * all use these words (tests/unit/vocabulary.test.ts checks the content).
 */

/** Host-check statuses; `todo` marks a VMware item a lab will set up (neutral, not a failure). */
export const CHECK_STATUS_WORDS = ['pass', 'warn', 'fail', 'unknown', 'skip', 'todo'] as const
export type CheckStatusWord = (typeof CHECK_STATUS_WORDS)[number]

export const CHECK_STATUS_NAMES: Record<Locale, Record<CheckStatusWord, string>> = {
  'zh-CN': { pass: '通过', warn: '注意', fail: '未通过', unknown: '未知', skip: '不适用', todo: '待完成' },
  en: { pass: 'Pass', warn: 'Warning', fail: 'Fail', unknown: 'Unknown', skip: 'N/A', todo: 'To do' },
}

export const LAB_STATE_WORDS = ['completed', 'in-progress', 'not-started'] as const
export type LabStateWord = (typeof LAB_STATE_WORDS)[number]

export const LAB_STATE_NAMES: Record<Locale, Record<LabStateWord, string>> = {
  'zh-CN': { completed: '已完成', 'in-progress': '进行中', 'not-started': '未开始' },
  en: { completed: 'Completed', 'in-progress': 'In progress', 'not-started': 'Not started' },
}

/** "实验 2" / "Lab 2": how a numbered lab is named everywhere. */
export function labNumberName(order: number, locale: Locale): string {
  return locale === 'zh-CN' ? `实验 ${order}` : `Lab ${order}`
}

/**
 * Other words that mean a status. Using one of them where a status is named (bold, quoted, or
 * "显示警告") gives a student two names for one thing.
 */
export const STATUS_SYNONYMS: Record<Locale, readonly string[]> = {
  'zh-CN': ['警告', '失败', '跳过', '已通过', '不通过', '待办', '未完成'],
  en: ['pass', 'warn', 'fail', 'skip', 'unknown', 'passed', 'failed', 'skipped', 'warned', 'n/a', 'warning', 'to do', 'todo'],
}

export interface VocabularyIssue {
  readonly index: number
  readonly found: string
  readonly hint: string
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * Places where text names a status with a word that is not its one name: a bold or quoted status
 * word (`**警告**`, “失败”, `**warn**`) or a status reported with a synonym ("显示警告", "结果为失败").
 * In lab text (`labText`), labs are "实验 N" / "Lab N", not "第 N 课" / "Lesson N".
 */
export function findVocabularyIssues(text: string, locale: Locale, options: { labText?: boolean } = {}): VocabularyIssue[] {
  const names = new Set([...Object.values(CHECK_STATUS_NAMES[locale]), ...Object.values(LAB_STATE_NAMES[locale])])
  const synonyms = STATUS_SYNONYMS[locale]
  const issues: VocabularyIssue[] = []
  const push = (index: number, found: string, hint: string): void => {
    issues.push({ index, found, hint })
  }
  const alternatives = synonyms.map(escape).join('|')
  const marked = new RegExp(`(\\*\\*|“|")(${alternatives})(\\*\\*|”|")`, locale === 'en' ? 'gi' : 'g')
  for (const m of text.matchAll(marked)) {
    const word = m[2]!
    if (!names.has(word)) push(m.index, m[0], `a status is named ${[...names].slice(0, 6).join(' / ')}`)
  }
  if (locale === 'zh-CN') {
    const reported = new RegExp(`(?:显示|显示为|结果为|结果是|为|是)(${alternatives})(?=[，。：；、或和）\\s]|$)`, 'g')
    for (const m of text.matchAll(reported)) push(m.index, m[0], 'a status is named 通过 / 注意 / 未通过 / 未知 / 不适用 / 待完成')
    if (options.labText === true) for (const m of text.matchAll(/第\s*\d+\s*课/g)) push(m.index, m[0], 'labs are named 实验 N')
  } else {
    const reported = /\b(?:shows?|is|at|reads?) (?:a )?(warn|fail|skip)\b/g
    for (const m of text.matchAll(reported)) push(m.index, m[0], 'a status is named Pass / Warning / Fail / Unknown / N/A / To do')
    if (options.labText === true) for (const m of text.matchAll(/\b[Ll]esson \d+\b/g)) push(m.index, m[0], 'labs are named Lab N')
  }
  return issues.sort((a, b) => a.index - b.index)
}
