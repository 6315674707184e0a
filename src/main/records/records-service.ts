import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { HostReport } from '../../shared/host/report'
import type { Locale } from '../../shared/i18n/locale'
import { IpcError } from '../../shared/ipc/errors'
import { buildRecordsContent } from '../../shared/records/build'
import type { ClassView, ImportFile } from '../../shared/records/class-view'
import type { LabProgress, QuizResult, StepAttempt } from '../../shared/records/events'
import { FALLBACK_COURSE, type StudentProfile } from '../../shared/records/profile'
import type { RecordsOverview } from '../../shared/records/records-ipc'
import { LAB_REPORT_SCHEMA, LAB_REPORT_SUFFIX, type LabReport, type RecordsCatalog } from '../../shared/records/report'
import { buildXapiStatements } from '../../shared/records/xapi'
import { pdfFrame, type PdfFrame } from '../../shared/records/pdf-frame'
import type { Logger } from '../logging/logger'
import { classCsv, classXlsx } from './class-export'
import { importArchive, importPath } from './class-import'
import { ClassRoster } from './class-roster'
import { sealReport, serializeReport } from './integrity'
import type { ProgressPort } from './progress-port'
import { RecordsStore } from './records-store'
import type { OpenKind } from '../app/open-kind'
import { verifyImportFile } from './report-files'

export interface RecordsServicePorts {
  readonly userDataDir: string
  readonly logger: Logger
  readonly appVersion: string
  /** Titles and step order of the course's labs and lessons. */
  readonly catalog: () => RecordsCatalog
  readonly xapiBaseIri: () => string
  /** The UI language (CSV headers, file names). */
  readonly locale: () => Locale
  readonly chooseSavePath: (defaultName: string, kind: 'json' | 'pdf' | 'csv' | 'xlsx') => Promise<string | null>
  /** Prints the window's current page (the printable report) to PDF, with this header and footer on every page. */
  readonly printToPdf?: (frame: PdfFrame) => Promise<Uint8Array>
  /** Shows a file in the system's file manager (the edge: shell.showItemInFolder). */
  readonly showItemInFolder?: (path: string) => void
  /** Asks for report files or a folder; empty when cancelled. */
  readonly chooseOpenPaths?: (kind: OpenKind) => Promise<readonly string[]>
  readonly now?: () => Date
}

export interface RecordsService extends ProgressPort {
  readonly store: RecordsStore
  recordHostReport(report: HostReport): Promise<void>
  overview(): RecordsOverview
  setProfile(profile: StudentProfile): Promise<StudentProfile>
  report(): LabReport
  exportJson(): Promise<{ path: string } | null>
  exportPdf(locale?: Locale): Promise<{ path: string } | null>
  /** Reveals a file this service saved in the system's file manager; false where that is not possible. */
  showInFolder(path: string): boolean
  /** Lets "show in folder" reveal a file another service of this app has just written (the diagnostic capture). */
  noteSaved(path: string): void
  exportXapi(): Promise<{ path: string } | null>
  importFiles(files: readonly ImportFile[]): ClassView
  /** A dropped .zip, as bytes: every report in it (zip-bomb limits checked before inflating). */
  importArchive(name: string, bytes: Uint8Array): Promise<ClassView>
  /** Imports report files, .zip archives and folders (recursively) from disk. */
  importPaths(paths: readonly string[]): Promise<ClassView>
  pickReports(kind: 'files' | 'folder'): Promise<ClassView | null>
  classView(): ClassView
  classReport(id: string): LabReport | null
  clearClass(): ClassView
  exportClassCsv(rowIds: readonly string[] | null): Promise<{ path: string } | null>
  exportClassXlsx(rowIds: readonly string[] | null): Promise<{ path: string } | null>
}

/** A name safe on every OS's file system (Chinese kept). */
export function safeFileName(text: string): string {
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 60) || '_'
}

/** A stable RFC 9562 version-8 UUID from a key (xAPI statement ids: the same event, the same id). */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key, 'utf8').digest()
  h[6] = (h[6]! & 0x0f) | 0x80
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`
}

export function createRecordsService(ports: RecordsServicePorts): RecordsService {
  const now = ports.now ?? (() => new Date())
  const store = new RecordsStore({ userDataDir: ports.userDataDir, logger: ports.logger, now: ports.now })
  if (store.recovery) ports.logger.error(`Records store was unusable and kept as ${store.recovery.movedTo}: ${store.recovery.reason}`)
  const roster = new ClassRoster()
  let catalog: RecordsCatalog | null = null
  const outline = (): RecordsCatalog => (catalog ??= ports.catalog())

  const report = (): LabReport => {
    const student = store.profile()
    if (!student) throw new IpcError('invalid-input', 'No student profile yet: fill it in first.')
    return sealReport({
      schema: LAB_REPORT_SCHEMA,
      generatedAt: now().toISOString(),
      generator: { name: 'VirtLab Companion', version: ports.appVersion.slice(0, 40), platform: `${process.platform}-${process.arch}`.slice(0, 40) },
      student,
      ...buildRecordsContent(store.current, outline()),
    })
  }

  const baseName = (r: LabReport): string =>
    `${safeFileName(r.student.studentNumber)}-${safeFileName(r.student.name)}-${r.generatedAt.slice(0, 10)}`

  /** Files written this session: the only ones "show in folder" may reveal. */
  const saved = new Set<string>()
  const save = async (defaultName: string, kind: 'json' | 'pdf' | 'csv' | 'xlsx', body: () => Promise<string | Uint8Array>): Promise<{ path: string } | null> => {
    const path = await ports.chooseSavePath(defaultName, kind)
    if (!path) return null
    try {
      await writeFile(path, await body())
    } catch (error) {
      throw new IpcError('io-error', `${basename(path)}: ${(error as Error).message}`)
    }
    ports.logger.info(`Records: wrote ${path}`)
    saved.add(path)
    return { path }
  }

  const importPaths = async (paths: readonly string[]): Promise<ClassView> => {
    for (const path of paths) await importPath(roster, path)
    return roster.view()
  }
  const classFileName = (ext: string): string =>
    `${ports.locale() === 'zh-CN' ? '班级汇总' : 'class-summary'}-${now().toISOString().slice(0, 10)}.${ext}`

  return {
    store,
    recordStep: (attempt: StepAttempt) => store.recordStep(attempt),
    recordQuiz: (result: QuizResult) => store.recordQuiz(result),
    recordHostReport: (r) => store.recordHostReport(r),
    labProgress: (): LabProgress => store.labProgress(),
    quizResults: () => store.quizResults(),
    overview: () => ({
      profile: store.profile(),
      recovery: store.recovery,
      defaultCourse: outline().course ?? FALLBACK_COURSE,
      ...buildRecordsContent(store.current, outline()),
    }),
    setProfile: (profile) => store.setProfile(profile),
    report,
    exportJson() {
      const r = report()
      return save(`${baseName(r)}${LAB_REPORT_SUFFIX}`, 'json', async () => serializeReport(r))
    },
    exportPdf(reportLocale?: Locale) {
      const print = ports.printToPdf
      if (!print) throw new IpcError('internal', 'Printing to PDF is not available here.')
      const r = report()
      const locale = reportLocale ?? ports.locale()
      const word = locale === 'zh-CN' ? '实验报告' : 'lab-report'
      return save(`${baseName(r)}-${word}.pdf`, 'pdf', () => print(pdfFrame(r.student, locale)))
    },
    showInFolder(path: string): boolean {
      // Only a file this app has just written: the renderer cannot make main reveal arbitrary paths.
      if (!saved.has(path)) throw new IpcError('invalid-input', 'Not a file this app saved.')
      if (!ports.showItemInFolder) return false
      ports.showItemInFolder(path)
      return true
    },
    noteSaved(path: string) {
      saved.add(path)
    },
    exportXapi() {
      const r = report()
      const statements = buildXapiStatements(r, ports.xapiBaseIri(), uuidFromKey)
      return save(`${baseName(r)}.xapi.json`, 'json', async () => `${JSON.stringify(statements, null, 2)}\n`)
    },
    importFiles(files) {
      for (const file of files) roster.add(file.name, verifyImportFile(file))
      return roster.view()
    },
    importPaths,
    async importArchive(name, bytes) {
      await importArchive(roster, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name)
      return roster.view()
    },
    async pickReports(kind) {
      const choose = ports.chooseOpenPaths
      if (!choose) throw new IpcError('internal', 'File dialogs are not available here.')
      const chosen = await choose(kind)
      if (chosen.length === 0) return null
      return importPaths(chosen)
    },
    classView: () => roster.view(),
    classReport: (id) => roster.report(id),
    clearClass() {
      roster.clear()
      return roster.view()
    },
    exportClassCsv(rowIds) {
      return save(classFileName('csv'), 'csv', async () => classCsv(roster.view(), ports.locale(), rowIds))
    },
    exportClassXlsx(rowIds) {
      return save(classFileName('xlsx'), 'xlsx', () => classXlsx(roster.view(), ports.locale(), rowIds))
    },
  }
}
