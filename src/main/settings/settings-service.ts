import { join } from 'node:path'
import type { SettingsState } from '../../shared/app/app-info'
import type { Locale } from '../../shared/i18n/locale'
import { IpcError } from '../../shared/ipc/errors'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings/settings'
import { vmxPathProblem } from '../host/local-path'
import type { Logger } from '../logging/logger'
import { DurableValue, JsonFileStore, type StoreRecovery } from '../storage/json-file-store'

export interface SettingsService {
  get(): SettingsState
  /** Applies a patch once it is on disk; concurrent updates apply one after the other, none lost. */
  update(patch: SettingsPatch): Promise<SettingsState>
  /** Set when the settings file was unusable at start (moved aside, or left in place read-only). */
  readonly recovery: StoreRecovery | null
}

export function createSettingsService(options: {
  userDataDir: string
  systemLocale: Locale
  logger: Logger
  /** For tests: the store's atomic write. */
  write?: ConstructorParameters<typeof JsonFileStore<Settings>>[0]['write']
}): SettingsService {
  const store = new JsonFileStore<Settings>({
    path: join(options.userDataDir, 'settings.json'),
    schema: SettingsSchema,
    defaults: () => ({ ...DEFAULT_SETTINGS }),
    version: 1,
    logger: options.logger,
    write: options.write,
  })
  const loaded = store.load()
  const value = new DurableValue(store, loaded.data)
  const state = (): SettingsState => ({
    settings: value.value,
    effectiveLocale: value.value.locale ?? options.systemLocale,
    recovery: loaded.recovered,
  })
  return {
    recovery: loaded.recovered,
    get: state,
    async update(patch) {
      // The same rule as “choose a .vmx”: a renderer may not slip a UNC or device path in here.
      for (const path of patch.pickedVmx ?? []) {
        const problem = vmxPathProblem(path)
        if (problem) throw new IpcError('invalid-input', `pickedVmx: ${problem}`)
      }
      await value.update((current) => SettingsSchema.parse({ ...current, ...patch }))
      return state()
    },
  }
}
