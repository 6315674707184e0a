import { join } from 'node:path'
import type { GlossaryView } from '../../shared/glossary/glossary'
import type { Logger } from '../logging/logger'
import { loadGlossary } from './load-glossary'

export interface GlossaryService {
  get(): Promise<GlossaryView>
}

/** The glossary, read once from the resources folder. */
export function createGlossaryService(ports: { readonly resourcesDir: string; readonly logger: Logger }): GlossaryService {
  let loading: Promise<GlossaryView> | null = null
  return {
    get() {
      loading ??= loadGlossary(join(ports.resourcesDir, 'glossary')).then((loaded) => {
        if (loaded.problems.length > 0) ports.logger.warn('The glossary was not loaded', loaded.problems)
        else ports.logger.info(`Loaded ${loaded.terms.length} glossary terms`)
        return { terms: [...loaded.terms], problems: [...loaded.problems] }
      })
      return loading
    },
  }
}
