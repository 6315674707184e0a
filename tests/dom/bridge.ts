import { buildBridge } from '../../src/shared/ipc/bridge'
import type { Locale } from '../../src/shared/i18n/locale'
import { createTestApp, type TestApp } from '../support/services'

/** Installs window.virtlab over the real main services, as the preload would. */
export function installBridge(options: { systemLocale?: Locale; app?: TestApp } = {}): TestApp & {
  emit(event: string, payload: unknown): void
} {
  const app = options.app ?? createTestApp({ systemLocale: options.systemLocale ?? 'zh-CN' })
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const bridge = buildBridge(
    (channel, args) => app.router.invoke(channel, args),
    (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  )
  Object.defineProperty(window, 'virtlab', { value: bridge, configurable: true })
  app.listeners.add((event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)))
  return {
    ...app,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  }
}
