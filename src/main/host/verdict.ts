import type { Check, CheckId, Verdict } from '../../shared/host/report'
import { L } from './checks/build'

/** Checks that decide whether VMware Workstation can run with hardware acceleration. */
const CORE: CheckId[] = ['host.arch', 'cpu.vt-extensions', 'firmware.vt-enabled', 'host.virtual-machine']
const ESSENTIAL: CheckId[] = [...CORE, 'cpu.slat', 'windows.hypervisor', 'os.supported', 'cpu.cores', 'memory', 'disk']
/** Which problem to fix first. */
const PRIORITY: CheckId[] = ['host.arch', 'host.virtual-machine', 'firmware.vt-enabled', 'cpu.vt-extensions', 'os.supported', 'memory', 'disk', 'cpu.cores', 'windows.hypervisor', 'cpu.slat']

/** What an unknown core check leaves open, as a clause after "看不出" / "do not show". */
const OPEN_QUESTION: Partial<Record<CheckId, [string, string]>> = {
  'host.arch': ['处理器是哪种架构', 'which architecture the processor is'],
  'cpu.vt-extensions': ['CPU 是否支持 VT-x/AMD-V', 'whether the CPU has VT-x/AMD-V'],
  'firmware.vt-enabled': ['BIOS/UEFI 中的虚拟化是否已打开', 'whether virtualization is on in BIOS/UEFI'],
  'host.virtual-machine': ['这是实体电脑还是虚拟机', 'whether this is a physical computer or a virtual machine'],
}

export function decideVerdict(checks: Check[], platform: string, options: { pasted?: boolean } = {}): Verdict {
  const byId = new Map(checks.map((c) => [c.id, c]))
  const status = (id: CheckId) => byId.get(id)?.status
  const firstWith = (statuses: string[]): Check | undefined =>
    PRIORITY.map((id) => byId.get(id)).find((c): c is Check => c !== undefined && statuses.includes(c.status))
  const fixOf = (c: Check | undefined) => ({ firstFix: c?.fix[0] ?? null, firstFixCheck: c?.id ?? null })

  const arch = byId.get('host.arch')
  if (arch?.status === 'fail') {
    const mac = platform === 'darwin'
    return {
      status: 'unsupported',
      summary: mac
        ? L('这台 Apple 芯片的 Mac 不能运行 VMware Workstation；请改用 VMware Fusion、UTM 或 Parallels。', 'This Apple silicon Mac cannot run VMware Workstation; use VMware Fusion, UTM or Parallels instead.')
        : L('这台电脑的架构不能运行 VMware Workstation。', 'This computer’s architecture cannot run VMware Workstation.'),
      ...fixOf(arch),
    }
  }
  const vt = byId.get('cpu.vt-extensions')
  const guest = byId.get('host.virtual-machine')
  // A Windows host reporting no VM Monitor Mode Extensions with no hypervisor and not a guest: the CPU lacks it.
  if (platform === 'win32' && vt?.status === 'fail' && guest?.status === 'pass') {
    return {
      status: 'unsupported',
      summary: L('这台电脑的 CPU 不支持硬件虚拟化（VT-x/AMD-V），无法用硬件加速运行虚拟机。', 'This computer’s CPU has no hardware virtualization (VT-x/AMD-V), so it cannot run VMs with hardware acceleration.'),
      ...fixOf(vt),
    }
  }
  // No SLAT on a physical machine: a CPU older than current Workstation's 2011-or-later baseline.
  const slat = byId.get('cpu.slat')
  if (slat?.status === 'fail' && guest?.status === 'pass' && vt?.status !== 'fail') {
    return {
      status: 'unsupported',
      summary: L(
        '这台电脑的 CPU 没有二级地址转换（EPT/RVI），低于当前 VMware Workstation 的要求；VirtualBox 或较旧的 Workstation 版本仍可使用。',
        'This computer’s CPU has no second-level address translation (EPT/RVI), below what current VMware Workstation requires; VirtualBox or an older Workstation release can still be used.',
      ),
      ...fixOf(slat),
    }
  }
  const failing = firstWith(['fail'])
  if (failing) {
    const what: Partial<Record<CheckId, [string, string]>> = {
      'host.virtual-machine': ['本系统本身是虚拟机，且没有开启嵌套虚拟化', 'this OS is itself a VM without nested virtualization'],
      'firmware.vt-enabled': ['BIOS/UEFI 中的虚拟化开关是关着的', 'virtualization is switched off in BIOS/UEFI'],
      'cpu.vt-extensions': ['系统看不到 VT-x/AMD-V', 'the OS cannot see VT-x/AMD-V'],
      'os.supported': ['操作系统版本不受支持', 'the OS version is not supported'],
      memory: ['内存不足', 'there is not enough memory'],
      disk: ['磁盘空间不足', 'there is not enough disk space'],
      'cpu.cores': ['CPU 核心太少', 'there are too few CPU cores'],
    }
    const wsl = failing.id === 'host.virtual-machine' && failing.facts.wsl === true
    const [zh, en] = wsl
      ? ['本系统是 Windows 上的 WSL，VMware Workstation 要装在 Windows 本身', 'this Linux is WSL on Windows; VMware Workstation belongs on Windows itself']
      : (what[failing.id] ?? ['有一项检查未通过', 'a check failed'])
    return {
      status: 'action-needed',
      summary: options.pasted
        ? L(`${zh}。按下面的第一步操作，然后再运行一次同样的命令确认。`, `${en[0]!.toUpperCase()}${en.slice(1)}. Do the first step below, then run the same command again to confirm.`)
        : L(`${zh}。按下面的第一步操作，然后重新检测。`, `${en[0]!.toUpperCase()}${en.slice(1)}. Do the first step below, then run the check again.`),
      ...fixOf(failing),
    }
  }
  const unknownCore = CORE.map((id) => byId.get(id)).find((c) => c?.status === 'unknown')
  if (unknownCore) {
    return {
      status: 'unknown',
      summary: openQuestion(unknownCore, options.pasted === true),
      ...fixOf(unknownCore),
    }
  }
  const warning = firstWith(['warn'])
  if (warning) {
    return {
      status: 'ready-with-caveats',
      summary: L(
        `可以做实验，但要注意：${warning.summary['zh-CN']}`,
        `You can do the labs, with a caveat: ${warning.summary.en}`,
      ),
      ...fixOf(warning),
    }
  }
  const stillUnknown = ESSENTIAL.filter((id) => status(id) === 'unknown')
  return {
    status: 'ready',
    summary:
      stillUnknown.length > 0 && options.pasted
        ? L(
            '硬件虚拟化已就绪，可以安装并使用 VMware Workstation（粘贴的输出没有涉及的项目列在最后）。',
            'Hardware virtualization is ready: you can install and use VMware Workstation (items the pasted output does not cover are listed at the end).',
          )
        : stillUnknown.length > 0
        ? L('硬件虚拟化已就绪，可以安装并使用 VMware Workstation（个别资源项未能读取）。', 'Hardware virtualization is ready: you can install and use VMware Workstation (a few resource items could not be read).')
        : L('硬件虚拟化已就绪，可以安装并使用 VMware Workstation。', 'Hardware virtualization is ready: you can install and use VMware Workstation.'),
    firstFix: null,
    firstFixCheck: null,
  }
}

function openQuestion(check: Check, pasted: boolean) {
  const [zh, en] = OPEN_QUESTION[check.id] ?? [`“${check.title['zh-CN']}”这一项的情况`, `“${check.title.en}”`]
  const gap = /^[\x21-\x7e]/.test(zh) ? ' ' : ''
  return pasted
    ? L(`还不能下结论：从这些输出看不出${gap}${zh}。`, `No verdict yet: these outputs do not show ${en}.`)
    : L(`还不能下结论：这次检测看不出${gap}${zh}。`, `No verdict yet: this check could not tell ${en}.`)
}
