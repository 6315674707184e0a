import { useEffect, useState } from 'react'

export const PAGES = ['home', 'host', 'labs', 'lessons', 'glossary', 'records', 'teacher', 'settings'] as const
export type PageId = (typeof PAGES)[number]

export interface Route {
  readonly page: PageId
  /** Path segments after the page, e.g. ['install-workstation', 'get-installer']. */
  readonly rest: readonly string[]
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const [first, ...rest] = parts
  const page = (PAGES as readonly string[]).includes(first ?? '') ? (first as PageId) : 'home'
  return { page, rest: page === first ? rest : [] }
}

export function hrefFor(page: PageId, ...rest: string[]): string {
  return `#/${[page, ...rest].map(encodeURIComponent).join('/')}`
}

export function navigate(page: PageId, ...rest: string[]): void {
  window.location.hash = hrefFor(page, ...rest)
}

/** The current route, kept in the URL hash so a reload stays on the same page. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parseHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
