import { isAppUrl } from './app-origin'

/** What the edge knows about the frame that sent an IPC message. */
export interface SenderInfo {
  /** The sending frame object (Electron's WebFrameMain); compared by identity. */
  readonly frame: unknown
  /** URL of the sending frame. */
  readonly url: string
}

export interface TrustedPage {
  /** The main window's main frame, or null when there is no window. */
  readonly mainFrame: () => unknown
  /** The electron-vite dev server (development only). */
  readonly devServerUrl?: string
}

/**
 * Only the main window's own top frame may call main: the sending frame must BE that frame (not an
 * iframe, not another window), and it must still show the app (app://app/…, or the dev server in
 * development) — a frame that navigated away keeps its identity but loses its trust. No file path is
 * compared, so the install folder's drive-letter case or a `%` in it changes nothing.
 */
export function isTrustedSender(sender: SenderInfo, trusted: TrustedPage): boolean {
  if (sender.frame === null || sender.frame === undefined) return false
  const mainFrame = trusted.mainFrame()
  if (mainFrame === null || mainFrame === undefined || sender.frame !== mainFrame) return false
  return isAppUrl(sender.url, trusted.devServerUrl)
}
