import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Locale } from '../../src/shared/i18n/locale'
import { contract } from '../../src/shared/ipc/contract'
import { createMainServices, type MainPorts, type MainServices } from '../../src/main/app/services'
import { createRouter, type Router } from '../../src/main/ipc/router'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { RECORDS_FILE, seedRecordsProfile } from '../../src/main/records/records-store'
import type { StudentProfile } from '../../src/shared/records/profile'
import { tempDir } from './temp'

/** The student every test app starts with (so the first-start profile dialog stays away), unless `profile: null`. */
export const TEST_PROFILE: StudentProfile = { name: '测试学生', studentNumber: 'T0001', className: '测试班', course: '云计算与虚拟化技术' }

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
  /** What the next open dialogs (Teacher view) answer with ([] = cancelled). */
  readonly openPaths: string[][]
  /** Listeners for events main sends (the e2e harness forwards them to the page). */
  readonly listeners: Set<(event: string, payload: unknown) => void>
}

/** The real main-process services and router, on a fresh user-data folder. */
export function createTestApp(
  options: {
    systemLocale?: Locale
    userDataDir?: string
    collectHost?: MainPorts['collectHost']
    /** The student profile on a fresh user-data folder (default TEST_PROFILE; null: none, as on a first start). */
    profile?: StudentProfile | null
    /** Stands in for webContents.printToPDF (the e2e tests print the page with Chromium). */
    printToPdf?: MainPorts['printToPdf']
    /** Another resources folder (e.g. a copy with a broken lesson). */
    resourcesDir?: string
  } = {},
): TestApp {
  const userDataDir = options.userDataDir ?? tempDir('virtlab-test-')
  const profile = options.profile === undefined ? TEST_PROFILE : options.profile
  if (profile && !existsSync(join(userDataDir, RECORDS_FILE))) seedRecordsProfile(userDataDir, profile)
  const openPaths: string[][] = []
  const logger = createMemoryLogger()
  const opened: string[] = []
  const events: { event: string; payload: unknown }[] = []
  const savePaths: (string | null)[] = []
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const services = createMainServices({
    resourcesDir: options.resourcesDir ?? RESOURCES_DIR,
    emit: (event, payload) => {
      events.push({ event, payload })
      for (const listener of listeners) listener(event, payload)
    },
    chooseSavePath: async (name) => (savePaths.length > 0 ? (savePaths.shift() ?? null) : join(userDataDir, name)),
    collectHost: options.collectHost,
    printToPdf: options.printToPdf,
    chooseOpenPaths: async () => openPaths.shift() ?? [],
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
  return { services, router, userDataDir, logger, opened, events, savePaths, openPaths, listeners }
}
