import { stat } from 'node:fs/promises'
import { basename, relative, sep } from 'node:path'
import type { ClassRoster } from './class-roster'
import { ArchiveError, readReportArchive, type ArchiveLimits } from './report-archive'
import { listReportFiles, readProblem, verifyReportFile } from './report-files'

export interface ImportOptions {
  /** The name the table shows for an archive's entries: `prefix + path inside the archive`. */
  readonly archivePrefix?: string
  readonly limits?: Partial<ArchiveLimits>
}

/** “班级/张三/report.json” when every entry shares one top folder (a zipped folder): the top folder goes. */
function stripCommonTop(names: readonly string[]): (name: string) => string {
  const tops = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')))
  const [top] = [...tops]
  if (tops.size !== 1 || !top) return (n) => n
  return (n) => n.slice(top.length + 1)
}

/**
 * A class archive into the roster: each report in it verified on its own; an archive that breaks
 * a zip-bomb limit, or cannot be opened, becomes one rejected line with the reason.
 */
export async function importArchive(roster: ClassRoster, source: string | Buffer, label: string, options: ImportOptions = {}): Promise<void> {
  const prefix = options.archivePrefix ?? `${label}/`
  try {
    const size = typeof source === 'string' ? (await stat(source)).size : source.length
    const read = await readReportArchive(source, { limits: options.limits, size })
    const name = stripCommonTop(read.entries.map((e) => e.name))
    for (const entry of read.entries) roster.add(`${prefix}${name(entry.name)}`, entry.result)
    if (read.tooDeep > 0) roster.reject(label, 'too-deep', { count: read.tooDeep, max: options.limits?.maxDepth ?? 8 }, `${read.tooDeep} entries too deep`)
  } catch (error) {
    if (error instanceof ArchiveError) roster.reject(label, error.code, error.facts, error.message)
    else roster.reject(label, 'archive-unreadable', { read: readProblem(error) }, (error as Error).message)
  }
}

const isZip = (path: string): boolean => path.toLowerCase().endsWith('.zip')

/**
 * A folder (recursively: reports and archives in it), an archive, or one report file into the
 * roster. A folder walk that leaves files out (too deep, too many) says so as rejected lines.
 * `label` names what was chosen; entries under a folder are named relative to it.
 */
export async function importPath(roster: ClassRoster, path: string, options: ImportOptions & { label?: string } = {}): Promise<void> {
  const label = options.label ?? basename(path)
  let isDir = false
  try {
    isDir = (await stat(path)).isDirectory()
  } catch {
    // verifyReportFile words the error.
  }
  if (!isDir) {
    if (isZip(path)) await importArchive(roster, path, label, options)
    else roster.add(label, await verifyReportFile(path))
    return
  }
  let list
  try {
    list = await listReportFiles(path)
  } catch (error) {
    roster.reject(label, 'unreadable', { read: readProblem(error) }, (error as Error).message)
    return
  }
  for (const file of list.files) {
    const name = relative(path, file).split(sep).join('/')
    if (isZip(file)) await importArchive(roster, file, name)
    else roster.add(name, await verifyReportFile(file))
  }
  if (list.tooDeep > 0) roster.reject(label, 'too-deep', { count: list.tooDeep, max: list.maxDepth }, `${list.tooDeep} files deeper than ${list.maxDepth} folders`)
  if (list.overLimit > 0) roster.reject(label, 'too-many', { count: list.overLimit, max: list.maxFiles }, `${list.overLimit} files over the ${list.maxFiles} limit`)
}
