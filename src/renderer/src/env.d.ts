/// <reference types="vite/client" />
import type { VirtlabApi } from '../../shared/ipc/contract'
import type { EventName } from '../../shared/ipc/channels'

declare global {
  interface Window {
    virtlab: VirtlabApi & {
      on(event: EventName, listener: (payload: unknown) => void): () => void
    }
  }
}
export {}
