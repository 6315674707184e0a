import { CHANNELS, EVENTS, channelName, type EventName } from './channels'

export type Invoke = (channel: string, args: unknown[]) => Promise<unknown>
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void

/**
 * Builds the object exposed to the renderer as `window.virtlab`: one named function per channel
 * (never a generic `invoke`), plus `on(event, listener)` restricted to the known events.
 * The preload and the end-to-end harness both build it here, over different transports.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): Record<string, unknown> {
  const api: Record<string, unknown> = {}
  for (const [ns, methods] of Object.entries(CHANNELS)) {
    const group: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
    for (const method of methods as readonly string[]) {
      const name = channelName(ns, method)
      group[method] = (...args: unknown[]) => invoke(name, args)
    }
    api[ns] = Object.freeze(group)
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`)
    if (typeof listener !== 'function') throw new Error('listener must be a function')
    return subscribe(event, listener)
  }
  return Object.freeze(api)
}
