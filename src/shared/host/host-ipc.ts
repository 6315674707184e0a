import { z } from 'zod'
import { channel } from '../ipc/define'
import { HostReportSchema } from './report'

export const HostProgressSchema = z
  .object({
    runId: z.number().int(),
    report: HostReportSchema,
    /** Probe ids (or stage placeholders) still running. */
    pending: z.array(z.string()),
  })
  .strict()
export type HostProgress = z.infer<typeof HostProgressSchema>

export const SavedFileSchema = z.object({ path: z.string() }).strict().nullable()

export const hostChannels = {
  /** Runs every probe on this machine; progress arrives as `host:progress` events. */
  runCheck: channel(z.tuple([]), HostReportSchema),
  /** Saves the last check's capture (redacted) where the student chooses; null when cancelled. */
  saveCapture: channel(z.tuple([]), SavedFileSchema),
  lastReport: channel(z.tuple([]), HostReportSchema.nullable()),
  /** Lets the student choose a .vmx file for the VM checks, then checks again; null when cancelled. */
  pickVmx: channel(z.tuple([]), HostReportSchema.nullable()),
  /** A teacher opens a student's diagnostic capture and sees the report the student saw; null when cancelled. */
  replayCapture: channel(z.tuple([]), z.object({ file: z.string(), report: HostReportSchema }).strict().nullable()),
}
