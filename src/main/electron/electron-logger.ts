import log from 'electron-log/main'
import type { Logger } from '../logging/logger'

/** electron-log behind the Logger interface: a rotating file in the user's logs folder plus the console. */
export function createElectronLogger(): Logger & { readonly file: string } {
  log.initialize()
  log.transports.file.maxSize = 2 * 1024 * 1024
  return {
    file: log.transports.file.getFile().path,
    debug: (message, ...details) => log.debug(message, ...details),
    info: (message, ...details) => log.info(message, ...details),
    warn: (message, ...details) => log.warn(message, ...details),
    error: (message, ...details) => log.error(message, ...details),
  }
}
