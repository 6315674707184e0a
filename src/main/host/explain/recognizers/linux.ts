/** Linux outputs: /proc/cpuinfo, lscpu, kvm-ok, dmesg, virt-host-validate. */
import { parseCpuinfo, parseLscpu } from '../../interpret/linux'
import { lines } from '../../interpret/text'
import { parseVirtHostValidate } from '../../interpret/pasted-tools'
import { joinWrapped } from '../segments'
import type { Recognition, Recognizer } from './types'

const CPUINFO_KEY = /^\s*(processor|vendor_id|cpu family|model|model name|stepping|microcode|cpu MHz|cache size|physical id|siblings|core id|cpu cores|apicid|initial apicid|fpu|fpu_exception|cpuid level|wp|flags|vmx flags|bugs|bogomips|clflush size|cache_alignment|address sizes|power management|BogoMIPS|Features|CPU implementer|CPU architecture|CPU variant|CPU part|CPU revision|Hardware|Revision|Serial|Model)\s*:/
const LSCPU_KEY = /^\s*(Architecture|CPU op-mode\(s\)|Byte Order|Address sizes|CPU\(s\)|On-line CPU\(s\) list|Thread\(s\) per core|Core\(s\) per (socket|cluster)|Socket\(s\)|NUMA node\(s\)|Vendor ID|CPU family|Model|Model name|Stepping|CPU( max| min)? MHz|BogoMIPS|Virtualization( type)?|Hypervisor vendor|L1d|L1i|L2|L3|NUMA node\d+ CPU\(s\)|Vulnerabilit|Flags|Caches|Frequency boost|CPU scaling MHz|BIOS)[^:]*:/i
/** Lines that are not wrapped continuations: a key, a blank line, or an indented lscpu tree line. */
const isKeyLine = (pattern: RegExp) => (line: string) => pattern.test(line) || /^\s*[\w() /.-]{1,40}:/.test(line)

function archOfCpuinfo(text: string): string {
  const info = parseCpuinfo(text)
  return info.isArm ? 'arm64' : info.flags.has('lm') || !info.hasFlagLine ? 'x64' : 'ia32'
}

export const linuxRecognizer: Recognizer = {
  kinds: ['cpuinfo', 'lscpu', 'kvm-ok', 'dmesg', 'virt-host-validate'],
  recognize(segment) {
    const out: Recognition[] = []
    const text = segment.text
    const all = lines(text)
    const cpuinfoLines = all.filter((l) => CPUINFO_KEY.test(l)).length
    const lscpuLines = all.filter((l) => LSCPU_KEY.test(l)).length
    const hasProcessor = /^\s*processor\s*:\s*\d+/m.test(text)
    // `grep flags /proc/cpuinfo`, or a few lines of it without "processor": an x86 flags line is unmistakable.
    const x86Flags = /^\s*flags\s*:\s*(.*)$/m.exec(text)?.[1]?.split(/\s+/) ?? []
    const flagsOnly = x86Flags.includes('fpu') && (x86Flags.includes('pae') || x86Flags.includes('sse2'))
    if ((hasProcessor && /^\s*(flags|Features|vendor_id|model name)\s*:/m.test(text) && cpuinfoLines >= 4) || flagsOnly) {
      const joined = joinWrapped(text, isKeyLine(CPUINFO_KEY))
      const body = lines(joined).filter((l) => CPUINFO_KEY.test(l) || l.trim() === '').join('\n')
      out.push({ kind: 'cpuinfo', platform: 'linux', arch: archOfCpuinfo(body), probes: { 'linux.cpuinfo': body } })
    } else if (/^\s*(Architecture|Vendor ID|Model name):\s/im.test(text) && !/^\s*(Caption|DeviceID|ProcessorId|VMMonitorModeExtensions|PSComputerName)\s+:/m.test(text) && lscpuLines >= 4) {
      const joined = joinWrapped(text, isKeyLine(LSCPU_KEY))
      const body = lines(joined).filter((l) => /:/.test(l)).join('\n')
      const parsed = parseLscpu(body)
      const archLine = /^\s*Architecture\s*:\s*(\S+)/im.exec(body)?.[1] ?? ''
      out.push({
        kind: 'lscpu',
        platform: 'linux',
        arch: parsed.isArm ? 'arm64' : /i[3-6]86/.test(archLine) ? 'ia32' : 'x64',
        probes: { 'linux.lscpu': body },
      })
    }
    if (/INFO: \/dev\/kvm (exists|does not exist)|KVM acceleration can (NOT )?be used|INFO: Your CPU does not support KVM extensions|INFO: .*(vmx|svm)/i.test(text)) {
      const body = all.filter((l) => /^\s*(INFO|HINT):|KVM acceleration|and then hard poweroff|power-off|enable it in your BIOS/i.test(l)).join('\n')
      out.push({ kind: 'kvm-ok', platform: 'linux', arch: null, probes: { 'linux.kvm-ok': body } })
    }
    const dmesgLines = all.filter((l) => /^\s*\[\s*\d+\.\d{3,}\]\s/.test(l) || /^\s*(kvm|kvm_intel|kvm_amd|SVM|DMAR|AMD-Vi):\s/.test(l))
    if (dmesgLines.length > 0 && (dmesgLines.length >= 2 || /dmesg/.test(segment.command ?? '') || /kvm|vmx|svm|virtualiz|hypervisor/i.test(dmesgLines[0]!))) {
      const kept = dmesgLines.filter((l) => /kvm|vmx|svm|virtualiz|hypervisor|DMAR|AMD-Vi|IOMMU/i.test(l))
      if (kept.length > 0) out.push({ kind: 'dmesg', platform: 'linux', arch: null, probes: { 'linux.dmesg': kept.join('\n') } })
    }
    const validate = parseVirtHostValidate(text)
    if (validate.checks.length >= 2 || (validate.checks.length === 1 && /virt-host-validate/.test(segment.command ?? ''))) {
      out.push({ kind: 'virt-host-validate', platform: 'linux', arch: null, probes: { 'paste.virt-host-validate': all.filter((l) => /:\s*(PASS|WARN|FAIL)\b/.test(l)).join('\n') } })
    }
    return out
  },
}
