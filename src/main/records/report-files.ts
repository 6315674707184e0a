import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportFile } from '../../shared/records/class-view'
import type { ReadProblem } from '../../shared/records/rejection'
import { REPORT_MAX_BYTES } from '../../shared/records/report'
import { verifyReportText, type VerifyResult } from './integrity'

/** An errno as one of the reasons we word for people. */
export function readProblem(error: unknown): ReadProblem {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT') return 'not-found'
  if (code === 'EACCES' || code === 'EPERM') return 'denied'
  if (code === 'EBUSY') return 'busy'
  if (code === 'EISDIR') return 'not-a-file'
  return 'io'
}

export function tooLarge(size: number): VerifyResult {
  return {
    ok: false,
    code: 'too-large',
    detail: `${(size / 1024 / 1024).toFixed(1)} MB (limit ${REPORT_MAX_BYTES / 1024 / 1024} MB)`,
    facts: { sizeBytes: size, limitBytes: REPORT_MAX_BYTES },
  }
}

/** Reads and verifies one report file; a file over the size limit is refused without being read. */
export async function verifyReportFile(path: string): Promise<VerifyResult> {
  try {
    const info = await stat(path)
    if (!info.isFile()) return { ok: false, code: 'unreadable', detail: 'not a regular file', facts: { read: 'not-a-file' } }
    if (info.size > REPORT_MAX_BYTES) return tooLarge(info.size)
    return verifyReportText(await readFile(path, 'utf8'))
  } catch (error) {
    return { ok: false, code: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message, facts: { read: readProblem(error) } }
  }
}

/** A file the renderer read from a drop (or declined to read because of its size). */
export function verifyImportFile(file: ImportFile): VerifyResult {
  if (file.size > REPORT_MAX_BYTES) return tooLarge(file.size)
  if (file.text === null) return { ok: false, code: 'unreadable', detail: 'the file could not be read', facts: { read: 'not-a-file' } }
  return verifyReportText(file.text)
}

/** How deep and how many files a folder import reads (submissions: class / student / attempt / file). */
export const FOLDER_LIMITS = { maxDepth: 8, maxFiles: 10_000 } as const

export interface ReportFileList {
  readonly files: string[]
  /** `*.json` files found more than maxDepth folders down, not read. */
  readonly tooDeep: number
  /** `*.json` and `*.zip` files beyond maxFiles, not read. */
  readonly overLimit: number
  readonly maxDepth: number
  readonly maxFiles: number
}

/** A report (`*.json`) or a class archive (`*.zip`) inside a folder. */
export function isImportName(name: string): boolean {
  const lower = name.toLowerCase()
  return lower.endsWith('.json') || lower.endsWith('.zip')
}

/**
 * Every `*.json` and `*.zip` file under a folder (submissions often come one folder per student),
 * sorted, at most `maxDepth` levels down and `maxFiles` in all — and how many were left out, so the
 * caller can say so. Symbolic links are not followed; hidden folders (.git, __MACOSX) are skipped.
 */
export async function listReportFiles(dir: string, options: { maxDepth?: number; maxFiles?: number } = {}): Promise<ReportFileList> {
  const maxDepth = options.maxDepth ?? FOLDER_LIMITS.maxDepth
  const maxFiles = options.maxFiles ?? FOLDER_LIMITS.maxFiles
  const files: string[] = []
  let tooDeep = 0
  let overLimit = 0
  const walk = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isFile() && isImportName(entry.name)) {
        if (files.length >= maxFiles) overLimit += 1
        else files.push(path)
      } else if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== '__MACOSX') {
        if (depth < maxDepth) await walk(path, depth + 1)
        else tooDeep += await countDeep(path)
      }
    }
  }
  await walk(dir, 0)
  return { files, tooDeep, overLimit, maxDepth, maxFiles }
}

/** Counts the report-like files under a folder past the depth limit (at most 10,000, to say how many). */
async function countDeep(folder: string): Promise<number> {
  let count = 0
  const stack = [folder]
  let seen = 0
  while (stack.length > 0 && seen < 10_000) {
    const current = stack.pop()!
    seen += 1
    let entries
    try {
      entries = await readdir(current, { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      if (entry.isFile() && isImportName(entry.name)) count += 1
      else if (entry.isDirectory() && !entry.name.startsWith('.')) stack.push(join(current, entry.name))
    }
  }
  return count
}
