import { useSyncExternalStore } from 'react'

/**
 * `prefers-reduced-motion`: a person who asked their system for less motion gets none — antd's
 * open/close animations are off (theme `motion: false`), CSS transitions end at once (styles.css)
 * and scrolling jumps instead of gliding.
 */
const QUERY = '(prefers-reduced-motion: reduce)'

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null
}

export function prefersReducedMotion(): boolean {
  return media()?.matches === true
}

/** For scrollIntoView / scrollTo: a glide, or a jump when motion is reduced. */
export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? 'auto' : 'smooth'
}

function subscribe(onChange: () => void): () => void {
  const list = media()
  list?.addEventListener('change', onChange)
  return () => list?.removeEventListener('change', onChange)
}

/** Follows the system setting while the app runs. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false)
}
