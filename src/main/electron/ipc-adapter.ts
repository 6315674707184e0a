import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IpcError } from '../../shared/ipc/errors'
import type { Router } from '../ipc/router'
import { isTrustedSender } from '../ipc/sender-policy'
import type { Logger } from '../logging/logger'

/** Binds every router channel to ipcMain.handle, refusing calls from frames that are not the app. */
export function registerIpc(
  router: Router,
  options: { appEntry: string; devServerUrl?: string; logger: Logger },
): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frame = event.senderFrame
      const sender = {
        url: frame?.url ?? '',
        isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
      }
      if (!isTrustedSender(sender, options.appEntry, options.devServerUrl)) {
        options.logger.warn(`IPC ${channel}: refused call from ${sender.url || 'an unknown frame'}`)
        throw new IpcError('forbidden-sender', 'This frame may not call the app.')
      }
      return router.invoke(channel, args)
    })
  }
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel)
  }
}
