import { isAllowedExternalUrl, type AppInfo } from '../../shared/app/app-info'
import type { Locale } from '../../shared/i18n/locale'
import type { Contract } from '../../shared/ipc/contract'
import type { HandlersOf } from '../ipc/router'
import type { Logger } from '../logging/logger'
import { createSettingsService, type SettingsService } from '../settings/settings-service'

/** What the services need from the outside world. The Electron edge fills these; tests fill them too. */
export interface MainPorts {
  readonly userDataDir: string
  readonly systemLocale: Locale
  readonly appVersion: string
  readonly electronVersion: string | null
  readonly logger: Logger
  /** Opens an already-allowlisted https URL in the system browser. */
  readonly openExternal: (url: string) => Promise<void>
}

export interface MainServices {
  readonly handlers: HandlersOf<Contract>
  readonly settings: SettingsService
}

/** Builds every main-process service. No Electron here: the edge passes ports in. */
export function createMainServices(ports: MainPorts): MainServices {
  const { logger } = ports
  const settings = createSettingsService({
    userDataDir: ports.userDataDir,
    systemLocale: ports.systemLocale,
    logger,
  })

  const info: AppInfo = {
    name: 'VirtLab Companion',
    version: ports.appVersion,
    platform: process.platform,
    arch: process.arch,
    systemLocale: ports.systemLocale,
    electronVersion: ports.electronVersion,
  }

  const handlers: HandlersOf<Contract> = {
    app: {
      info: () => info,
      openExternal: async (url) => {
        if (!isAllowedExternalUrl(url)) {
          logger.warn('Refused to open a link that is not on the allowlist', url)
          return false
        }
        await ports.openExternal(url)
        return true
      },
      reportError: (error) => {
        logger.error(`Renderer ${error.source}: ${error.message}`, error.stack ?? '')
        return null
      },
    },
    settings: {
      get: () => settings.get(),
      update: (patch) => settings.update(patch),
    },
  }
  return { handlers, settings }
}
