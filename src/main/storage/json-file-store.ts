import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { z } from 'zod'
import type { Logger } from '../logging/logger'

/** A store file that could not be used and was moved aside (kept, never deleted). */
export interface StoreRecovery {
  readonly movedTo: string
  readonly reason: string
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
}

interface Envelope {
  schemaVersion: number
  data: unknown
}

/**
 * One JSON document on disk, versioned and validated. Writes are atomic (temp file, fsync, rename)
 * and serialized; a file that cannot be parsed, fails validation or comes from a newer app is moved
 * aside with a timestamp and reported — never silently reset.
 */
export class JsonFileStore<T> {
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly options: StoreOptions<T>) {}

  get path(): string {
    return this.options.path
  }

  load(): { data: T; recovered: StoreRecovery | null } {
    const { path, logger } = this.options
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: this.options.defaults(), recovered: null }
      throw error
    }
    const problem = this.interpret(text)
    if (problem.ok) return { data: problem.data, recovered: null }
    const movedTo = this.moveAside()
    logger.error(`Store ${path} could not be used (${problem.reason}); kept as ${movedTo}`)
    return { data: this.options.defaults(), recovered: { movedTo, reason: problem.reason } }
  }

  /** Writes the whole document atomically. Concurrent calls are applied in order. */
  save(data: T): Promise<void> {
    const checked = this.options.schema.parse(data)
    const body = `${JSON.stringify({ schemaVersion: this.options.version, data: checked } satisfies Envelope, null, 2)}\n`
    const run = async (): Promise<void> => {
      mkdirSync(dirname(this.options.path), { recursive: true })
      await writeFileAtomic(this.options.path, body, { encoding: 'utf8', fsync: true })
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
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
