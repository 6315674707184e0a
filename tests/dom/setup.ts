import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy…/waitFor wait for the page to reach a state; testing-library's 1 s default assumes an idle
// machine (the real services behind the bridge read files and run checks). A test still fails
// at once on a wrong state it can see; only "not there yet" is given longer.
configure({ asyncUtilTimeout: 10_000 })

// jsdom lacks these browser APIs that antd's responsive components use.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}
if (!('ResizeObserver' in window)) {
  ;(window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
}
window.getComputedStyle = ((orig) => (elt: Element, pseudo?: string | null) => orig(elt, pseudo ?? undefined))(
  window.getComputedStyle.bind(window),
)

afterEach(() => cleanup())
