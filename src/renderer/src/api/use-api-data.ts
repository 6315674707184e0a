import { useEffect, useState } from 'react'
import { describeApiError } from './client'

/**
 * Loads something from main once (again when `key` changes) and keeps it with its error. A late
 * answer for a page already left is dropped.
 */
export function useApiData<T>(load: () => Promise<T>, key = ''): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ key: string; data: T | null; error: string | null }>({ key, data: null, error: null })
  useEffect(() => {
    let cancelled = false
    Promise.resolve()
      .then(load)
      .then((data) => !cancelled && setState({ key, data, error: null }))
      .catch((e: unknown) => !cancelled && setState({ key, data: null, error: describeApiError(e).message }))
    return () => {
      cancelled = true
    }
    // `load` is a fresh closure each render; `key` says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return state.key === key ? { data: state.data, error: state.error } : { data: null, error: null }
}
