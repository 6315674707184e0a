import { useEffect, useState } from 'react'
import type { GlossaryView } from '../../../../shared/glossary/glossary'
import { api } from '../../api/client'

let cached: Promise<GlossaryView> | null = null

/** The glossary, fetched once per window. On failure the text simply has no term links. */
export function loadGlossaryOnce(): Promise<GlossaryView> {
  cached ??= Promise.resolve()
    .then(() => api().glossary.get())
    .catch((error: unknown) => {
      cached = null
      throw error
    })
  return cached
}

export function useGlossary(): { view: GlossaryView | null; error: string | null } {
  const [state, setState] = useState<{ view: GlossaryView | null; error: string | null }>({ view: null, error: null })
  useEffect(() => {
    let live = true
    loadGlossaryOnce()
      .then((view) => live && setState({ view, error: null }))
      .catch((error: unknown) => live && setState({ view: null, error: error instanceof Error ? error.message : String(error) }))
    return () => {
      live = false
    }
  }, [])
  return state
}
