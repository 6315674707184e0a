import { z } from 'zod'
import type { Locale } from '../i18n/locale'

/**
 * What was found wrong with a file, as facts (numbers, names), never as an English sentence: the
 * UI and the CLI word them in their own language (see `describeRejection` in ./words).
 */
export const FIELD_PROBLEMS = ['missing', 'type', 'too-long', 'too-short', 'too-big', 'too-small', 'format', 'unknown-field', 'value'] as const
export type FieldProblem = (typeof FIELD_PROBLEMS)[number]

/** Which zip-bomb limit an archive broke. */
export const ARCHIVE_LIMITS = ['total-size', 'entries', 'ratio', 'nesting', 'archive-size', 'entry-size'] as const
export type ArchiveLimit = (typeof ARCHIVE_LIMITS)[number]

/** Why a file could not be read or an archive opened. */
export const READ_PROBLEMS = ['not-a-file', 'not-found', 'denied', 'busy', 'io', 'not-zip', 'encrypted', 'unsafe-name', 'not-read'] as const
export type ReadProblem = (typeof READ_PROBLEMS)[number]

const Text = z.string().max(300)

export const RejectionFactsSchema = z
  .object({
    sizeBytes: z.number().min(0).optional(),
    limitBytes: z.number().min(0).optional(),
    line: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
    /** The schema id the file declares (not-a-report, unsupported-version). */
    found: Text.optional(),
    /** The first few fields that do not match the report format. */
    fields: z
      .array(z.object({ path: z.array(z.union([z.string().max(100), z.number()])).max(20), problem: z.enum(FIELD_PROBLEMS) }).strict())
      .max(5)
      .optional(),
    read: z.enum(READ_PROBLEMS).optional(),
    /** The other file of a duplicate pair, and its report time. */
    other: z.string().max(1000).optional(),
    otherAt: Text.optional(),
    studentNumber: Text.optional(),
    /** duplicate-student: true when this (older) file gave way to a newer one imported after it. */
    replaced: z.boolean().optional(),
    limit: z.enum(ARCHIVE_LIMITS).optional(),
    count: z.number().min(0).optional(),
    max: z.number().min(0).optional(),
  })
  .strict()
export type RejectionFacts = z.infer<typeof RejectionFactsSchema>

const FIELD_SECTIONS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    schema: '格式标识',
    generatedAt: '生成时间',
    generator: '生成程序',
    student: '学生信息',
    machine: '主机检测',
    hostCheckHistory: '主机检测历史',
    labs: '实验记录',
    quizzes: '测验记录',
    integrity: '完整性摘要',
  },
  en: {
    schema: 'format id',
    generatedAt: 'generation time',
    generator: 'generator',
    student: 'student details',
    machine: 'host check',
    hostCheckHistory: 'host check history',
    labs: 'lab records',
    quizzes: 'quiz records',
    integrity: 'integrity digest',
  },
}

const PROBLEM_WORDS: Record<Locale, Record<FieldProblem, string>> = {
  'zh-CN': {
    missing: '缺少内容',
    type: '类型不对',
    'too-long': '文字过长',
    'too-short': '内容过短或为空',
    'too-big': '数值或条目过多',
    'too-small': '数值过小',
    format: '格式不对',
    'unknown-field': '有多余的字段',
    value: '取值不在允许范围内',
  },
  en: {
    missing: 'missing',
    type: 'wrong type',
    'too-long': 'text too long',
    'too-short': 'too short or empty',
    'too-big': 'value or list too large',
    'too-small': 'value too small',
    format: 'wrong format',
    'unknown-field': 'has unexpected fields',
    value: 'value not allowed',
  },
}

/** A field's place in words: “实验记录第 2 项”, “student details”. */
export function describeField(path: readonly (string | number)[], locale: Locale): string {
  const [head, second] = path
  const section = head === undefined ? (locale === 'zh-CN' ? '报告' : 'report') : (FIELD_SECTIONS[locale][String(head)] ?? (locale === 'zh-CN' ? '报告' : 'report'))
  if (typeof second === 'number') return locale === 'zh-CN' ? `${section}第 ${second + 1} 项` : `${section}, item ${second + 1}`
  return section
}

export function describeProblem(problem: FieldProblem, locale: Locale): string {
  return PROBLEM_WORDS[locale][problem]
}
