import { writeFile } from 'node:fs/promises'
import type { Capture } from '../../shared/host/capture'
import type { HostProgress } from '../../shared/host/host-ipc'
import type { HostReport } from '../../shared/host/report'
import type { Logger } from '../logging/logger'
import { redactCapture, serializeCapture } from './capture-file'
import { collectCapture, type CollectOptions } from './collect'
import { evaluateCapture } from './evaluate'
import type { ProbeEnvironment } from './probes/spec'

export interface HostServicePorts {
  readonly env: ProbeEnvironment
  readonly appVersion: string
  readonly logger: Logger
  readonly emitProgress: (progress: HostProgress) => void
  /** Asks where to save a file (the edge shows a dialog); null when cancelled. */
  readonly chooseSavePath: (defaultName: string) => Promise<string | null>
  readonly userNames: readonly string[]
  /** Called with every finished report (the records store keeps snapshots); awaited, so the report is kept when runCheck returns. */
  readonly onReport?: (report: HostReport) => void | Promise<void>
  /** .vmx files the student picked by hand. */
  readonly extraVmx?: () => readonly string[]
  /** For tests: replace the live collector. */
  readonly collect?: (options: CollectOptions) => Promise<Capture>
}

export interface HostService {
  runCheck(): Promise<HostReport>
  saveCapture(): Promise<{ path: string } | null>
  lastReport(): HostReport | null
}

export function createHostService(ports: HostServicePorts): HostService {
  let last: { capture: Capture; report: HostReport } | null = null
  let running: Promise<HostReport> | null = null
  let runId = 0
  const collect = ports.collect ?? collectCapture

  const run = async (): Promise<HostReport> => {
    runId += 1
    const id = runId
    const started = Date.now()
    let lastEmit = 0
    const capture = await collect({
      env: ports.env,
      appVersion: ports.appVersion,
      extraVmx: ports.extraVmx?.() ?? [],
      onProgress: ({ capture: partial, pending }) => {
        const now = Date.now()
        // Keep the stream light: at most one update every 40 ms, plus the last one.
        if (pending.length > 0 && now - lastEmit < 40) return
        lastEmit = now
        ports.emitProgress({
          runId: id,
          report: evaluateCapture(partial, { source: 'live', partial: pending.length > 0, durationMs: now - started }),
          pending: [...pending],
        })
      },
    })
    const report = evaluateCapture(capture, { source: 'live', durationMs: Date.now() - started })
    last = { capture, report }
    ports.logger.info(`Host check finished in ${report.durationMs} ms: ${report.verdict.status}`)
    await ports.onReport?.(report)
    return report
  }

  return {
    runCheck() {
      // One check at a time: a second click joins the one already running.
      running ??= run().finally(() => {
        running = null
      })
      return running
    },
    async saveCapture() {
      if (!last) await this.runCheck()
      const current = last
      if (!current) return null
      const stamp = current.capture.capturedAt.slice(0, 19).replace(/[:T]/g, '-')
      const path = await ports.chooseSavePath(`virtlab-capture-${stamp}.json`)
      if (!path) return null
      await writeFile(path, serializeCapture(redactCapture(current.capture, [...ports.userNames])), 'utf8')
      ports.logger.info(`Capture saved to ${path}`)
      return { path }
    },
    lastReport: () => last?.report ?? null,
  }
}
