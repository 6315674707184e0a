import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildBridge } from '../shared/ipc/bridge'

// The one bridge: named functions built from the IPC contract's channel list, exposed as
// window.virtlab. Never ipcRenderer itself.
const bridge = buildBridge(
  (channel, args) => ipcRenderer.invoke(channel, ...args),
  (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(event, handler)
    return () => {
      ipcRenderer.removeListener(event, handler)
    }
  },
)

contextBridge.exposeInMainWorld('virtlab', bridge)
