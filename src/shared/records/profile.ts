import { z } from 'zod'

/** Characters no name, number, class or course needs: control characters and angle brackets. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const NO_FORBIDDEN = /^[^\u0000-\u001f\u007f-\u009f<>]*$/
/** A UTF-16 surrogate without its partner (cannot be serialized canonically, RFC 8785 §3.2.2.2). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const PROFILE_PROBLEMS = ['empty', 'too-long', 'forbidden', 'pattern'] as const
export type ProfileProblem = (typeof PROFILE_PROBLEMS)[number]

/** Plain text a person types: trimmed, bounded, no markup or control characters. */
export function safeText(max: number) {
  return z
    .string()
    .min(1, { message: 'empty' })
    .max(max, { message: 'too-long' })
    .regex(/^\S(?:[\s\S]*\S)?$/, { message: 'empty: blank, or spaces at either end' })
    .regex(NO_FORBIDDEN, { message: 'forbidden: control characters and < > are not allowed' })
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'forbidden: a broken Unicode character' })
}

export const PROFILE_LIMITS = { name: 40, studentNumber: 32, className: 60, course: 80 } as const

/** Who the records belong to. Asked on first start, editable in Settings, printed on every report. */
export const StudentProfileSchema = z
  .object({
    name: safeText(PROFILE_LIMITS.name),
    studentNumber: safeText(PROFILE_LIMITS.studentNumber).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
      message: 'pattern: letters, digits, . _ - only',
    }),
    className: safeText(PROFILE_LIMITS.className),
    course: safeText(PROFILE_LIMITS.course),
  })
  .strict()
export type StudentProfile = z.infer<typeof StudentProfileSchema>
export type ProfileField = keyof StudentProfile

/** The first problem with one field's value, as a code the UI words in its language; null when fine. */
export function profileFieldProblem(field: ProfileField, value: string): ProfileProblem | null {
  const result = StudentProfileSchema.shape[field].safeParse(value)
  if (result.success) return null
  const message = result.error.issues[0]?.message ?? ''
  const code = message.split(':')[0] as ProfileProblem
  return (PROFILE_PROBLEMS as readonly string[]).includes(code) ? code : 'forbidden'
}

/** The course name when the course pack does not give one (resources/course.yaml normally does). */
export const FALLBACK_COURSE = '云计算与虚拟化技术'
