import { win32 } from 'node:path'
import type { ProbeEnvironment } from './spec'

const DEFAULT_SYSTEM_ROOT = 'C:\\Windows'

/**
 * %SystemRoot% when it is a plain local folder (`X:\…`), else C:\Windows. A bare command name makes
 * Windows look in the current folder first (a `systeminfo.exe` dropped in Downloads would run); a
 * UNC or relative SystemRoot would do the same from elsewhere.
 */
export function windowsSystemRoot(env: Pick<ProbeEnvironment, 'env'>): string {
  const key = Object.keys(env.env).find((k) => k.toLowerCase() === 'systemroot') ?? Object.keys(env.env).find((k) => k.toLowerCase() === 'windir')
  const value = key === undefined ? undefined : env.env[key]?.trim()
  if (value && /^[a-z]:\\[^\\/:*?"<>|\0]+(\\[^\\/:*?"<>|\0]+)*\\?$/i.test(value) && !value.split('\\').includes('..')) return value.replace(/\\$/, '')
  return DEFAULT_SYSTEM_ROOT
}

/** A Windows system program by absolute path: `windowsSystemTool(env, 'systeminfo.exe')` → C:\Windows\System32\systeminfo.exe. */
export function windowsSystemTool(env: Pick<ProbeEnvironment, 'env'>, relativePath: string): string {
  return win32.join(windowsSystemRoot(env), 'System32', relativePath)
}
