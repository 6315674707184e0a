import { z } from 'zod'
import { LocaleSchema } from '../i18n/locale'

export const ModeSchema = z.enum(['student', 'teacher'])
export type Mode = z.infer<typeof ModeSchema>

/** What the student chose in Settings. `locale: null` means "follow the OS". */
export const SettingsSchema = z
  .object({
    locale: LocaleSchema.nullable(),
    mode: ModeSchema,
    xapiBaseIri: z.string().url().max(500),
    /** .vmx files the student chose by hand for the VM checks (newest last). */
    pickedVmx: z.array(z.string().min(1).max(1000)).max(10).default([]),
  })
  .strict()
export type Settings = z.infer<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  locale: null,
  mode: 'student',
  xapiBaseIri: 'https://virtlab.example.edu/xapi',
  pickedVmx: [],
}

export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
