import { useCallback, useEffect, useRef, useState } from 'react'
import type { HostProgress } from '../../../../shared/host/host-ipc'
import type { HostReport } from '../../../../shared/host/report'
import { api, describeApiError, onEvent } from '../../api/client'

export interface HostCheckState {
  readonly report: HostReport | null
  readonly pending: readonly string[]
  readonly running: boolean
  readonly error: string | null
  readonly run: () => Promise<void>
}

/** The last host report, live progress while a check runs, and a way to start one. */
export function useHostCheck(options: { autoRun: boolean }): HostCheckState {
  const [report, setReport] = useState<HostReport | null>(null)
  const [pending, setPending] = useState<readonly string[]>([])
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const runningRef = useRef(false)

  const run = useCallback(async () => {
    if (runningRef.current) return
    runningRef.current = true
    setRunning(true)
    setError(null)
    setPending(['*'])
    try {
      const final = await api().host.runCheck()
      setReport(final)
      setPending([])
    } catch (e) {
      setError(describeApiError(e).message)
      setPending([])
    } finally {
      runningRef.current = false
      setRunning(false)
    }
  }, [])

  useEffect(() => {
    const off = onEvent('host:progress', (payload) => {
      const progress = payload as HostProgress
      if (!runningRef.current) return
      setReport(progress.report)
      setPending(progress.pending)
    })
    let cancelled = false
    void api()
      .host.lastReport()
      .then((last) => {
        if (cancelled) return
        if (last) setReport(last)
        else if (options.autoRun) void run()
      })
      .catch((e: unknown) => setError(describeApiError(e).message))
    return () => {
      cancelled = true
      off()
    }
  }, [options.autoRun, run])

  return { report, pending, running, error, run }
}
