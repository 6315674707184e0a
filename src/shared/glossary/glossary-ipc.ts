import { z } from 'zod'
import { channel } from '../ipc/define'
import { GlossaryViewSchema } from './glossary'

export const glossaryChannels = {
  /** Every glossary term in both languages, and the problems of the file when it did not load. */
  get: channel(z.tuple([]), GlossaryViewSchema),
}
