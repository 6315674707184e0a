import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IpcError } from '../../shared/ipc/errors'
import type { Router } from '../ipc/router'
import { isTrustedSender, type TrustedPage } from '../ipc/sender-policy'
import type { Logger } from '../logging/logger'

/** Binds every router channel to ipcMain.handle, refusing calls from any frame but the main window's top frame. */
export function registerIpc(router: Router, options: TrustedPage & { logger: Logger }): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frame = event.senderFrame
      const sender = { frame, url: frame?.url ?? '' }
      if (!isTrustedSender(sender, options)) {
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
