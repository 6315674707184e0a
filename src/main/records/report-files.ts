import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportFile } from '../../shared/records/class-view'
import { REPORT_MAX_BYTES } from '../../shared/records/report'
import { verifyReportText, type VerifyResult } from './integrity'

/** Reads and verifies one report file; a file over the size limit is refused without being read. */
export async function verifyReportFile(path: string): Promise<VerifyResult> {
  try {
    const info = await stat(path)
    if (!info.isFile()) return { ok: false, code: 'unreadable', detail: 'not a regular file' }
    if (info.size > REPORT_MAX_BYTES) {
      return { ok: false, code: 'too-large', detail: `${(info.size / 1024 / 1024).toFixed(1)} MB (limit ${REPORT_MAX_BYTES / 1024 / 1024} MB)` }
    }
    return verifyReportText(await readFile(path, 'utf8'))
  } catch (error) {
    return { ok: false, code: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message }
  }
}

/** A file the renderer read from a drop (or declined to read because of its size). */
export function verifyImportFile(file: ImportFile): VerifyResult {
  if (file.size > REPORT_MAX_BYTES) {
    return { ok: false, code: 'too-large', detail: `${(file.size / 1024 / 1024).toFixed(1)} MB (limit ${REPORT_MAX_BYTES / 1024 / 1024} MB)` }
  }
  if (file.text === null) return { ok: false, code: 'unreadable', detail: 'the file could not be read (a folder? choose folders with “Choose a folder”)' }
  return verifyReportText(file.text)
}

/**
 * Every `*.json` file under a folder (submissions often come one folder per student), sorted, at
 * most `maxDepth` levels down and `maxFiles` in all. Symbolic links are not followed.
 */
export async function listReportFiles(dir: string, options: { maxDepth?: number; maxFiles?: number } = {}): Promise<string[]> {
  const maxDepth = options.maxDepth ?? 4
  const maxFiles = options.maxFiles ?? 5000
  const found: string[] = []
  const walk = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (found.length >= maxFiles) return
      const path = join(folder, entry.name)
      if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) found.push(path)
      else if (entry.isDirectory() && depth < maxDepth && !entry.name.startsWith('.')) await walk(path, depth + 1)
    }
  }
  await walk(dir, 0)
  return found
}
