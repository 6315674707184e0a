import type { MessageInstance } from 'antd/es/message/interface'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import type { recordsMessages } from '../../i18n/messages/records'

type Kind = 'exportJson' | 'exportPdf' | 'exportXapi'

/** Runs one export through main (which asks where to save) and says how it went. */
export async function runExport(kind: Kind, t: (typeof recordsMessages)['zh-CN'], toast: MessageInstance): Promise<void> {
  try {
    const saved = await api().records[kind]()
    if (saved) void toast.success(fmt(t.page.saved, { path: saved.path }))
    else void toast.info(t.page.cancelled)
  } catch (error) {
    void toast.error(fmt(t.page.failed, { reason: describeApiError(error).message }))
  }
}
