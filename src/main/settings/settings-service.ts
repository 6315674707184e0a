import { join } from 'node:path'
import type { SettingsState } from '../../shared/app/app-info'
import type { Locale } from '../../shared/i18n/locale'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings/settings'
import type { Logger } from '../logging/logger'
import { JsonFileStore, type StoreRecovery } from '../storage/json-file-store'

export interface SettingsService {
  get(): SettingsState
  update(patch: SettingsPatch): Promise<SettingsState>
  /** Set when the settings file was unusable at start and was moved aside. */
  readonly recovery: StoreRecovery | null
}

export function createSettingsService(options: {
  userDataDir: string
  systemLocale: Locale
  logger: Logger
}): SettingsService {
  const store = new JsonFileStore<Settings>({
    path: join(options.userDataDir, 'settings.json'),
    schema: SettingsSchema,
    defaults: () => ({ ...DEFAULT_SETTINGS }),
    version: 1,
    logger: options.logger,
  })
  const loaded = store.load()
  let current = loaded.data
  const state = (): SettingsState => ({
    settings: current,
    effectiveLocale: current.locale ?? options.systemLocale,
    recovery: loaded.recovered,
  })
  return {
    recovery: loaded.recovered,
    get: state,
    async update(patch) {
      const next = SettingsSchema.parse({ ...current, ...patch })
      await store.save(next)
      current = next
      return state()
    },
  }
}
