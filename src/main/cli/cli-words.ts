import type { Locale } from '../../shared/i18n/locale'

/** Why a file could not be written, in the CLI's language (from the error code). */
const WRITE_REASONS: Record<string, Record<Locale, string>> = {
  ENOENT: { 'zh-CN': '所在文件夹不存在', en: 'the folder does not exist' },
  ENOTDIR: { 'zh-CN': '路径中有一段不是文件夹', en: 'part of the path is not a folder' },
  EISDIR: { 'zh-CN': '这是一个文件夹，请给出文件名', en: 'it is a folder; give a file name' },
  ENOSPC: { 'zh-CN': '磁盘空间已满', en: 'the disk is full' },
  EDQUOT: { 'zh-CN': '磁盘配额已用完', en: 'the disk quota is used up' },
  EACCES: { 'zh-CN': '没有写入权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '没有写入权限，或文件被其他程序占用', en: 'permission denied, or another program holds the file' },
  EBUSY: { 'zh-CN': '文件被其他程序占用', en: 'another program holds the file' },
  EROFS: { 'zh-CN': '该位置只读', en: 'the location is read-only' },
  ENAMETOOLONG: { 'zh-CN': '文件名太长', en: 'the name is too long' },
}

export const CLI_WORDS = {
  cannotWrite: { 'zh-CN': '无法写入', en: 'cannot write' },
  captureSaved: { 'zh-CN': '诊断文件已保存', en: 'Capture saved' },
  unexpected: { 'zh-CN': '意外错误', en: 'unexpected error' },
} as const

/** One line: `cannot write FILE: reason`. */
export function writeFailure(file: string, error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? ''
  const reason = WRITE_REASONS[code]?.[locale] ?? (code || (error instanceof Error ? error.message : String(error)))
  return `${CLI_WORDS.cannotWrite[locale]} ${file}${locale === 'zh-CN' ? '：' : ': '}${reason}`
}
