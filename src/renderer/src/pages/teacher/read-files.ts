import type { ImportFile } from '../../../../shared/records/class-view'
import { REPORT_MAX_BYTES } from '../../../../shared/records/report'

/** Reads dropped files for import; one too large to accept is not read at all (main says why). */
export async function readDroppedFiles(files: readonly File[]): Promise<ImportFile[]> {
  return Promise.all(
    files.map(async (file): Promise<ImportFile> => {
      const name = (file.webkitRelativePath || file.name).slice(0, 1000)
      if (file.size > REPORT_MAX_BYTES) return { name, size: file.size, text: null }
      try {
        const text = await file.text()
        return { name, size: file.size, text: text.length > REPORT_MAX_BYTES ? null : text }
      } catch {
        return { name, size: file.size, text: null }
      }
    }),
  )
}
