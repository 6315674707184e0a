import type { EventName } from '../../../shared/ipc/channels'
import type { VirtlabApi } from '../../../shared/ipc/contract'
import { parseIpcError, type IpcErrorCode } from '../../../shared/ipc/errors'

/** The typed client for main: the bridge the preload exposed as window.virtlab. */
export function api(): VirtlabApi {
  if (typeof window.virtlab === 'undefined') throw new Error('window.virtlab is missing: the preload bridge did not load')
  return window.virtlab
}

export function onEvent(event: EventName, listener: (payload: unknown) => void): () => void {
  return window.virtlab.on(event, listener)
}

export interface ApiFailure {
  readonly code: IpcErrorCode
  readonly message: string
}

/** Turns an error thrown by an API call into its code and message. */
export function describeApiError(error: unknown): ApiFailure {
  return parseIpcError(error)
}
