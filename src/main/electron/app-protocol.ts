import { protocol } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, contentTypeOf, resolveAppRequest } from '../ipc/app-origin'
import type { Logger } from '../logging/logger'

/** Must run before the app is ready: app:// becomes a standard, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }])
}

/** Serves app://app/… from the built renderer folder, and nothing outside it. */
export function serveAppScheme(rendererRoot: string, logger: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererRoot)
    if (file === null) {
      logger.warn('app:// refused', request.url.slice(0, 300))
      return new Response('Not found', { status: 404 })
    }
    try {
      if (!(await stat(file)).isFile()) return new Response('Not found', { status: 404 })
      return new Response(await readFile(file), { headers: { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff' } })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
