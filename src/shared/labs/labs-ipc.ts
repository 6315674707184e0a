import { z } from 'zod'
import { channel } from '../ipc/define'
import { LabIdSchema } from './schema'
import { FigureArgsSchema, LabListSchema, LabViewSchema, VerifyInputSchema, VerifyResultSchema } from './view'

export const labsChannels = {
  /** Every lab that loaded (in order) with the student's progress, and the packs that did not load. Re-reads the packs. */
  list: channel(z.tuple([]), LabListSchema),
  /** One lab: both languages of every step, the checks (quiz answers withheld), progress and where to resume. */
  get: channel(z.tuple([LabIdSchema]), LabViewSchema),
  /** Checks a step (auto: host check + criteria; manual: confirmation; quiz: answers) and records the attempt. */
  verifyStep: channel(z.tuple([LabIdSchema, LabIdSchema, VerifyInputSchema]), VerifyResultSchema),
  /** A figure of a lab as sanitized SVG text (the language's variant when the pack has one). */
  figure: channel(FigureArgsSchema, z.string().max(500_000)),
}
