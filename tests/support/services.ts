import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locale } from '../../src/shared/i18n/locale'
import { contract } from '../../src/shared/ipc/contract'
import { createMainServices, type MainPorts, type MainServices } from '../../src/main/app/services'
import { createRouter, type Router } from '../../src/main/ipc/router'
import { createMemoryLogger } from '../../src/main/logging/logger'

export const RESOURCES_DIR = join(__dirname, '../../resources')

export interface TestApp {
  readonly services: MainServices
  readonly router: Router
  readonly userDataDir: string
  readonly logger: ReturnType<typeof createMemoryLogger>
  readonly opened: string[]
  readonly events: { event: string; payload: unknown }[]
  /** Paths the next save dialogs answer with (null = cancelled). */
  readonly savePaths: (string | null)[]
  /** Listeners for events main sends (the e2e harness forwards them to the page). */
  readonly listeners: Set<(event: string, payload: unknown) => void>
}

/** The real main-process services and router, on a fresh user-data folder. */
export function createTestApp(
  options: { systemLocale?: Locale; userDataDir?: string; collectHost?: MainPorts['collectHost'] } = {},
): TestApp {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'virtlab-test-'))
  const logger = createMemoryLogger()
  const opened: string[] = []
  const events: { event: string; payload: unknown }[] = []
  const savePaths: (string | null)[] = []
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const services = createMainServices({
    resourcesDir: RESOURCES_DIR,
    emit: (event, payload) => {
      events.push({ event, payload })
      for (const listener of listeners) listener(event, payload)
    },
    chooseSavePath: async (name) => (savePaths.length > 0 ? (savePaths.shift() ?? null) : join(userDataDir, name)),
    collectHost: options.collectHost,
    userDataDir,
    systemLocale: options.systemLocale ?? 'zh-CN',
    appVersion: '0.0.0-test',
    electronVersion: null,
    logger,
    openExternal: async (url) => {
      opened.push(url)
    },
  })
  const router = createRouter(contract, services.handlers, logger)
  return { services, router, userDataDir, logger, opened, events, savePaths, listeners }
}
