import { z } from 'zod'
import { SavedFileSchema } from '../host/host-ipc'
import { channel } from '../ipc/define'
import { ClassViewSchema, ImportFileSchema } from './class-view'
import { StudentProfileSchema } from './profile'
import { LabReportSchema, RecordsContentSchema } from './report'

/** The records store could not be used at start and was kept aside under this name. */
export const RecordsRecoverySchema = z.object({ movedTo: z.string(), reason: z.string(), readOnly: z.boolean() }).strict()

/** What the Records page shows: who, what the records hold, and whether the store had to be set aside. */
export const RecordsOverviewSchema = z
  .object({
    profile: StudentProfileSchema.nullable(),
    recovery: RecordsRecoverySchema.nullable(),
    ...RecordsContentSchema.shape,
  })
  .strict()
export type RecordsOverview = z.infer<typeof RecordsOverviewSchema>

/** How many report files one import call may carry (the renderer sends larger drops in batches). */
export const IMPORT_BATCH = 200

export const recordsChannels = {
  overview: channel(z.tuple([]), RecordsOverviewSchema),
  setProfile: channel(z.tuple([StudentProfileSchema]), StudentProfileSchema),
  /** The sealed report (what the printable page shows and the JSON export writes). */
  report: channel(z.tuple([]), LabReportSchema),
  exportJson: channel(z.tuple([]), SavedFileSchema),
  /** Prints the page currently shown (the printable report) to a PDF the student places. */
  exportPdf: channel(z.tuple([]), SavedFileSchema),
  exportXapi: channel(z.tuple([]), SavedFileSchema),
  // Teacher view: a class assembled from report files, held in main until cleared.
  importReports: channel(z.tuple([z.array(ImportFileSchema).max(IMPORT_BATCH)]), ClassViewSchema),
  /** Report files or a folder chosen in a dialog; null when cancelled. */
  pickReports: channel(z.tuple([z.enum(['files', 'folder'])]), ClassViewSchema.nullable()),
  classView: channel(z.tuple([]), ClassViewSchema),
  classReport: channel(z.tuple([z.string().max(100)]), LabReportSchema.nullable()),
  clearClass: channel(z.tuple([]), ClassViewSchema),
  /** Writes the class table as CSV (UTF-8 with BOM): the given rows in that order, or all when null. */
  exportClassCsv: channel(z.tuple([z.array(z.string().max(100)).max(10_000).nullable()]), SavedFileSchema),
}
