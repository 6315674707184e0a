import { clipboard, dialog } from 'electron'
import { formatDetail, type Logger } from '../logging/logger'

/**
 * Logs an uncaught main-process error and shows it in a dialog whose details can be copied.
 * `starting`: the app could not start and closes after the dialog.
 */
export async function reportFatal(error: unknown, logger: Logger, logFile: string, options: { starting?: boolean } = {}): Promise<void> {
  const details = formatDetail(error)
  logger.error(options.starting ? 'The app could not start' : 'Uncaught error in main process', details)
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'VirtLab Companion',
    message: options.starting
      ? '程序无法启动，将会关闭 · The app could not start and will close'
      : '程序遇到意外错误 · The app hit an unexpected error',
    detail: `${details}\n\nLog: ${logFile}`,
    buttons: ['复制详情 Copy details', '关闭 Close'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  })
  if (response === 0) clipboard.writeText(`${details}\n\nLog: ${logFile}`)
}
