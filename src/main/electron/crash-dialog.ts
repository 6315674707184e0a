import { clipboard, dialog } from 'electron'
import { formatDetail, type Logger } from '../logging/logger'

/** Logs an uncaught main-process error and shows it in a dialog whose details can be copied. */
export async function reportFatal(error: unknown, logger: Logger, logFile: string): Promise<void> {
  const details = formatDetail(error)
  logger.error('Uncaught error in main process', details)
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'VirtLab Companion',
    message: '程序遇到意外错误 · The app hit an unexpected error',
    detail: `${details}\n\nLog: ${logFile}`,
    buttons: ['复制详情 Copy details', '关闭 Close'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  })
  if (response === 0) clipboard.writeText(`${details}\n\nLog: ${logFile}`)
}
