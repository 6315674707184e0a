import { z } from 'zod'
import { LocaleSchema } from '../i18n/locale'
import { SettingsSchema } from '../settings/settings'

export const AppInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    arch: z.string(),
    systemLocale: LocaleSchema,
    /** Electron's version inside the app; null when the services run outside Electron (tests, CLI). */
    electronVersion: z.string().nullable(),
  })
  .strict()
export type AppInfo = z.infer<typeof AppInfoSchema>

/** Settings plus the language actually in force (the chosen one, or the OS's). */
export const SettingsStateSchema = z
  .object({
    settings: SettingsSchema,
    effectiveLocale: LocaleSchema,
    /** Set when the settings file was unusable at start and was moved aside (kept, not deleted). */
    recovery: z.object({ movedTo: z.string(), reason: z.string(), readOnly: z.boolean() }).strict().nullable(),
  })
  .strict()
export type SettingsState = z.infer<typeof SettingsStateSchema>

export const RendererErrorSchema = z
  .object({
    message: z.string().max(10_000),
    stack: z.string().max(50_000).optional(),
    source: z.enum(['error', 'unhandledrejection', 'react']),
  })
  .strict()
export type RendererError = z.infer<typeof RendererErrorSchema>

/** External sites the app may open in the system browser (https only). */
export const EXTERNAL_LINK_HOSTS = [
  'support.broadcom.com',
  'knowledge.broadcom.com',
  'www.vmware.com',
  'techdocs.broadcom.com',
  'learn.microsoft.com',
  'support.microsoft.com',
  'rockylinux.org',
  'www.centos.org',
  'ubuntu.com',
  'www.virtualbox.org',
  'mac.getutm.app',
  'www.linux-kvm.org',
] as const

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false
  return (EXTERNAL_LINK_HOSTS as readonly string[]).includes(url.hostname)
}
