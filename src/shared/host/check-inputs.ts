import type { CheckId } from './report'

/**
 * Which probes each check reads, as id prefixes. While a live check runs, a check whose inputs
 * are still pending is shown as "checking…" instead of a premature result.
 */
export const CHECK_INPUTS: Record<CheckId, readonly string[]> = {
  'host.arch': ['linux.cpuinfo', 'win.processor', 'mac.sysctl'],
  'cpu.vt-extensions': ['linux.cpuinfo', 'linux.lscpu', 'linux.kvm-ok', 'linux.proc-version', 'linux.wsl', 'win.', 'mac.sysctl', 'si.cpu'],
  'cpu.slat': ['linux.cpuinfo', 'linux.lscpu', 'win.', 'mac.sysctl'],
  'firmware.vt-enabled': ['linux.cpuinfo', 'linux.dmesg', 'linux.modules', 'linux.kvm-device', 'linux.kvm-ok', 'linux.detect-virt', 'linux.proc-version', 'linux.wsl', 'win.', 'mac.sysctl'],
  'host.virtual-machine': ['linux.cpuinfo', 'linux.detect-virt', 'linux.dmi', 'linux.dmesg', 'linux.proc-version', 'linux.wsl', 'si.os', 'win.', 'mac.sysctl'],
  'windows.hypervisor': ['win.'],
  'kvm.available': ['linux.kvm-device', 'linux.modules', 'linux.cpuinfo'],
  'os.supported': ['linux.os-release', 'si.os', 'win.os', 'mac.sw_vers', 'mac.sysctl'],
  'cpu.cores': ['si.cpu', 'linux.cpuinfo', 'win.processor', 'mac.sysctl'],
  memory: ['si.mem', 'linux.meminfo', 'win.computersystem', 'mac.sysctl'],
  disk: ['host.vm-folder'],
  'vmware.installed': ['vmware.', 'win.vmware-registry', 'win.uninstall', 'mac.applications'],
  'vmware.services': ['vmware.', 'win.services', 'linux.modules', 'linux.ip-addr'],
  'vmware.networks': ['vmware.', 'win.netadapters', 'linux.ip-addr'],
  'vmware.vms': ['vmware.'],
  'vmware.running': ['vmware.'],
  'hypervisors.other': ['hv.', 'win.uninstall', 'win.optional-features', 'win.wsl', 'mac.applications', 'linux.modules'],
}

export function isCheckPending(id: CheckId, pendingProbes: readonly string[]): boolean {
  const inputs = CHECK_INPUTS[id]
  return pendingProbes.some((probe) => inputs.some((prefix) => probe.startsWith(prefix)))
}
