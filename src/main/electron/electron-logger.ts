import log from 'electron-log/node'
import { join } from 'node:path'
import type { Logger } from '../logging/logger'

/**
 * electron-log behind the Logger interface: a rotating file in the app's logs folder plus the
 * console. The plain-Node build of electron-log is used on purpose: the Electron build registers a
 * `__ELECTRON_LOG__` IPC channel (which no sender check guards) and, with `initialize()`, injects its
 * own preload (`window.__electronLog`). The renderer reports errors over the app's own contract.
 */
export function createElectronLogger(logsDir: string): Logger & { readonly file: string } {
  const file = join(logsDir, 'main.log')
  log.transports.file.resolvePathFn = () => file
  log.transports.file.maxSize = 2 * 1024 * 1024
  return {
    file,
    debug: (message, ...details) => log.debug(message, ...details),
    info: (message, ...details) => log.info(message, ...details),
    warn: (message, ...details) => log.warn(message, ...details),
    error: (message, ...details) => log.error(message, ...details),
  }
}
