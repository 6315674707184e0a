import { z } from 'zod'
import { AppInfoSchema, RendererErrorSchema, SettingsStateSchema } from '../app/app-info'
import { glossaryChannels } from '../glossary/glossary-ipc'
import { hostChannels } from '../host/host-ipc'
import { labsChannels } from '../labs/labs-ipc'
import { lessonsChannels } from '../lessons/lessons-ipc'
import { recordsChannels } from '../records/records-ipc'
import { SettingsPatchSchema } from '../settings/settings'
import { CHANNELS } from './channels'
import { channel, type ApiOf, type NamesOf } from './define'

/**
 * The one IPC contract: every channel with zod schemas for its arguments and its result.
 * Main validates both directions; the renderer gets a typed client derived from it.
 */
export const contract = {
  app: {
    info: channel(z.tuple([]), AppInfoSchema),
    openExternal: channel(z.tuple([z.string().max(2000)]), z.boolean()),
    reportError: channel(z.tuple([RendererErrorSchema]), z.null()),
  },
  settings: {
    get: channel(z.tuple([]), SettingsStateSchema),
    update: channel(z.tuple([SettingsPatchSchema]), SettingsStateSchema),
  },
  host: hostChannels,
  lessons: lessonsChannels,
  glossary: glossaryChannels,
  labs: labsChannels,
  records: recordsChannels,
} as const

export type Contract = typeof contract
export type VirtlabApi = ApiOf<Contract>

// Compile-time proof that CHANNELS (used by the preload) names exactly the contract's channels.
const namesMatch: NamesOf<Contract> = CHANNELS
void namesMatch
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameNamespaces: Exact<keyof Contract, keyof typeof CHANNELS> = true
void sameNamespaces
