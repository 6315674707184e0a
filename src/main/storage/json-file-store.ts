import { existsSync, readFileSync, renameSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { z } from 'zod'
import type { Logger } from '../logging/logger'
import { withRetry } from './retry'

/**
 * A store file that could not be used at start. Normally it was moved aside (kept, never deleted)
 * and the app starts from defaults; when even that failed (`readOnly`), the file stays where it is
 * and nothing is written to it this session.
 */
export interface StoreRecovery {
  /** Where the unusable file now is (its own path when it could not be moved). */
  readonly movedTo: string
  readonly reason: string
  /** True when the store could not be moved aside: the app runs from defaults and writes nothing. */
  readonly readOnly: boolean
}

/** Thrown by `save` when the store is read-only for this session. */
export class StoreReadOnlyError extends Error {
  constructor(path: string, reason: string) {
    super(`${basename(path)} is read-only this session (${reason}); nothing was saved`)
    this.name = 'StoreReadOnlyError'
  }
}

/** Writes `body` to `path` atomically. Tests replace it to play antivirus. */
export type AtomicWrite = (path: string, body: string) => Promise<void>

const defaultWrite: AtomicWrite = async (path, body) => {
  try {
    await writeFileAtomic(path, body, { encoding: 'utf8', fsync: true })
  } catch (error) {
    // The folder is made only when missing: no extra file-system round trip on every write.
    if (errorCode(error) !== 'ENOENT') throw error
    await mkdir(dirname(path), { recursive: true })
    await writeFileAtomic(path, body, { encoding: 'utf8', fsync: true })
  }
}

export interface StoreOptions<T> {
  readonly path: string
  readonly schema: z.ZodType<T>
  readonly defaults: () => T
  /** The schema version this build writes. */
  readonly version: number
  /** migrations[n] turns the data of version n into version n+1. */
  readonly migrations?: Readonly<Record<number, (data: unknown) => unknown>>
  readonly logger: Logger
  /** For tests: the clock used to name moved-aside files. */
  readonly now?: () => Date
  /** For tests: the atomic write (temp file, fsync, rename). */
  readonly write?: AtomicWrite
  /** For tests: the waits between retries of a refused rename. */
  readonly retryDelaysMs?: readonly number[]
}

interface Envelope {
  schemaVersion: number
  data: unknown
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

/**
 * One JSON document on disk, versioned and validated. Writes are atomic (temp file, fsync, rename),
 * serialized, and retried a few times when Windows refuses the rename (an antivirus or the indexer
 * holding the file: EPERM, EBUSY, EACCES). A file that cannot be read or parsed, fails validation or
 * comes from a newer app is moved aside with a timestamp and reported — never silently reset.
 */
export class JsonFileStore<T> {
  private queue: Promise<void> = Promise.resolve()
  private readOnlyReason: string | null = null

  constructor(private readonly options: StoreOptions<T>) {}

  get path(): string {
    return this.options.path
  }

  /** True when the store could not be used nor moved aside: `save` refuses. */
  get readOnly(): boolean {
    return this.readOnlyReason !== null
  }

  /** Marks the store read-only for this session (e.g. its folder cannot be created). */
  refuseWrites(reason: string): void {
    this.readOnlyReason = reason
  }

  load(): { data: T; recovered: StoreRecovery | null } {
    const { path } = this.options
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { data: this.options.defaults(), recovered: null }
      // EISDIR (a folder where the file should be), ENOTDIR (the user-data "folder" is a file), EACCES…
      return this.recover(`cannot be read: ${errorCode(error) ?? (error as Error).message}`)
    }
    const problem = this.interpret(text)
    if (problem.ok) return { data: problem.data, recovered: null }
    return this.recover(problem.reason)
  }

  /** Writes the whole document atomically. Concurrent calls are applied in order. */
  save(data: T): Promise<void> {
    const checked = this.options.schema.parse(data)
    const body = `${JSON.stringify({ schemaVersion: this.options.version, data: checked } satisfies Envelope, null, 2)}\n`
    const run = async (): Promise<void> => {
      if (this.readOnlyReason !== null) throw new StoreReadOnlyError(this.options.path, this.readOnlyReason)
      const write = this.options.write ?? defaultWrite
      await withRetry(() => write(this.options.path, body), {
        retryable: (error) => ['EPERM', 'EBUSY', 'EACCES'].includes(errorCode(error) ?? ''),
        delaysMs: this.options.retryDelaysMs,
        onRetry: (error, attempt) => this.options.logger.warn(`Store ${this.options.path}: write refused (${errorCode(error)}), retry ${attempt}`),
      })
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  private recover(reason: string): { data: T; recovered: StoreRecovery } {
    const { path, logger } = this.options
    try {
      const movedTo = this.moveAside()
      logger.error(`Store ${path} could not be used (${reason}); kept as ${movedTo}`)
      return { data: this.options.defaults(), recovered: { movedTo, reason, readOnly: false } }
    } catch (error) {
      this.readOnlyReason = reason
      logger.error(`Store ${path} could not be used (${reason}) nor moved aside (${errorCode(error) ?? (error as Error).message}); read-only this session`)
      return { data: this.options.defaults(), recovered: { movedTo: path, reason, readOnly: true } }
    }
  }

  private interpret(text: string): { ok: true; data: T } | { ok: false; reason: string } {
    let envelope: unknown
    try {
      envelope = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (error) {
      return { ok: false, reason: `not valid JSON: ${(error as Error).message}` }
    }
    if (
      typeof envelope !== 'object' ||
      envelope === null ||
      typeof (envelope as Envelope).schemaVersion !== 'number' ||
      !('data' in envelope)
    ) {
      return { ok: false, reason: 'missing schemaVersion or data' }
    }
    let { schemaVersion: version, data } = envelope as Envelope
    if (version > this.options.version) {
      return { ok: false, reason: `written by a newer version (schema ${version} > ${this.options.version})` }
    }
    while (version < this.options.version) {
      const migrate = this.options.migrations?.[version]
      if (!migrate) return { ok: false, reason: `no migration from schema ${version}` }
      try {
        data = migrate(data)
      } catch (error) {
        return { ok: false, reason: `migration from schema ${version} failed: ${(error as Error).message}` }
      }
      version += 1
    }
    const parsed = this.options.schema.safeParse(data)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return { ok: false, reason: `invalid content at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` }
    }
    return { ok: true, data: parsed.data }
  }

  private moveAside(): string {
    const { path } = this.options
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    const ext = extname(path)
    const stem = basename(path, ext)
    let target = join(dirname(path), `${stem}.corrupt-${stamp}${ext}`)
    for (let n = 2; existsSync(target); n += 1) target = join(dirname(path), `${stem}.corrupt-${stamp}-${n}${ext}`)
    renameSync(path, target)
    return target
  }
}

/**
 * A value kept in a JsonFileStore. Updates run one at a time, each on the value the previous one
 * left; memory changes only once the disk write has succeeded, so a failed write never shows as saved.
 */
export class DurableValue<T> {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly store: JsonFileStore<T>,
    private current: T,
  ) {}

  get value(): T {
    return this.current
  }

  /** Applies `change` to the latest value, writes it, then keeps it; resolves with the new value. */
  update(change: (current: T) => T): Promise<T> {
    const run = async (): Promise<T> => {
      const next = change(this.current)
      await this.store.save(next)
      this.current = next
      return next
    }
    const done = this.queue.then(run, run)
    this.queue = done.catch(() => undefined)
    return done
  }
}
