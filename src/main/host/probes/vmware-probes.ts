import { readdir, readFile } from 'node:fs/promises'
import { posix, win32 } from 'node:path'
import type { ProbeErrorKind, ProbeResult } from '../../../shared/host/capture'
import type { CheckContext } from '../context'
import {
  parseGuestIp,
  parseInventory,
  parsePreferences,
  parseVmFolderListing,
  parseVmrunList,
  parseVmx,
  pathKey,
  resolveBesideVmx,
  vmSettings,
} from '../interpret/vmware'
import { diskPathInVmFolder } from '../local-path'
import { decodeVmx } from '../text/decode'
import { windowsSystemTool } from './system-tools'
import type { ProbeEnvironment, ProbeSpec } from './spec'

/**
 * VMware probes in three stages (the engine runs them in order, each with a context of everything
 * read so far):
 *  1. fixed files and commands (configs, preferences, inventory, version, default VM folders);
 *  2. every .vmx we learned about, vmrun on Windows (its path comes from the registry), and Tools/IP
 *     queries for VMs already known to run;
 *  3. the first disk descriptor of each .vmx, plus whatever stage 2 revealed (on Windows, the running VMs).
 */

export const MAX_VMX = 20
const VMX_MAX_BYTES = 1024 * 1024
const VMDK_MAX_BYTES = 64 * 1024
const VMRUN_TIMEOUT_MS = 5000
const MAX_FOLDER_ENTRIES = 500

function isWindows(env: ProbeEnvironment): boolean {
  return env.platform === 'win32'
}

function envVar(env: ProbeEnvironment, ...names: string[]): string | null {
  for (const name of names) {
    const direct = env.env[name]
    if (direct && direct.trim() !== '') return direct
    const key = Object.keys(env.env).find((k) => k.toLowerCase() === name.toLowerCase())
    const value = key === undefined ? undefined : env.env[key]
    if (value && value.trim() !== '') return value
  }
  return null
}

function appData(env: ProbeEnvironment): string {
  return envVar(env, 'APPDATA') ?? win32.join(env.homeDir, 'AppData', 'Roaming')
}

function programData(env: ProbeEnvironment): string {
  return envVar(env, 'ProgramData', 'ALLUSERSPROFILE') ?? 'C:\\ProgramData'
}

function userProfile(env: ProbeEnvironment): string {
  return envVar(env, 'USERPROFILE') ?? env.homeDir
}

export function preferencesPath(env: ProbeEnvironment): string {
  return isWindows(env) ? win32.join(appData(env), 'VMware', 'preferences.ini') : posix.join(env.homeDir, '.vmware', 'preferences')
}

/** Where Workstation puts new VMs by default (before any `prefvmx.defaultVMPath`). */
export function defaultVmFolders(env: ProbeEnvironment): string[] {
  if (isWindows(env)) {
    const profile = userProfile(env)
    return [
      win32.join(profile, 'Documents', 'Virtual Machines'),
      // OneDrive's "known folder move" relocates Documents (named 文档 on a Chinese Windows).
      win32.join(profile, 'OneDrive', 'Documents', 'Virtual Machines'),
      win32.join(profile, 'OneDrive', '文档', 'Virtual Machines'),
    ]
  }
  return [posix.join(env.homeDir, 'vmware')]
}

function kindOf(error: unknown): ProbeErrorKind {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing'
  if (code === 'EACCES' || code === 'EPERM') return 'denied'
  return 'failed'
}

/**
 * Lists `*.vmx` in the default VM folder(s) and one level down (`<folder>/<vm>/<vm>.vmx`), plus the
 * folder named by `prefvmx.defaultVMPath` in the preferences file. One path a line.
 */
export function vmFolderProbe(env: ProbeEnvironment): ProbeSpec {
  const path = isWindows(env) ? win32 : posix
  return {
    id: 'vmware.vm-folder',
    kind: 'custom',
    run: async (signal: AbortSignal): Promise<ProbeResult> => {
      const started = Date.now()
      const folders = defaultVmFolders(env)
      try {
        const prefs = parsePreferences(decodeVmx(await readFile(preferencesPath(env))))
        if (prefs.defaultVMPath) folders.push(prefs.defaultVMPath)
      } catch {
        /* no preferences yet: the defaults are enough */
      }
      const seen = new Set<string>()
      const found: string[] = []
      const errors: { folder: string; kind: ProbeErrorKind; message: string }[] = []
      let listed = 0
      for (const folder of folders) {
        const key = pathKey(folder, isWindows(env))
        if (seen.has(key)) continue
        seen.add(key)
        if (signal.aborted) break
        try {
          const entries = await readdir(folder, { withFileTypes: true })
          listed += 1
          for (const entry of entries.slice(0, MAX_FOLDER_ENTRIES)) {
            if (signal.aborted) break
            if (entry.isFile() && /\.vmx$/i.test(entry.name)) found.push(path.join(folder, entry.name))
            else if (entry.isDirectory()) {
              try {
                const inner = await readdir(path.join(folder, entry.name), { withFileTypes: true })
                for (const file of inner) if (file.isFile() && /\.vmx$/i.test(file.name)) found.push(path.join(folder, entry.name, file.name))
              } catch {
                /* one unreadable VM folder does not hide the others */
              }
            }
          }
        } catch (error) {
          errors.push({ folder, kind: kindOf(error), message: (error as Error).message ?? String(error) })
        }
      }
      const durationMs = Date.now() - started
      if (listed === 0) {
        const denied = errors.find((e) => e.kind === 'denied')
        const failed = errors.find((e) => e.kind === 'failed')
        const worst = denied ?? failed ?? errors[0]
        const kind: ProbeErrorKind = signal.aborted ? 'timeout' : (worst?.kind ?? 'missing')
        const message = worst ? `${worst.folder}: ${worst.message}` : 'no VM folder'
        return { ok: false, error: { kind, message: message.slice(0, 500) }, durationMs }
      }
      return { ok: true, text: found.join('\n'), durationMs }
    },
  }
}

export function vmwareStage1(env: ProbeEnvironment): ProbeSpec[] {
  if (isWindows(env)) {
    const data = win32.join(programData(env), 'VMware')
    const roaming = win32.join(appData(env), 'VMware')
    return [
      { id: 'vmware.nat-conf', kind: 'file', path: win32.join(data, 'vmnetnat.conf') },
      { id: 'vmware.dhcp-conf', kind: 'file', path: win32.join(data, 'vmnetdhcp.conf') },
      { id: 'vmware.dhcp-leases', kind: 'file', path: win32.join(data, 'vmnetdhcp.leases') },
      // Same dictionary format as .vmx, with its own `.encoding` (GBK paths on a Chinese Windows).
      { id: 'vmware.preferences', kind: 'file', path: win32.join(roaming, 'preferences.ini'), decode: 'vmx' },
      { id: 'vmware.inventory', kind: 'file', path: win32.join(roaming, 'inventory.vmls'), decode: 'vmx' },
      vmFolderProbe(env),
    ]
  }
  if (env.platform === 'linux') {
    const home = posix.join(env.homeDir, '.vmware')
    return [
      { id: 'vmware.version', kind: 'command', command: 'vmware', args: ['-v'] },
      // Read when `vmware -v` cannot run (no display, broken libraries): product.version / buildNumber.
      { id: 'vmware.linux-config', kind: 'file', path: '/etc/vmware/config', decode: 'vmx' },
      { id: 'vmware.linux-networking', kind: 'file', path: '/etc/vmware/networking' },
      { id: 'vmware.nat-conf', kind: 'file', path: '/etc/vmware/vmnet8/nat/nat.conf' },
      { id: 'vmware.dhcp-conf', kind: 'file', path: '/etc/vmware/vmnet8/dhcpd/dhcpd.conf' },
      { id: 'vmware.dhcp-leases', kind: 'file', path: '/etc/vmware/vmnet8/dhcpd/dhcpd.leases' },
      { id: 'vmware.preferences', kind: 'file', path: posix.join(home, 'preferences'), decode: 'vmx' },
      { id: 'vmware.inventory', kind: 'file', path: posix.join(home, 'inventory.vmls'), decode: 'vmx' },
      { id: 'vmware.vmrun-list', kind: 'command', command: 'vmrun', args: ['-T', 'ws', 'list'] },
      vmFolderProbe(env),
    ]
  }
  return []
}

/** vmrun: on PATH on Linux; beside vmware.exe on Windows (install path from the registry). */
export function vmrunCommand(env: ProbeEnvironment, ctx: CheckContext): string | null {
  if (!isWindows(env)) return env.platform === 'linux' ? 'vmrun' : null
  const registry = ctx.winVmwareRegistry()
  if (registry?.installPath) return win32.join(registry.installPath, 'vmrun.exe')
  // Installed (registry version or an uninstall entry) but no InstallPath: try the default folder.
  const listed = (ctx.winUninstall() ?? []).some((e) => /VMware (Workstation|Player)/i.test(e.displayName))
  return registry?.productVersion || listed ? DEFAULT_WINDOWS_VMRUN : null
}

const DEFAULT_WINDOWS_VMRUN = 'C:\\Program Files (x86)\\VMware\\VMware Workstation\\vmrun.exe'

/** Every .vmx path the stage-1 sources name, running ones first, de-duplicated, at most MAX_VMX. */
export function knownVmxPaths(env: ProbeEnvironment, ctx: CheckContext): string[] {
  const windows = isWindows(env)
  const text = (id: string): string => ctx.text(id) ?? ''
  const candidates = [
    ...parseVmrunList(text('vmware.vmrun-list')).paths,
    ...parsePreferences(text('vmware.preferences')).recentVms,
    ...parseInventory(text('vmware.inventory')).map((e) => e.config),
    ...parseVmFolderListing(text('vmware.vm-folder')),
    // .vmx files the student chose by hand (the app keeps the list in its settings).
    ...parseVmFolderListing(text('vmware.picked')),
  ]
  const seen = new Set<string>()
  const out: string[] = []
  for (const candidate of candidates) {
    const path = candidate.trim()
    if (path === '' || !/\.vmx$/i.test(path)) continue
    const key = pathKey(path, windows)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(path)
    if (out.length >= MAX_VMX) break
  }
  return out
}

/** The head of a vmware.log holds the version, host and monitor lines; power-on errors come early too. */
const VMWARE_LOG_MAX_BYTES = 1024 * 1024

function vmxProbe(path: string): ProbeSpec {
  return { id: `vmware.vmx:${path}`, kind: 'file', path, decode: 'vmx', maxBytes: VMX_MAX_BYTES }
}

function runningProbes(vmrun: string, path: string): ProbeSpec[] {
  return [
    { id: `vmware.tools-state:${path}`, kind: 'command', command: vmrun, args: ['-T', 'ws', 'checkToolsState', path], timeoutMs: VMRUN_TIMEOUT_MS },
    { id: `vmware.guest-ip:${path}`, kind: 'command', command: vmrun, args: ['-T', 'ws', 'getGuestIPAddress', path], timeoutMs: VMRUN_TIMEOUT_MS },
  ]
}

/** Probe ids already present (run, failed or skipped) in this context, by a case-folded key. */
function existing(ctx: CheckContext, windows: boolean): Set<string> {
  return new Set(Object.keys(ctx.probes).map((id) => pathKeyOfId(id, windows)))
}

function pathKeyOfId(id: string, windows: boolean): string {
  const colon = id.indexOf(':')
  return colon < 0 ? id : `${id.slice(0, colon)}:${pathKey(id.slice(colon + 1), windows)}`
}

function addUnlessPresent(out: ProbeSpec[], have: Set<string>, spec: ProbeSpec, windows: boolean): void {
  const key = pathKeyOfId(spec.id, windows)
  if (have.has(key)) return
  have.add(key)
  out.push(spec)
}

export function vmwareStage2(env: ProbeEnvironment, ctx: CheckContext): ProbeSpec[] {
  if (env.platform !== 'win32' && env.platform !== 'linux') return []
  const windows = isWindows(env)
  const out: ProbeSpec[] = []
  const have = existing(ctx, windows)
  const vmrun = vmrunCommand(env, ctx)
  if (windows && vmrun) addUnlessPresent(out, have, { id: 'vmware.vmrun-list', kind: 'command', command: vmrun, args: ['-T', 'ws', 'list'] }, windows)
  for (const path of knownVmxPaths(env, ctx)) addUnlessPresent(out, have, vmxProbe(path), windows)
  if (vmrun && ctx.text('vmware.vmrun-list') !== null) {
    for (const path of parseVmrunList(ctx.text('vmware.vmrun-list') ?? '').paths.slice(0, MAX_VMX))
      for (const spec of runningProbes(vmrun, path)) addUnlessPresent(out, have, spec, windows)
  }
  return out
}

export function vmwareStage3(env: ProbeEnvironment, ctx: CheckContext): ProbeSpec[] {
  if (env.platform !== 'win32' && env.platform !== 'linux') return []
  const windows = isWindows(env)
  const out: ProbeSpec[] = []
  const have = existing(ctx, windows)
  // On Windows vmrun list ran in stage 2: Tools/IP for the running VMs, and their .vmx if not read yet.
  const vmrun = vmrunCommand(env, ctx)
  const list = ctx.text('vmware.vmrun-list')
  if (vmrun && list !== null) {
    const running = parseVmrunList(list).paths.slice(0, MAX_VMX)
    const vmxCount = Object.keys(ctx.probes).filter((id) => id.startsWith('vmware.vmx:')).length
    let budget = Math.max(0, MAX_VMX - vmxCount)
    for (const path of running) {
      if (budget > 0 && !have.has(pathKeyOfId(`vmware.vmx:${path}`, windows))) {
        addUnlessPresent(out, have, vmxProbe(path), windows)
        budget -= 1
      }
      for (const spec of runningProbes(vmrun, path)) addUnlessPresent(out, have, spec, windows)
    }
  }
  for (const id of Object.keys(ctx.probes)) {
    if (!id.startsWith('vmware.vmx:')) continue
    const text = ctx.text(id)
    if (text === null) continue
    const vmxPath = id.slice('vmware.vmx:'.length)
    // The newest vmware.log beside it (VMware rotates older ones to vmware-0.log …): evidence of how it last ran.
    const log = resolveBesideVmx(vmxPath, 'vmware.log')
    addUnlessPresent(out, have, { id: `vmware.log:${log}`, kind: 'file', path: log, maxBytes: VMWARE_LOG_MAX_BYTES }, windows)
    const disk = vmSettings(vmxPath, parseVmx(text)).diskFile
    if (!disk) continue
    // Only a disk inside the VM's own folder is read: never an absolute, `..`, UNC or device path.
    if (diskPathInVmFolder(vmxPath, disk.trim(), windows) === null) continue
    const path = resolveBesideVmx(vmxPath, disk)
    addUnlessPresent(out, have, { id: `vmware.vmdk:${path}`, kind: 'file', path, decode: 'vmdk-descriptor', maxBytes: VMDK_MAX_BYTES }, windows)
  }
  return out
}

/**
 * Last stage: one ping from the host to each running guest whose IP vmrun reported ("optionally,
 * the host reaches the guest"). Only addresses VMware itself handed out are pinged.
 */
export function guestPingProbes(env: ProbeEnvironment, ctx: CheckContext): ProbeSpec[] {
  if (env.platform !== 'win32' && env.platform !== 'linux') return []
  const out: ProbeSpec[] = []
  const seen = new Set<string>()
  for (const id of Object.keys(ctx.probes)) {
    if (!id.startsWith('vmware.guest-ip:')) continue
    const ip = parseGuestIp(ctx.text(id) ?? '').ip
    if (!ip || seen.has(ip) || ctx.probe(`vmware.ping:${ip}`)) continue
    seen.add(ip)
    out.push(
      env.platform === 'win32'
        ? { id: `vmware.ping:${ip}`, kind: 'command', command: windowsSystemTool(env, 'PING.EXE'), args: ['-n', '1', '-w', '1000', ip], timeoutMs: 4000 }
        : { id: `vmware.ping:${ip}`, kind: 'command', command: 'ping', args: ['-c', '1', '-W', '1', ip], timeoutMs: 4000 },
    )
  }
  return out
}
