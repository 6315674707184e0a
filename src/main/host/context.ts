import type { CapturePlatform, ProbeMap, ProbeResult } from '../../shared/host/capture'
import type { Evidence } from '../../shared/host/report'
import * as linux from './interpret/linux'
import * as mac from './interpret/macos'
import { excerpt } from './interpret/text'
import * as win from './interpret/windows'
import * as winGuest from './interpret/windows-guest'
import { parseVmwareLog } from './interpret/vmware-log'

type Json = Record<string, unknown>

/**
 * Everything a check reads: the raw probe results and memoized interpretations of them.
 * Built from a capture (live or replayed), so checks are pure functions of the capture.
 */
export class CheckContext {
  private readonly memo = new Map<string, unknown>()

  constructor(
    readonly platform: CapturePlatform,
    readonly arch: string,
    readonly probes: ProbeMap,
  ) {}

  probe(id: string): ProbeResult | undefined {
    return this.probes[id]
  }

  /** The probe's text when it was read, else null. */
  text(id: string): string | null {
    const result = this.probes[id]
    return result && result.ok ? result.text : null
  }

  /** Why a probe gave nothing, in words for a reader (bilingual evidence is English-only by design: it is raw). */
  failure(id: string): string {
    const result = this.probes[id]
    if (!result) return 'not collected'
    if (result.ok) return result.text.trim() === '' ? 'empty output' : 'read'
    return `${result.error.kind}: ${result.error.message}`
  }

  evidence(id: string, pattern?: RegExp, max?: number): Evidence {
    const text = this.text(id)
    if (text === null) return { probe: id, excerpt: `(${this.failure(id)})` }
    const shown = pattern ? excerpt(text, pattern, max) : excerpt(text, /\S/, max ?? 8)
    return { probe: id, excerpt: shown || '(no matching lines)' }
  }

  private cached<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) {
      let value: T
      try {
        value = compute()
      } catch {
        value = null as T
      }
      this.memo.set(key, value)
    }
    return this.memo.get(key) as T
  }

  private parsed<T>(id: string, parse: (text: string) => T): T | null {
    return this.cached(`p:${id}`, () => {
      const text = this.text(id)
      return text === null ? null : parse(text)
    })
  }

  json(id: string): Json | null {
    return this.parsed(id, (text) => {
      const value = JSON.parse(text) as unknown
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null
    })
  }

  // Linux
  cpuinfo(): linux.CpuInfo | null {
    return this.cached('cpuinfo', () => {
      const direct = this.parsed('linux.cpuinfo', linux.parseCpuinfo)
      if (direct && (direct.hasFlagLine || direct.modelName)) return direct
      return this.parsed('linux.lscpu', linux.parseLscpu) ?? direct
    })
  }
  kvmOk() {
    return this.parsed('linux.kvm-ok', linux.parseKvmOk)
  }
  wsl(): linux.WslFacts {
    return this.cached('wsl', () =>
      linux.wslFacts({
        procVersion: this.text('linux.proc-version'),
        kernel: str(this.json('si.os')?.kernel),
        probe: this.text('linux.wsl'),
      }),
    )
  }
  lscpu() {
    return this.parsed('linux.lscpu', linux.parseLscpu)
  }
  dmesg() {
    return this.parsed('linux.dmesg', linux.parseDmesg)
  }
  modules() {
    return this.parsed('linux.modules', linux.parseModules)
  }
  detectVirt() {
    return this.parsed('linux.detect-virt', linux.parseDetectVirt)
  }
  dmi() {
    return this.parsed('linux.dmi', linux.parseDmi)
  }
  osRelease() {
    return this.parsed('linux.os-release', linux.parseOsRelease)
  }
  kvmDevice() {
    return this.parsed('linux.kvm-device', linux.parseKvmDevice)
  }
  meminfoTotal() {
    return this.parsed('linux.meminfo', linux.parseMeminfoTotal)
  }
  ipAddr() {
    return this.parsed('linux.ip-addr', linux.parseIpAddrJson)
  }

  // Windows
  winProcessor() {
    return this.parsed('win.processor', win.parseWinProcessor)
  }
  winComputerSystem() {
    return this.parsed('win.computersystem', win.parseWinComputerSystem)
  }
  winOs() {
    return this.parsed('win.os', win.parseWinOs)
  }
  winBios() {
    return this.parsed('win.bios', win.parseWinBios)
  }
  winDeviceGuard() {
    return this.parsed('win.deviceguard', win.parseWinDeviceGuard)
  }
  winFeatures() {
    return this.parsed('win.optional-features', win.parseWinOptionalFeatures)
  }
  bcdedit() {
    return this.parsed('win.bcdedit', win.parseBcdedit)
  }
  winServices() {
    return this.parsed('win.services', win.parseWinServices)
  }
  winAdapters() {
    return this.parsed('win.netadapters', win.parseWinAdapters)
  }
  winVmwareRegistry() {
    return this.parsed('win.vmware-registry', win.parseWinVmwareRegistry)
  }
  winUninstall() {
    return this.parsed('win.uninstall', win.parseWinUninstall)
  }
  winWsl() {
    return this.parsed('win.wsl', win.parseWinWsl)
  }
  systeminfo() {
    return this.parsed('win.systeminfo', win.parseSystemInfo)
  }
  winBiosStrings() {
    return this.parsed('win.bios', winGuest.parseWinBiosStrings)
  }
  winBaseboard() {
    return this.parsed('win.baseboard', winGuest.parseWinBaseboard)
  }
  winEnclosure() {
    return this.parsed('win.enclosure', winGuest.parseWinEnclosure)
  }
  /** A vmware.log probe, parsed once per evaluation (the log checks and the OS check both read it). */
  vmwareLog(id: string) {
    return this.parsed(id, parseVmwareLog)
  }
  winHyperVGuestKey() {
    return this.parsed('win.hyperv-guest', winGuest.parseWinHyperVGuestKey)
  }
  winDevices() {
    return this.parsed('win.devices', winGuest.parseWinDevices)
  }
  /** Guest, physical or unknown, with the evidence for it (see interpret/windows-guest.ts). */
  winGuest(hypervisorPresent: boolean | null): winGuest.WinGuestIdentity {
    return this.cached(`winGuest:${hypervisorPresent}`, () => {
      const cs = this.winComputerSystem()
      const sys = this.systeminfo()
      const dg = this.winDeviceGuard()
      const features = this.winFeatures()
      const biosStrings = [...(this.winBiosStrings() ?? [])]
      if (sys?.biosVersion) biosStrings.push(sys.biosVersion)
      return winGuest.identifyWindowsGuest({
        manufacturer: cs?.manufacturer ?? sys?.manufacturer ?? null,
        model: cs?.model ?? sys?.model ?? null,
        hypervisorPresent,
        pcSystemType: cs?.pcSystemType ?? null,
        biosStrings,
        baseboardStrings: this.winBaseboard() ?? [],
        chassisTypes: this.winEnclosure() ?? [],
        hypervGuestKey: this.winHyperVGuestKey(),
        deviceNames: [
          ...(this.winDevices() ?? []),
          ...(this.winAdapters() ?? []).map((a) => a.name),
          ...(sys?.devices ?? []),
        ],
        vbsStatus: dg?.vbsStatus ?? null,
        hypervisorSupportAvailable: dg?.hypervisorSupportAvailable ?? null,
        features: features && features.size > 0 ? features : null,
        launchType: this.bcdedit()?.launchType ?? null,
      })
    })
  }

  // macOS
  sysctl() {
    return this.parsed('mac.sysctl', mac.parseSysctl)
  }
  swVers() {
    return this.parsed('mac.sw_vers', mac.parseSwVers)
  }
  applications() {
    return this.parsed('mac.applications', mac.parseListing)
  }
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}
