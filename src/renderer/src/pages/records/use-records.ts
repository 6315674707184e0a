import { useCallback, useEffect, useState } from 'react'
import type { RecordsOverview } from '../../../../shared/records/records-ipc'
import { api, describeApiError } from '../../api/client'

const CHANGED = 'virtlab:records-changed'

/** Tells every mounted records view to reload (after the profile or the records changed). */
export function notifyRecordsChanged(): void {
  window.dispatchEvent(new Event(CHANGED))
}

export interface RecordsState {
  readonly overview: RecordsOverview | null
  readonly error: string | null
  readonly reload: () => void
}

/** The student's records from main, reloaded whenever they change. */
export function useRecordsOverview(): RecordsState {
  const [overview, setOverview] = useState<RecordsOverview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  useEffect(() => {
    window.addEventListener(CHANGED, reload)
    return () => window.removeEventListener(CHANGED, reload)
  }, [reload])
  useEffect(() => {
    let cancelled = false
    api()
      .records.overview()
      .then((next) => {
        if (cancelled) return
        setOverview(next)
        setError(null)
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(describeApiError(e).message)
      })
    return () => {
      cancelled = true
    }
  }, [version])
  return { overview, error, reload }
}
