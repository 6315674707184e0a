import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { recordedStatus, type HostReport } from '../../shared/host/report'
import { clip } from '../../shared/records/build'
import type { LabProgress, QuizResult, StepAttempt, Verification } from '../../shared/records/events'
import type { StudentProfile } from '../../shared/records/profile'
import { HostSnapshotSchema, LIMITS, type HostSnapshot } from '../../shared/records/report'
import {
  MAX_STORED_QUIZZES,
  RECORDS_STORE_VERSION,
  RecordsDataSchema,
  StoredStepSchema,
  emptyRecords,
  type RecordsData,
  type StoredAttempt,
  type StoredStep,
} from '../../shared/records/store-data'
import type { Logger } from '../logging/logger'
import { DurableValue, JsonFileStore, type AtomicWrite, type StoreRecovery } from '../storage/json-file-store'
import type { ProgressPort } from './progress-port'

export const RECORDS_FILE = 'records.json'

/**
 * migrations[n] turns layout n into n + 1. Layout 1 is the first one shipped; when the layout
 * changes, bump RECORDS_STORE_VERSION and add the step here (with a test that loads an old file).
 */
export const RECORDS_MIGRATIONS: Readonly<Record<number, (data: unknown) => unknown>> = {}

export interface RecordsStoreOptions {
  readonly userDataDir: string
  readonly logger: Logger
  /** For tests: the clock used for moved-aside names and host snapshots without a time. */
  readonly now?: () => Date
  /** For tests: the atomic write, and the waits between retries of a refused rename. */
  readonly write?: AtomicWrite
  readonly retryDelaysMs?: readonly number[]
}

/** write-file-atomic's temp files (`records.json.<number>`) left behind by a killed writer. */
function removeStaleTempFiles(dir: string, logger: Logger): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!/^records\.json\.\d+$/.test(name)) continue
    try {
      unlinkSync(join(dir, name))
      logger.info(`Removed an unfinished records write: ${name}`)
    } catch {
      /* another attempt will do */
    }
  }
}

/** Makes the rename itself durable (POSIX: the directory entry lives in the directory's data). */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  let fd: number | null = null
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    /* some file systems refuse: the file itself is already on disk */
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

function storedVerification(v: Verification): Verification {
  switch (v.kind) {
    case 'auto':
      return {
        ...v,
        criteria: v.criteria.slice(0, LIMITS.criteria).map((c) => ({ ...c, actual: clip(c.actual, LIMITS.actual) })),
        evidence: v.evidence.slice(0, LIMITS.evidence).map((e) => ({ probe: clip(e.probe, LIMITS.probe), excerpt: clip(e.excerpt, LIMITS.excerpt) })),
      }
    case 'manual':
      return { kind: 'manual', note: clip(v.note, LIMITS.note) }
    case 'quiz':
      return v
  }
}

/** A host report as the records keep it: verdict, each check's status, the machine, the time. */
export function hostSnapshot(report: HostReport, now: () => Date = () => new Date()): HostSnapshot {
  const t = (s: string): string => clip(s, LIMITS.machineText)
  const h = report.host
  const candidate: HostSnapshot = {
    at: report.generatedAt,
    verdict: report.verdict.status,
    checks: report.checks.slice(0, LIMITS.checks).map((c) => ({ id: c.id, status: recordedStatus(c.status) })),
    host: {
      os: t(h.os),
      osVersion: t(h.osVersion),
      arch: t(h.arch),
      cpu: { vendor: t(h.cpu.vendor), brand: t(h.cpu.brand), cores: h.cpu.cores },
      memoryBytes: h.memoryBytes,
      manufacturer: t(h.manufacturer),
      model: t(h.model),
    },
  }
  if (HostSnapshotSchema.safeParse(candidate).success) return candidate
  return HostSnapshotSchema.parse({ ...candidate, at: now().toISOString() })
}

/**
 * The student's records, durably: one JSON document in the user-data folder written atomically
 * (temp file, fsync, rename, then the folder fsynced) after every change. Each `record…` call
 * resolves only once its change is on disk. One writer: the app's single-instance lock.
 */
export class RecordsStore implements ProgressPort {
  private readonly value: DurableValue<RecordsData>
  private readonly store: JsonFileStore<RecordsData>
  /**
   * Set when the file was unusable at start: moved aside (kept, never deleted), or — when it could
   * not even be moved, or the folder cannot be made — left alone, and the records are read-only.
   */
  readonly recovery: StoreRecovery | null

  constructor(private readonly options: RecordsStoreOptions) {
    let folderProblem: string | null = null
    try {
      mkdirSync(options.userDataDir, { recursive: true })
    } catch (error) {
      // The user-data "folder" is a file (ENOTDIR/EEXIST), or may not be created (EACCES).
      folderProblem = `the folder cannot be used: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
    }
    if (folderProblem === null) removeStaleTempFiles(options.userDataDir, options.logger)
    this.store = new JsonFileStore<RecordsData>({
      path: join(options.userDataDir, RECORDS_FILE),
      schema: RecordsDataSchema,
      defaults: emptyRecords,
      version: RECORDS_STORE_VERSION,
      migrations: RECORDS_MIGRATIONS,
      logger: options.logger,
      now: options.now,
      write: options.write,
      retryDelaysMs: options.retryDelaysMs,
    })
    const loaded = this.store.load()
    this.value = new DurableValue(this.store, loaded.data)
    if (loaded.recovered === null && folderProblem !== null) {
      this.store.refuseWrites(folderProblem)
      this.recovery = { movedTo: this.store.path, reason: folderProblem, readOnly: true }
    } else this.recovery = loaded.recovered
  }

  get path(): string {
    return this.store.path
  }

  /** True when nothing can be saved this session (see `recovery`). */
  get readOnly(): boolean {
    return this.store.readOnly
  }

  /** The current records (do not mutate). */
  get current(): Readonly<RecordsData> {
    return this.value.value
  }

  profile(): StudentProfile | null {
    return this.value.value.profile
  }

  async setProfile(profile: StudentProfile): Promise<StudentProfile> {
    await this.commit((data) => ({ ...data, profile: { ...profile } }))
    return profile
  }

  async recordStep(attempt: StepAttempt): Promise<void> {
    const stored: StoredAttempt = { passed: attempt.passed, at: attempt.at, verification: storedVerification(attempt.verification) }
    await this.commit((data) => {
      const lab = data.labs[attempt.labId] ?? {}
      const prev: StoredStep | undefined = lab[attempt.stepId]
      const firstPass = attempt.passed && !prev?.passedAt
      const next: StoredStep = StoredStepSchema.parse({
        attempts: (prev?.attempts ?? 0) + 1,
        firstAt: prev && prev.firstAt < attempt.at ? prev.firstAt : attempt.at,
        lastAt: prev && prev.lastAt > attempt.at ? prev.lastAt : attempt.at,
        passedAt: prev?.passedAt ?? (attempt.passed ? attempt.at : null),
        passedAttempt: firstPass ? stored : (prev?.passedAttempt ?? null),
        recent: [...(prev?.recent ?? []), stored].slice(-LIMITS.history),
      })
      return { ...data, labs: { ...data.labs, [attempt.labId]: { ...lab, [attempt.stepId]: next } } }
    })
  }

  async recordQuiz(result: QuizResult): Promise<void> {
    const copy = structuredClone(result)
    await this.commit((data) => ({ ...data, quizzes: [...data.quizzes, copy].slice(-MAX_STORED_QUIZZES) }))
  }

  /** Keeps a finished host check (partial progress reports are not kept). */
  async recordHostReport(report: HostReport): Promise<void> {
    if (report.partial) return
    const snapshot = hostSnapshot(report, this.options.now)
    await this.commit((data) => ({ ...data, hostChecks: [...data.hostChecks, snapshot].slice(-LIMITS.hostChecks) }))
  }

  labProgress(): LabProgress {
    const out: LabProgress = {}
    for (const [labId, steps] of Object.entries(this.value.value.labs)) {
      out[labId] = {}
      for (const [stepId, s] of Object.entries(steps)) {
        out[labId][stepId] = { status: s.passedAt ? 'passed' : 'failed', attempts: s.attempts, lastAt: s.lastAt, passedAt: s.passedAt }
      }
    }
    return out
  }

  quizResults(): readonly QuizResult[] {
    return structuredClone(this.value.value.quizzes)
  }

  /** One change at a time, on the latest data; memory changes only once the change is on disk. */
  private async commit(change: (data: RecordsData) => RecordsData): Promise<void> {
    await this.value.update(change)
    fsyncDir(this.options.userDataDir)
  }
}

/**
 * For tests and first-run tooling: writes a records file holding only a profile, synchronously,
 * in the store's own envelope. Never used over an existing file.
 */
export function seedRecordsProfile(userDataDir: string, profile: StudentProfile): void {
  mkdirSync(userDataDir, { recursive: true })
  const data = RecordsDataSchema.parse({ ...emptyRecords(), profile })
  writeFileSync(join(userDataDir, RECORDS_FILE), `${JSON.stringify({ schemaVersion: RECORDS_STORE_VERSION, data }, null, 2)}\n`, { flag: 'wx' })
}
