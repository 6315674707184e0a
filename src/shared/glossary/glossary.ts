import { z } from 'zod'
import { LocalizedSchema } from '../i18n/locale'

/**
 * The glossary format (docs/content-format.md, "Glossary"): `resources/glossary/glossary.yaml`,
 * a list of terms in both languages. It is the one source of the course's terms: lesson and lab
 * text link to it, and a test flags the variants it lists under `avoid`.
 */

const TermIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be kebab-case: lowercase letters, digits and "-" (at most 63 characters)')

/** Where a term is taught: `lesson:<lesson id>` or `lab:<lab id>`. */
export const TaughtInSchema = z
  .string()
  .regex(/^(lesson|lab):[a-z0-9][a-z0-9-]{0,62}$/, 'must be lesson:<lesson id> or lab:<lab id>')

const TextListSchema = z.array(z.string().trim().min(1).max(80)).max(12)

/** A regular expression source that compiles (with the `u` flag). */
const PatternSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((source) => {
    try {
      new RegExp(source, 'u')
      return true
    } catch {
      return false
    }
  }, 'is not a valid regular expression')

const PerLocale = <T extends z.ZodType>(schema: T) => z.object({ 'zh-CN': schema.optional(), en: schema.optional() }).strict()

export const GlossaryTermSchema = z
  .object({
    id: TermIdSchema,
    term: LocalizedSchema,
    /** Other spellings that are also right (abbreviations, VMware's labels); linked like the term. */
    aliases: PerLocale(TextListSchema).optional(),
    /** Variants that must not appear in content (regular expressions). */
    avoid: PerLocale(z.array(PatternSchema).max(12)).optional(),
    /** One line in each language. */
    definition: z
      .object({ 'zh-CN': z.string().min(4).max(200), en: z.string().min(4).max(300) })
      .strict()
      .refine((d) => !/\n/.test(d['zh-CN']) && !/\n/.test(d.en), 'a definition is one line'),
    taughtIn: z.array(TaughtInSchema).min(1).max(8),
    /** false: listed in the glossary but not linked in the text (a word with everyday meanings too). */
    link: z.boolean().optional(),
  })
  .strict()
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>

export const GlossaryFileSchema = z
  .array(GlossaryTermSchema)
  .max(1000)
  .superRefine((terms, ctx) => {
    const seen = new Set<string>()
    terms.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${t.id}" is already used by another term` })
      seen.add(t.id)
    })
  })

/** What the renderer gets: the terms and, when the file is broken, why. */
export const GlossaryViewSchema = z
  .object({
    terms: z.array(GlossaryTermSchema).max(1000),
    problems: z.array(z.string().max(2000)).max(50),
  })
  .strict()
export type GlossaryView = z.infer<typeof GlossaryViewSchema>
