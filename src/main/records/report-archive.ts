import iconv from 'iconv-lite'
import { StringDecoder } from 'node:string_decoder'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import type { RejectionCode } from '../../shared/records/class-view'
import type { RejectionFacts } from '../../shared/records/rejection'
import { REPORT_MAX_BYTES } from '../../shared/records/report'
import { verifyReportText, type VerifyResult } from './integrity'
import { tooLarge } from './report-files'

/**
 * Zip-bomb limits for a class archive. Checked on the central directory's sizes BEFORE anything is
 * inflated, and again on the bytes as they stream out (in case the headers lie).
 */
export const ARCHIVE_LIMITS = {
  /** The archive file itself (read by random access: a platform export full of screenshots is fine). */
  maxArchiveBytes: 8 * 1024 * 1024 * 1024,
  /** The reports and inner archives in it, unpacked (200 reports are about 10 MB). Other files are never inflated. */
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
  /** Unpacked : packed, for an entry over 1 MiB unpacked (reports compress about 5–15 : 1). */
  maxRatio: 200,
  /** A zip inside a zip inside the class zip, no deeper. */
  maxNesting: 2,
  /** Folders inside the archive. */
  maxDepth: 8,
  /** A zip inside the archive is read into memory: at most this big. */
  maxInnerArchiveBytes: 256 * 1024 * 1024,
} as const
export type ArchiveLimits = { -readonly [K in keyof typeof ARCHIVE_LIMITS]: number }

/** The whole archive is refused (bomb limits) or cannot be opened: nothing in it was imported. */
export class ArchiveError extends Error {
  constructor(
    readonly code: Extract<RejectionCode, 'archive-refused' | 'archive-unreadable'>,
    readonly facts: RejectionFacts,
    message: string,
  ) {
    super(message)
  }
}

export interface ArchiveEntryResult {
  /** The entry's path inside the archive (nested archives as `outer.zip/inner.zip/file.json`). */
  readonly name: string
  readonly result: VerifyResult
}

export interface ArchiveRead {
  readonly entries: ArchiveEntryResult[]
  /** Report-like entries more than maxDepth folders down, not read. */
  readonly tooDeep: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * An entry's name: UTF-8 when the zip says so (flag bit 11, or Info-ZIP's Unicode Path field);
 * otherwise UTF-8 when the bytes are valid UTF-8, else GBK — what Windows' own zip, WinRAR and
 * 360压缩 write on a Chinese system.
 */
export function decodeEntryName(entry: Pick<Entry, 'generalPurposeBitFlag' | 'extraFields'> & { fileNameRaw: Buffer }): string {
  const raw = entry.fileNameRaw
  const unicodeField = entry.extraFields.some((f) => f.id === 0x7075)
  let name: string
  if ((entry.generalPurposeBitFlag & 0x800) !== 0 || unicodeField) name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag | 0x800, raw, entry.extraFields, false)
  else {
    try {
      name = utf8.decode(raw)
    } catch {
      name = iconv.decode(raw, 'gbk')
    }
  }
  return name.replace(/\\/g, '/')
}

const isReport = (name: string): boolean => name.toLowerCase().endsWith('.json')
const isArchive = (name: string): boolean => name.toLowerCase().endsWith('.zip')
/** macOS resource forks, hidden files and folders: never a report. */
const isNoise = (name: string): boolean => name.split('/').some((part) => part === '__MACOSX' || part.startsWith('.'))
function comparePaths(a: string, b: string): number {
  const x = a.split('/')
  const y = b.split('/')
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1
  }
  return x.length - y.length
}

/** The entries this reader inflates. */
const wanted = (name: string): boolean => !name.endsWith('/') && !isNoise(name) && (isReport(name) || isArchive(name))

function refuse(facts: RejectionFacts, message: string): ArchiveError {
  return new ArchiveError('archive-refused', facts, message)
}

function unreadable(read: NonNullable<RejectionFacts['read']>, message: string): ArchiveError {
  return new ArchiveError('archive-unreadable', { read }, message)
}

function openZip(source: string | Buffer): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: ZipFile): void => (error || !zip ? reject(unreadable('not-zip', error?.message ?? 'no zip')) : resolve(zip))
    if (typeof source === 'string') yauzl.open(source, options, done)
    else yauzl.fromBuffer(source, options, done)
  })
}

/** Every entry of the central directory, read without inflating anything. */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(entries))
    zip.once('error', (error: Error) => reject(unreadable('not-zip', error.message)))
    zip.readEntry()
  })
}

/** Shared by an archive and the archives inside it: unpacked bytes so far. */
interface Budget {
  unpacked: number
}

function readEntry(zip: ZipFile, entry: Entry, max: number, limits: ArchiveLimits, budget: Budget): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(unreadable(entry.isEncrypted() ? 'encrypted' : 'not-zip', error?.message ?? 'no stream'))
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        budget.unpacked += chunk.length
        if (budget.unpacked > limits.maxTotalBytes) {
          stream.destroy(refuse({ limit: 'total-size', sizeBytes: budget.unpacked, limitBytes: limits.maxTotalBytes }, 'unpacked size over the limit'))
        } else if (size > max) {
          stream.destroy(refuse({ limit: 'entry-size', limitBytes: max }, 'an entry unpacks larger than allowed'))
        } else chunks.push(chunk)
      })
      stream.once('error', (e: Error) => reject(e instanceof ArchiveError ? e : refuse({ limit: 'entry-size', limitBytes: max }, e.message)))
      stream.once('end', () => resolve(Buffer.concat(chunks, size)))
    })
  })
}

/**
 * Checks the central directory against the limits; throws before a single byte is inflated. The
 * ratio is checked on every entry (nothing real packs 200:1 past 1 MiB — zeros do); the total on
 * what would be inflated (reports and inner archives).
 */
function checkDirectory(entries: readonly { entry: Entry; name: string }[], limits: ArchiveLimits, budget: Budget): void {
  if (entries.length > limits.maxEntries) throw refuse({ limit: 'entries', count: entries.length, max: limits.maxEntries }, 'too many entries')
  let declared = budget.unpacked
  for (const { entry, name } of entries) {
    if (wanted(name)) declared += entry.uncompressedSize
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
      throw refuse({ limit: 'ratio', count: Math.round(ratio), max: limits.maxRatio }, 'compression ratio over the limit')
    }
  }
  if (declared > limits.maxTotalBytes) throw refuse({ limit: 'total-size', sizeBytes: declared, limitBytes: limits.maxTotalBytes }, 'unpacked size over the limit')
}

async function readArchive(source: string | Buffer, prefix: string, nesting: number, limits: ArchiveLimits, budget: Budget): Promise<ArchiveRead> {
  const zip = await openZip(source)
  try {
    if (zip.entryCount > limits.maxEntries) throw refuse({ limit: 'entries', count: zip.entryCount, max: limits.maxEntries }, 'too many entries')
    // In the order a folder walk reads them (folder by folder, names sorted), whatever order the zip tool wrote.
    const entries = (await listEntries(zip))
      .map((entry) => ({ entry, name: decodeEntryName(entry as Entry & { fileNameRaw: Buffer }) }))
      .sort((a, b) => comparePaths(a.name, b.name))
    checkDirectory(entries, limits, budget)
    const out: ArchiveEntryResult[] = []
    let tooDeep = 0
    for (const { entry, name } of entries) {
      if (!wanted(name)) continue
      const label = `${prefix}${name}`
      if (yauzl.validateFileName(name) !== null) {
        out.push({ name: label, result: { ok: false, code: 'unreadable', detail: 'unsafe name in the archive', facts: { read: 'unsafe-name' } } })
        continue
      }
      if (name.split('/').length - 1 > limits.maxDepth) {
        tooDeep += 1
        continue
      }
      if (entry.isEncrypted()) {
        out.push({ name: label, result: { ok: false, code: 'unreadable', detail: 'encrypted entry', facts: { read: 'encrypted' } } })
        continue
      }
      if (isReport(name)) {
        if (entry.uncompressedSize > REPORT_MAX_BYTES) {
          out.push({ name: label, result: tooLarge(entry.uncompressedSize) })
          continue
        }
        const bytes = await readEntry(zip, entry, REPORT_MAX_BYTES, limits, budget)
        out.push({ name: label, result: verifyReportText(new StringDecoder('utf8').end(bytes)) })
        continue
      }
      // A zip inside the zip (a student who zipped a submission): read it too, within the same budget.
      if (nesting + 1 > limits.maxNesting) throw refuse({ limit: 'nesting', max: limits.maxNesting }, 'archives nested too deep')
      if (entry.uncompressedSize > limits.maxInnerArchiveBytes) {
        throw refuse({ limit: 'entry-size', limitBytes: limits.maxInnerArchiveBytes }, 'an inner archive is too large')
      }
      const inner = await readEntry(zip, entry, limits.maxInnerArchiveBytes, limits, budget)
      try {
        const read = await readArchive(inner, `${label}/`, nesting + 1, limits, budget)
        out.push(...read.entries)
        tooDeep += read.tooDeep
      } catch (error) {
        if (!(error instanceof ArchiveError)) throw error
        if (error.code === 'archive-refused') throw error
        out.push({ name: label, result: { ok: false, code: error.code, detail: error.message, facts: error.facts } })
      }
    }
    return { entries: out, tooDeep }
  } finally {
    zip.close()
  }
}

/**
 * Reads the reports in a class archive (a path or the bytes of a dropped file): nested folders,
 * zips inside it (to `maxNesting`), Chinese names in UTF-8 or GBK. Each report is verified on its
 * own; the archive as a whole is refused with an ArchiveError when it breaks a limit.
 */
export async function readReportArchive(source: string | Buffer, options: { limits?: Partial<ArchiveLimits>; size?: number } = {}): Promise<ArchiveRead> {
  const limits: ArchiveLimits = { ...ARCHIVE_LIMITS, ...options.limits }
  const size = typeof source === 'string' ? (options.size ?? 0) : source.length
  if (size > limits.maxArchiveBytes) throw refuse({ limit: 'archive-size', sizeBytes: size, limitBytes: limits.maxArchiveBytes }, 'archive too large')
  return readArchive(source, '', 0, limits, { unpacked: 0 })
}
