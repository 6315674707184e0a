import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { loadRecordsCatalog } from '../../src/main/records/catalog'
import { createRecordsService, type RecordsService, type RecordsServicePorts } from '../../src/main/records/records-service'
import type { HostReport } from '../../src/shared/host/report'
import type { StepAttempt } from '../../src/shared/records/events'
import type { StudentProfile } from '../../src/shared/records/profile'
import { tempDir as madeTempDir } from './temp'

export const ROOT = join(__dirname, '../..')
export const REPORTS_DIR = join(ROOT, 'tests/fixtures/reports')
export const CAPTURES_DIR = join(ROOT, 'tests/fixtures/captures')
export const CATALOG = loadRecordsCatalog(join(ROOT, 'resources'))

export const STUDENT: StudentProfile = { name: '张三', studentNumber: '2023010101', className: '计科2301', course: '云计算与虚拟化技术' }

export function tempDir(prefix = 'virtlab-records-'): string {
  return madeTempDir(prefix)
}

export function replayReport(file = 'win-zh-lenovo-20fw-ready.capture.json', generatedAt = '2026-03-02T01:00:00.000Z'): HostReport {
  return evaluateCapture(parseCaptureText(readFileSync(join(CAPTURES_DIR, file), 'utf8'), file), { source: 'replay', generatedAt })
}

/** A records service on a fresh folder with the course's real catalog and a save dialog answered from `savePaths`. */
export function recordsService(options: Partial<RecordsServicePorts> & { savePaths?: (string | null)[] } = {}): RecordsService & { dir: string } {
  const dir = options.userDataDir ?? tempDir()
  const savePaths = options.savePaths ?? []
  const service = createRecordsService({
    userDataDir: dir,
    logger: createMemoryLogger(),
    appVersion: '0.1.0-test',
    catalog: () => CATALOG,
    xapiBaseIri: () => 'https://lrs.example.edu/virtlab/',
    locale: () => 'zh-CN',
    chooseSavePath: async (name) => (savePaths.length > 0 ? (savePaths.shift() ?? null) : join(dir, name)),
    ...options,
  })
  return Object.assign(service, { dir })
}

export function manualStep(labId: string, stepId: string, at: string, passed = true, note = '做完了'): StepAttempt {
  return { labId, stepId, passed, verification: { kind: 'manual', note }, at }
}

export function autoStep(labId: string, stepId: string, at: string, passed = true): StepAttempt {
  return {
    labId,
    stepId,
    passed,
    at,
    verification: {
      kind: 'auto',
      checkId: 'vmware.installed',
      checkStatus: passed ? 'pass' : 'fail',
      criteria: [{ id: 'build', label: { 'zh-CN': '版本 17 或更新', en: 'Version 17 or newer' }, passed, actual: '17.6.4' }],
      evidence: [{ probe: 'vmware-version', excerpt: 'VMware Workstation 17.6.4 build-24832109' }],
    },
  }
}
