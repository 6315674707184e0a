/** What the edge knows about the frame that sent an IPC message. */
export interface SenderInfo {
  /** URL of the sending frame. */
  readonly url: string
  /** True when the message came from the window's top frame (not an iframe). */
  readonly isMainFrame: boolean
}

/**
 * Only the app's own top-level page may call main. In production that is a file:// URL inside the
 * app bundle (`appEntry`); in development, the electron-vite dev server origin.
 */
export function isTrustedSender(sender: SenderInfo, appEntry: string, devServerUrl?: string): boolean {
  if (!sender.isMainFrame) return false
  let url: URL
  try {
    url = new URL(sender.url)
  } catch {
    return false
  }
  if (devServerUrl) {
    try {
      if (url.origin === new URL(devServerUrl).origin) return true
    } catch {
      /* ignore a malformed dev URL */
    }
  }
  let entry: URL
  try {
    entry = new URL(appEntry)
  } catch {
    return false
  }
  return url.protocol === 'file:' && entry.protocol === 'file:' && url.pathname === entry.pathname
}
