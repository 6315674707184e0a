import type { MessageInstance } from 'antd/es/message/interface'
import type { Locale } from '../../../../shared/i18n/locale'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { announceSaved as announceSavedWith } from '../../components/saved-toast'
import type { recordsMessages } from '../../i18n/messages/records'

type Kind = 'exportJson' | 'exportPdf' | 'exportXapi' | 'exportClassCsv'
type Words = (typeof recordsMessages)['zh-CN']

/** “已保存：…” with a button that shows the file in the system's file manager. */
export function announceSaved(path: string, t: Words, toast: MessageInstance): void {
  announceSavedWith(path, { saved: t.page.saved, openFolder: t.page.openFolder, failed: t.page.failed }, toast)
}

/** Runs one export through main (which asks where to save) and says how it went. */
export async function runExport(kind: Exclude<Kind, 'exportClassCsv'>, t: Words, toast: MessageInstance, reportLocale?: Locale): Promise<void> {
  try {
    const saved = kind === 'exportPdf' ? await api().records.exportPdf(reportLocale) : await api().records[kind]()
    if (saved) announceSaved(saved.path, t, toast)
    else void toast.info(t.page.cancelled)
  } catch (error) {
    void toast.error(fmt(t.page.failed, { reason: describeApiError(error).message }))
  }
}
