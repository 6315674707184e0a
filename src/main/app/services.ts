import { userInfo } from 'node:os'
import { isAllowedExternalUrl, type AppInfo } from '../../shared/app/app-info'
import type { EventName } from '../../shared/ipc/channels'
import type { Locale } from '../../shared/i18n/locale'
import type { Contract } from '../../shared/ipc/contract'
import type { HandlersOf } from '../ipc/router'
import type { Logger } from '../logging/logger'
import { createSettingsService, type SettingsService } from '../settings/settings-service'
import { currentEnvironment } from '../host/collect'
import type { OpenKind } from './open-kind'
import { basename } from 'node:path'
import { IpcError } from '../../shared/ipc/errors'
import { CaptureFileError, replayCaptureFile } from '../host/capture-file'
import { explainTexts, readInput } from '../host/explain/explain'
import { vmxPathProblem } from '../host/local-path'
import { createHostService, type HostService, type HostServicePorts } from '../host/host-service'
import { createLabsService, type LabsService } from '../labs/labs-service'
import { createLessonsService, type LessonsService } from '../lessons/lessons-service'
import { createGlossaryService, type GlossaryService } from '../glossary/glossary-service'
import type { ProgressPort } from '../records/progress-port'
import { loadRecordsCatalog } from '../records/catalog'
import { createRecordsService, type RecordsService } from '../records/records-service'
import type { PdfFrame } from '../../shared/records/pdf-frame'

/** What the services need from the outside world. The Electron edge fills these; tests fill them too. */
export interface MainPorts {
  readonly userDataDir: string
  readonly systemLocale: Locale
  readonly appVersion: string
  readonly electronVersion: string | null
  readonly logger: Logger
  /** Opens an already-allowlisted https URL in the system browser. */
  readonly openExternal: (url: string) => Promise<void>
  /** The app's resources folder (lab packs, lessons, the Windows probe script). */
  readonly resourcesDir: string
  /** Sends a one-way event to the renderer. */
  readonly emit: (event: EventName, payload: unknown) => void
  /** Asks the student where to save a file; null when cancelled. */
  readonly chooseSavePath: (defaultName: string, kind: 'json' | 'pdf' | 'csv' | 'xlsx') => Promise<string | null>
  /** For tests: replace the host probe collector (e.g. with a recorded capture). */
  readonly collectHost?: HostServicePorts['collect']
  /** Prints the window's current page to PDF (the edge: webContents.printToPDF). */
  readonly printToPdf?: (frame: PdfFrame) => Promise<Uint8Array>
  /** Shows a saved file in the system's file manager (the edge: shell.showItemInFolder). */
  readonly showItemInFolder?: (path: string) => void
  /** Asks for report files or a folder to open (Teacher view); empty when cancelled. */
  readonly chooseOpenPaths?: (kind: OpenKind) => Promise<readonly string[]>
}

export interface MainServices {
  readonly handlers: HandlersOf<Contract>
  readonly settings: SettingsService
  readonly host: HostService
  readonly progress: ProgressPort
  readonly lessons: LessonsService
  readonly glossary: GlossaryService
  readonly labs: LabsService
  readonly records: RecordsService
}

function userNames(): string[] {
  try {
    return [userInfo().username]
  } catch {
    return []
  }
}

/** Builds every main-process service. No Electron here: the edge passes ports in. */
export function createMainServices(ports: MainPorts): MainServices {
  const { logger } = ports
  const settings = createSettingsService({
    userDataDir: ports.userDataDir,
    systemLocale: ports.systemLocale,
    logger,
  })

  // The student's records (profile, steps, quizzes, host checks), durable in the user-data folder.
  const records = createRecordsService({
    userDataDir: ports.userDataDir,
    logger,
    appVersion: ports.appVersion,
    catalog: () => loadRecordsCatalog(ports.resourcesDir, logger),
    xapiBaseIri: () => settings.get().settings.xapiBaseIri,
    locale: () => settings.get().effectiveLocale,
    chooseSavePath: ports.chooseSavePath,
    printToPdf: ports.printToPdf,
    showItemInFolder: ports.showItemInFolder,
    chooseOpenPaths: ports.chooseOpenPaths,
  })

  const host = createHostService({
    env: currentEnvironment(ports.resourcesDir),
    appVersion: ports.appVersion,
    logger,
    emitProgress: (progress) => ports.emit('host:progress', progress),
    chooseSavePath: (name) => ports.chooseSavePath(name, 'json'),
    userNames: userNames(),
    collect: ports.collectHost,
    extraVmx: () => settings.get().settings.pickedVmx,
    onReport: (report) => records.recordHostReport(report).catch((error: unknown) => logger.error('Records: host check not kept', error)),
  })

  // Quiz results and step attempts go to the durable records store.
  const progress: ProgressPort = records
  const lessons = createLessonsService({ resourcesDir: ports.resourcesDir, progress, logger })
  const glossary = createGlossaryService({ resourcesDir: ports.resourcesDir, logger })
  const labs = createLabsService({ resourcesDir: ports.resourcesDir, host, progress, logger })

  const info: AppInfo = {
    name: 'VirtLab Companion',
    version: ports.appVersion,
    platform: process.platform,
    arch: process.arch,
    systemLocale: ports.systemLocale,
    electronVersion: ports.electronVersion,
  }

  const handlers: HandlersOf<Contract> = {
    app: {
      info: () => info,
      openExternal: async (url) => {
        if (!isAllowedExternalUrl(url)) {
          logger.warn('Refused to open a link that is not on the allowlist', url)
          return false
        }
        await ports.openExternal(url)
        return true
      },
      reportError: (error) => {
        logger.error(`Renderer ${error.source}: ${error.message}`, error.stack ?? '')
        return null
      },
    },
    settings: {
      get: () => settings.get(),
      update: (patch) => settings.update(patch),
    },
    host: {
      runCheck: () => host.runCheck(),
      saveCapture: async () => {
        const saved = await host.saveCapture()
        // Its toast offers "show in folder", like every export's.
        if (saved) records.noteSaved(saved.path)
        return saved
      },
      lastReport: () => host.lastReport(),
      pickVmx: async () => {
        const [path] = (await ports.chooseOpenPaths?.('vmx')) ?? []
        if (!path || vmxPathProblem(path) !== null) return null
        const kept = settings.get().settings.pickedVmx.filter((p) => p !== path)
        await settings.update({ pickedVmx: [...kept, path].slice(-10) })
        return host.runCheck()
      },
      replayCapture: async () => {
        const [path] = (await ports.chooseOpenPaths?.('capture')) ?? []
        if (!path) return null
        try {
          return { file: basename(path), report: await replayCaptureFile(path) }
        } catch (error) {
          if (error instanceof CaptureFileError) throw new IpcError('invalid-input', error.message)
          throw error
        }
      },
    },
    explain: {
      texts: (inputs) => {
        const { report, recognised, unrecognised } = explainTexts(inputs.map(readInput))
        return { report, recognised, unrecognised }
      },
    },
    lessons: {
      list: () => lessons.list(),
      get: (lessonId) => lessons.get(lessonId),
      checkAnswer: (lessonId, answer) => lessons.checkAnswer(lessonId, answer),
      submitQuiz: (lessonId, answers) => lessons.submitQuiz(lessonId, answers),
    },
    glossary: {
      get: () => glossary.get(),
    },
    labs: {
      list: () => labs.list(),
      get: (labId) => labs.get(labId),
      verifyStep: (labId, stepId, input) => labs.verifyStep(labId, stepId, input),
      figure: (labId, name, locale) => labs.figure(labId, name, locale),
    },
    records: {
      overview: () => records.overview(),
      setProfile: (profile) => records.setProfile(profile),
      report: () => records.report(),
      exportJson: () => records.exportJson(),
      exportPdf: (locale) => records.exportPdf(locale),
      showInFolder: (path) => records.showInFolder(path),
      exportXapi: () => records.exportXapi(),
      importReports: (files) => records.importFiles(files),
      importArchive: (name, bytes) => records.importArchive(name, bytes),
      pickReports: (kind) => records.pickReports(kind),
      classView: () => records.classView(),
      classReport: (id) => records.classReport(id),
      clearClass: () => records.clearClass(),
      exportClassCsv: (rowIds) => records.exportClassCsv(rowIds),
      exportClassXlsx: (rowIds) => records.exportClassXlsx(rowIds),
    },
  }
  return { handlers, settings, host, progress, lessons, glossary, labs, records }
}
