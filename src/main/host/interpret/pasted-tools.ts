/**
 * Interpreters for tool outputs that only ever arrive pasted (no live probe runs them): the HAXM
 * check tool, the Android emulator's -accel-check, virt-host-validate, VBoxManage, wsl.exe.
 * Pure; none throws; null means "says nothing about it".
 */
import { lines } from './text'

export interface ToolFindings {
  /** The CPU has VT-x/AMD-V. */
  vt: boolean | null
  /** Firmware has it switched on (and the OS can use it). */
  firmware: boolean | null
  slat: boolean | null
  /** Windows' own hypervisor is running. */
  hypervisor: boolean | null
  /**
   * This Windows is the root partition of Windows' own hypervisor (it holds the CreatePartitions
   * privilege): the computer's own Windows, not a guest of another hypervisor.
   */
  rootPartition?: boolean | null
  /** The lines the findings came from. */
  lines: string[]
}

function empty(): ToolFindings {
  return { vt: null, firmware: null, slat: null, hypervisor: null, lines: [] }
}

/** HAXM's checktool: `VMX enabled   *  Yes` ('*' passes, '-' fails). */
export function parseHaxmCheck(text: string): ToolFindings {
  const out = empty()
  for (const raw of lines(text)) {
    // A line the poster set in bold or italics in a chat ("**_VMX enabled   -  No_**") reads the same.
    const line = raw.replace(/^\s*[*_]{2,}/, '').replace(/[*_]{2,}\s*$/, '')
    const m = /^\s*(CPU vendor|Intel64 supported|VMX supported|VMX enabled|EPT supported|NX supported|NX enabled|Hyper-V disabled|OS version|OS architecture|Guest unoccupied)\s+([*-])\s+(.*)$/i.exec(line)
    if (!m) continue
    const ok = m[2] === '*'
    const name = m[1]!.toLowerCase()
    if (name === 'vmx supported') out.vt = ok
    else if (name === 'vmx enabled') out.firmware = ok
    else if (name === 'ept supported') out.slat = ok
    else if (name === 'hyper-v disabled') out.hypervisor = !ok
    else if (name !== 'os version') continue
    out.lines.push(line.trim())
  }
  // Under Windows' hypervisor the tool cannot see VMX/EPT ("No"), but that hypervisor needs them.
  // The checktool prints "Hyper-V disabled  -  No" only when the hypervisor is "Microsoft Hv" and this
  // Windows holds its CreatePartitions privilege (CPUID 0x40000003 EBX bit 0; intel/haxm
  // CheckTool/os_windows.cpp): the root partition, i.e. the computer's own Windows, the same test
  // the vmware.log reader uses. On Windows 10/11 that hypervisor starts only with SLAT (EPT).
  if (out.hypervisor === true) {
    out.vt = true
    out.firmware = true
    out.rootPartition = true
    const windows10 = lines(text).some((l) => /OS version\s+[*-]\s+Windows 10\.0\.\d+/i.test(l))
    out.slat = out.slat === true || windows10 ? true : null
  } else if (out.vt === false) out.firmware = null
  return out
}

/** `emulator -accel-check`: "HAXM version … is installed and usable.", "VT feature disabled in BIOS/UEFI", … */
export function parseAccelCheck(text: string): ToolFindings {
  const out = empty()
  for (const raw of lines(text)) {
    const line = raw.trim()
    if (line === '' || /^accel:?$/i.test(line) || /^\d+$/.test(line)) continue
    if (/\b(HAXM|AEHD|GVM|Android Emulator Hypervisor Driver)\b.*installed and usable/i.test(line)) {
      out.vt = true
      out.firmware = true
      // HAXM and the old AEHD/GVM driver cannot run under Windows' hypervisor.
      out.hypervisor = false
    } else if (/\bWHPX\b.*installed and usable/i.test(line)) {
      out.vt = true
      out.firmware = true
      out.hypervisor = true
    } else if (/\bKVM\b.*installed and usable/i.test(line)) {
      out.vt = true
      out.firmware = true
    } else if (/VT feature disabled in BIOS|VT-x (is )?disabled in BIOS|virtualization.*disabled in (the )?BIOS/i.test(line)) {
      out.vt = true
      out.firmware = false
    } else if (/requires an Intel processor with VT-x/i.test(line) && /Your CPU:\s*'(?!GenuineIntel)[^']+'/i.test(line)) {
      // HAXM's requirement, met by no AMD CPU: says nothing about AMD-V ("Your CPU: 'AuthenticAMD'").
    } else if (/does not support VT-x|CPU does not support|requires an Intel processor with VT-x|No VT-x|not support(ed)? hardware virtualization/i.test(line)) {
      out.vt = false
    } else if (/disable Hyper-V|Hyper-V is (enabled|running)|hypervisorlaunchtype off/i.test(line)) {
      out.hypervisor = true
    } else continue
    out.lines.push(line)
  }
  return out
}

export interface ValidateLine {
  subject: string
  check: string
  result: 'PASS' | 'WARN' | 'FAIL'
  note: string | null
}

const VALIDATE_LINE = /^\s*(QEMU|LXC|BHYVE|Xen|VMware)?\s*:?\s*(Checking .+?)\s*:\s*(PASS|WARN|FAIL)\b\s*(?:\((.*)\))?\s*$/i

export function parseVirtHostValidate(text: string): { checks: ValidateLine[]; findings: ToolFindings } {
  const checks: ValidateLine[] = []
  const out = empty()
  for (const raw of lines(text)) {
    const m = VALIDATE_LINE.exec(raw)
    if (!m) continue
    const check = m[2]!.replace(/\s+/g, ' ')
    const result = m[3]!.toUpperCase() as ValidateLine['result']
    checks.push({ subject: m[1] ?? '', check, result, note: m[4] ?? null })
    if (/hardware virtualization/i.test(check)) {
      if (result === 'PASS') out.vt = true
      else if (result === 'FAIL') out.vt = false
      out.lines.push(raw.trim())
    } else if (/\/dev\/kvm (exists|is accessible)/i.test(check)) {
      if (result === 'PASS') {
        // /dev/kvm exists only when kvm_intel/kvm_amd loaded, which needs VT on in firmware.
        out.firmware = true
        out.vt = true
      }
      out.lines.push(raw.trim())
    }
  }
  return { checks, findings: out }
}

/** VBoxManage list hostinfo: "Processor supports HW virtualization: yes". */
export function parseVBoxHostinfo(text: string): ToolFindings {
  const out = empty()
  for (const raw of lines(text)) {
    const m = /^\s*Processor supports (HW virtualization|nested paging|nested HW virtualization)\s*:\s*(yes|no)\b/i.exec(raw)
    if (!m) continue
    const yes = m[2]!.toLowerCase() === 'yes'
    const what = m[1]!.toLowerCase()
    // "no" may just mean another hypervisor holds VT-x; only "yes" is evidence.
    if (what === 'hw virtualization' && yes) out.vt = true
    else if (what === 'nested paging' && yes) out.slat = true
    else continue
    out.lines.push(raw.trim())
  }
  return out
}

export interface WslDistribution {
  name: string
  state: string
  version: number
}

/** `wsl -l -v` (English or localized headers): NAME STATE VERSION rows; `*` marks the default. */
export function parseWslList(text: string): WslDistribution[] {
  const out: WslDistribution[] = []
  let header = false
  for (const raw of lines(text)) {
    const line = raw.split('\u0000').join('')
    if (/^\s*\*?\s*(NAME|名称|名稱|名前|이름|ИМЯ)\s+(STATE|状态|狀態|状態|상태|СОСТОЯНИЕ)\s+(VERSION|版本|バージョン|버전|ВЕРСИЯ)\s*$/i.test(line)) {
      header = true
      continue
    }
    if (!header) continue
    // A state never has a colon: "Default Version: 2" after the rows is wsl --status, not a distribution.
    const m = /^\s*\*?\s*(\S+)\s+([^\s:：]+)\s+([12])\s*$/.exec(line)
    if (m) out.push({ name: m[1]!, state: m[2]!, version: Number(m[3]) })
  }
  return out
}

/** wsl -l -v rows → findings: a running WSL 2 distribution means Windows' hypervisor runs. */
export function wslFindings(text: string): ToolFindings {
  const out = empty()
  for (const d of parseWslList(text)) {
    if (d.version === 2 && /^(Running|正在运行|執行中|実行中|실행 중|Выполняется)$/i.test(d.state)) {
      out.hypervisor = true
      out.vt = true
      out.firmware = true
      out.lines.push(`${d.name} ${d.state} ${d.version}`)
    }
  }
  if (/enable the Virtual Machine Platform|virtualization is enabled in the BIOS|请启用虚拟机平台|在 BIOS 中启用虚拟化|HCS_E_HYPERV_NOT_INSTALLED/i.test(text)) {
    const line = lines(text).find((l) => /Virtual Machine Platform|BIOS|虚拟机平台|HCS_E_HYPERV_NOT_INSTALLED/i.test(l))
    if (line) out.lines.push(line.trim())
  }
  return out
}
