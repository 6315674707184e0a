import { shell, type Session, type WebContents } from 'electron'
import { isAllowedExternalUrl } from '../../shared/app/app-info'
import { isAppUrl } from '../ipc/app-origin'
import type { Logger } from '../logging/logger'

/** Denies every permission request (camera, notifications, geolocation, …): the app needs none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.on('will-download', (event) => event.preventDefault())
}

/**
 * No new windows, no navigation away from the app, no webviews. Links to allowlisted https sites
 * open in the system browser; everything else is refused and logged.
 */
export function hardenWebContents(
  contents: WebContents,
  options: { devServerUrl?: string; logger: Logger },
): void {
  const { devServerUrl, logger } = options
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    else logger.warn('Blocked window.open', url)
    return { action: 'deny' }
  })
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url, devServerUrl)) return
    event.preventDefault()
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    else logger.warn('Blocked navigation', url)
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
