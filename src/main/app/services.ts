import { userInfo } from 'node:os'
import { isAllowedExternalUrl, type AppInfo } from '../../shared/app/app-info'
import type { EventName } from '../../shared/ipc/channels'
import type { Locale } from '../../shared/i18n/locale'
import type { Contract } from '../../shared/ipc/contract'
import type { HandlersOf } from '../ipc/router'
import type { Logger } from '../logging/logger'
import { createSettingsService, type SettingsService } from '../settings/settings-service'
import { currentEnvironment } from '../host/collect'
import { createHostService, type HostService, type HostServicePorts } from '../host/host-service'

/** What the services need from the outside world. The Electron edge fills these; tests fill them too. */
export interface MainPorts {
  readonly userDataDir: string
  readonly systemLocale: Locale
  readonly appVersion: string
  readonly electronVersion: string | null
  readonly logger: Logger
  /** Opens an already-allowlisted https URL in the system browser. */
  readonly openExternal: (url: string) => Promise<void>
  /** The app's resources folder (lab packs, lessons, the Windows probe script). */
  readonly resourcesDir: string
  /** Sends a one-way event to the renderer. */
  readonly emit: (event: EventName, payload: unknown) => void
  /** Asks the student where to save a file; null when cancelled. */
  readonly chooseSavePath: (defaultName: string, kind: 'json' | 'pdf' | 'csv') => Promise<string | null>
  /** For tests: replace the host probe collector (e.g. with a recorded capture). */
  readonly collectHost?: HostServicePorts['collect']
}

export interface MainServices {
  readonly handlers: HandlersOf<Contract>
  readonly settings: SettingsService
  readonly host: HostService
}

function userNames(): string[] {
  try {
    return [userInfo().username]
  } catch {
    return []
  }
}

/** Builds every main-process service. No Electron here: the edge passes ports in. */
export function createMainServices(ports: MainPorts): MainServices {
  const { logger } = ports
  const settings = createSettingsService({
    userDataDir: ports.userDataDir,
    systemLocale: ports.systemLocale,
    logger,
  })

  const host = createHostService({
    env: currentEnvironment(ports.resourcesDir),
    appVersion: ports.appVersion,
    logger,
    emitProgress: (progress) => ports.emit('host:progress', progress),
    chooseSavePath: (name) => ports.chooseSavePath(name, 'json'),
    userNames: userNames(),
    collect: ports.collectHost,
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
    host: {
      runCheck: () => host.runCheck(),
      saveCapture: () => host.saveCapture(),
      lastReport: () => host.lastReport(),
    },
  }
  return { handlers, settings, host }
}
