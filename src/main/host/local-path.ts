import { posix, win32 } from 'node:path'

/**
 * Paths the app reads on the student's behalf must be plain local paths. A UNC path
 * (`\\host\share\…`, `//host/share/…`) makes Windows connect to that host over SMB and hand it the
 * user's login hash; device paths (`\\.\…`, `\\?\…`) reach raw devices and skip path normalisation.
 */
export function remoteOrDevicePath(path: string): boolean {
  return /^[\\/]{2}/.test(path) || /^[\\/]\?\?[\\/]/.test(path)
}

/** Why a path picked as a .vmx is not accepted, or null when it is a plain local absolute .vmx path. */
export function vmxPathProblem(path: string): string | null {
  if (path.includes('\0')) return 'contains a NUL character'
  if (remoteOrDevicePath(path)) return 'network (UNC) and device paths are not read'
  if (!win32.isAbsolute(path) && !posix.isAbsolute(path)) return 'not an absolute path'
  if (!/\.vmx$/i.test(path)) return 'not a .vmx file'
  return null
}

/**
 * Resolves a disk file named inside a .vmx (`scsi0:0.fileName = "…"`) against the VM's folder.
 * Only a plain name or a relative path that stays inside that folder is accepted: absolute paths,
 * `..`, drive letters, UNC and device paths give null (the file is written by whoever made the VM,
 * and a teacher may replay a student's capture).
 */
export function diskPathInVmFolder(vmxPath: string, diskFile: string, windows: boolean): string | null {
  if (diskFile === '' || diskFile.includes('\0') || diskFile.length > 1000) return null
  if (remoteOrDevicePath(diskFile) || /^[a-z]:/i.test(diskFile) || /^[\\/]/.test(diskFile)) return null
  const segments = diskFile.split(windows ? /[\\/]+/ : /\/+/)
  if (segments.some((s) => s === '..' || (windows && /^\.+\s*$/.test(s) && s !== '.'))) return null
  const api = windows ? win32 : posix
  const folder = api.dirname(vmxPath)
  const resolved = api.join(folder, diskFile)
  const rel = api.relative(folder, resolved)
  if (rel === '' || rel.startsWith('..') || api.isAbsolute(rel)) return null
  return resolved
}
