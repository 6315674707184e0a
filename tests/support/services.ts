import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locale } from '../../src/shared/i18n/locale'
import { contract } from '../../src/shared/ipc/contract'
import { createMainServices, type MainServices } from '../../src/main/app/services'
import { createRouter, type Router } from '../../src/main/ipc/router'
import { createMemoryLogger } from '../../src/main/logging/logger'

export interface TestApp {
  readonly services: MainServices
  readonly router: Router
  readonly userDataDir: string
  readonly logger: ReturnType<typeof createMemoryLogger>
  readonly opened: string[]
}

/** The real main-process services and router, on a fresh user-data folder. */
export function createTestApp(options: { systemLocale?: Locale; userDataDir?: string } = {}): TestApp {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'virtlab-test-'))
  const logger = createMemoryLogger()
  const opened: string[] = []
  const services = createMainServices({
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
  return { services, router, userDataDir, logger, opened }
}
