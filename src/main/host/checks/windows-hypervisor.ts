import type { Check, Evidence } from '../../../shared/host/report'
import type { CheckContext } from '../context'
import { windowsHypervisorPresent, type GuestFacts } from '../facts'
import { SYSTEMINFO_EVIDENCE } from '../interpret/systeminfo'
import { detail, L, makeCheck, skip } from './build'

/** The Windows features that start Windows' hypervisor, with names a student recognizes. */
const HYPERVISOR_FEATURES: Record<string, { zh: string; en: string }> = {
  'Windows-Defender-ApplicationGuard': { zh: 'Microsoft Defender 应用程序防护', en: 'Microsoft Defender Application Guard' },
  'Microsoft-Hyper-V-All': { zh: 'Hyper-V', en: 'Hyper-V' },
  'Microsoft-Hyper-V': { zh: 'Hyper-V', en: 'Hyper-V' },
  'Microsoft-Hyper-V-Hypervisor': { zh: 'Hyper-V 虚拟机监控程序', en: 'Hyper-V Hypervisor' },
  VirtualMachinePlatform: { zh: '虚拟机平台（WSL2 需要）', en: 'Virtual Machine Platform (needed by WSL2)' },
  HypervisorPlatform: { zh: 'Windows 虚拟机监控程序平台', en: 'Windows Hypervisor Platform' },
  'Containers-DisposableClientVM': { zh: 'Windows 沙盒', en: 'Windows Sandbox' },
}

export interface HypervisorHolders {
  running: boolean | null
  holders: { id: string; zh: string; en: string }[]
  launchType: string | null
  launchTypeExplicit: boolean
  vbsStatus: number | null
  evidence: Evidence[]
}

export function windowsHypervisorHolders(ctx: CheckContext): HypervisorHolders {
  const sys = ctx.systeminfo()
  const dg = ctx.winDeviceGuard()
  const features = ctx.winFeatures()
  const bcd = ctx.bcdedit()
  const wsl = ctx.winWsl()
  const holders: HypervisorHolders['holders'] = []
  const seen = new Set<string>()
  const add = (id: string, zh: string, en: string): void => {
    if (seen.has(zh)) return
    seen.add(zh)
    holders.push({ id, zh, en })
  }
  for (const [name, label] of Object.entries(HYPERVISOR_FEATURES)) if (features?.get(name) === 'enabled') add(name, label.zh, label.en)
  if (dg?.vbsStatus === 2) add('vbs', '基于虚拟化的安全（VBS）', 'Virtualization-based security (VBS)')
  if (dg?.servicesRunning.includes(2)) add('hvci', '内存完整性（HVCI）', 'Memory integrity (HVCI)')
  if (dg?.servicesRunning.includes(1)) add('credential-guard', 'Credential Guard（凭据保护）', 'Credential Guard')
  if (wsl?.some((d) => d.version === 2)) add('wsl2', `WSL2（${wsl.filter((d) => d.version === 2).map((d) => d.name).join('、')}）`, `WSL2 (${wsl.filter((d) => d.version === 2).map((d) => d.name).join(', ')})`)
  const evidence: Evidence[] = []
  if (ctx.probe('win.computersystem')) evidence.push(ctx.evidence('win.computersystem', /HypervisorPresent/i))
  if (sys) evidence.push(ctx.evidence('win.systeminfo', SYSTEMINFO_EVIDENCE.hypervisor))
  if (ctx.probe('win.deviceguard')) evidence.push(ctx.evidence('win.deviceguard', /VirtualizationBasedSecurityStatus|SecurityServicesRunning/i))
  if (ctx.probe('win.optional-features')) evidence.push(ctx.evidence('win.optional-features', /Hyper-V|VirtualMachinePlatform|HypervisorPlatform|DisposableClientVM|"?InstallState"?\s*[:=]\s*1/i, 10))
  if (ctx.probe('win.bcdedit')) evidence.push(ctx.evidence('win.bcdedit', /hypervisorlaunchtype/i))
  if (wsl && wsl.length > 0) evidence.push(ctx.evidence('win.wsl', /DistributionName|Version/i))
  return {
    running: windowsHypervisorPresent(ctx),
    holders,
    launchType: bcd?.launchType ?? null,
    launchTypeExplicit: bcd?.explicit ?? false,
    vbsStatus: dg?.vbsStatus ?? null,
    evidence,
  }
}

export function checkWindowsHypervisor(ctx: CheckContext, guest: GuestFacts): Check {
  if (ctx.platform !== 'win32')
    return skip('windows.hypervisor', L('只适用于 Windows。', 'Applies to Windows only.'))
  const h = windowsHypervisorHolders(ctx)
  const facts = {
    running: h.running,
    holders: h.holders.map((x) => x.id),
    hypervisorLaunchType: h.launchType,
    vbsStatus: h.vbsStatus,
  }
  const details = [
    detail('正在运行', 'Running', h.running === null ? null : h.running ? 'yes' : 'no'),
    detail('由谁启用', 'Turned on by', h.holders.map((x) => x.en).join(', ') || null),
    detail('hypervisorlaunchtype', 'hypervisorlaunchtype', h.launchType ? `${h.launchType}${h.launchTypeExplicit ? '' : ' (default)'}` : null),
  ]
  if (h.running === false)
    return makeCheck('windows.hypervisor', 'pass', {
      summary: L('Windows 自带的虚拟机监控程序没有运行：VMware 可以直接使用 CPU 的 VT-x/AMD-V。', 'Windows’ own hypervisor is not running: VMware can use the CPU’s VT-x/AMD-V directly.'),
      details,
      evidence: h.evidence,
      facts,
    })
  if (h.running === true && guest.isGuest)
    return makeCheck('windows.hypervisor', 'warn', {
      summary: L(
        `检测到的虚拟机监控程序是外层的 ${guest.hypervisor}：这个 Windows 本身就是虚拟机。`,
        `The hypervisor detected is the outer ${guest.hypervisor}: this Windows is itself a virtual machine.`,
      ),
      details,
      evidence: h.evidence,
      fix: [L('见“本机是否为虚拟机”一项。', 'See “Is this computer itself a virtual machine”.')],
      facts,
    })
  if (h.running === true && guest.isGuest === null && h.holders.length === 0)
    return makeCheck('windows.hypervisor', 'warn', {
      // A hypervisor runs, but whose is not known: not reported as Windows' own.
      facts: { ...facts, running: null },
      summary: guest.foreignHypervisor
        ? L(
            '有虚拟机监控程序在运行，但 Hyper-V、虚拟机平台、VBS 都没有开启：它不是 Windows 自己的，本系统很可能是一台虚拟机。',
            'A hypervisor is running although Hyper-V, Virtual Machine Platform and VBS are all off: it is not Windows’ own, so this system is most likely a VM.',
          )
        : L(
            '有虚拟机监控程序在运行：可能是 Windows 自己的（Hyper-V、WSL2、VBS 等），也可能说明本系统是一台虚拟机。',
            'A hypervisor is running: it may be Windows’ own (Hyper-V, WSL2, VBS …), or it may mean this system is itself a VM.',
          ),
      details,
      evidence: h.evidence,
      fix: [
        L('见“本机是否为虚拟机”一项。', 'See “Is this computer itself a virtual machine”.'),
        ...hypervisorFix(h),
      ],
    })
  if (h.running === true) {
    const who = h.holders.length > 0 ? h.holders.map((x) => x.zh).join('、') : '未能确定具体功能'
    const whoEn = h.holders.length > 0 ? h.holders.map((x) => x.en).join(', ') : 'could not tell which feature'
    return makeCheck('windows.hypervisor', 'warn', {
      summary: L(
        `Windows 的虚拟机监控程序正在运行（${who}）。VMware Workstation 15.5.5 及更新版本会改用“主机 VBS 模式”跑在它上面：能用，但更慢，且虚拟机里不能再嵌套虚拟化；更旧的版本会直接报错“与 Device/Credential Guard 不兼容”。`,
        `Windows’ hypervisor is running (${whoEn}). VMware Workstation 15.5.5 and later then run on top of it in “Host VBS mode”: it works, but slower, and without nested virtualization inside VMs; older versions refuse with “not compatible with Device/Credential Guard”.`,
      ),
      details,
      evidence: h.evidence,
      fix: hypervisorFix(h),
      facts,
    })
  }
  if (h.launchType !== null && h.launchTypeExplicit && /^off$/i.test(h.launchType))
    // bcdedit alone: with "Off" the boot loader does not start Windows' hypervisor (nor VBS/HVCI,
    // which need it). Only a restart applies a value set just now, so the summary says so.
    return makeCheck('windows.hypervisor', 'pass', {
      summary: L(
        'bcdedit 显示 hypervisorlaunchtype 为 Off：Windows 启动时不会加载自己的虚拟机监控程序，VMware 可以直接使用 CPU 的 VT-x/AMD-V。如果是刚改成 Off 的，要先重启电脑才生效。',
        'bcdedit shows hypervisorlaunchtype Off: Windows does not load its own hypervisor at boot, so VMware can use the CPU’s VT-x/AMD-V directly. If you set it to Off just now, it takes effect only after a restart.',
      ),
      details,
      evidence: h.evidence,
      facts,
    })
  const launchSummary =
    h.launchType === null
      ? null
      : h.launchTypeExplicit
        ? L(
            `bcdedit 显示 hypervisorlaunchtype 为 ${h.launchType}：只要 Hyper-V、虚拟机平台（WSL2）、Windows 沙盒或“内存完整性”中有一项开着，Windows 启动时就会加载自己的虚拟机监控程序；仅凭这份输出看不出它们是否开着。`,
            `bcdedit shows hypervisorlaunchtype ${h.launchType}: Windows loads its own hypervisor at boot whenever Hyper-V, Virtual Machine Platform (WSL2), Windows Sandbox or Memory integrity is on; this output alone does not say whether any of them is.`,
          )
        : L(
            'bcdedit 里没有 hypervisorlaunchtype 这一行（即默认的 Auto）：只要 Hyper-V、虚拟机平台（WSL2）、Windows 沙盒或“内存完整性”中有一项开着，Windows 启动时就会加载自己的虚拟机监控程序；仅凭这份输出看不出它们是否开着。',
            'bcdedit has no hypervisorlaunchtype line (the default, Auto): Windows loads its own hypervisor at boot whenever Hyper-V, Virtual Machine Platform (WSL2), Windows Sandbox or Memory integrity is on; this output alone does not say whether any of them is.',
          )
  return makeCheck('windows.hypervisor', 'unknown', {
    summary: launchSummary ?? L('无法确定 Windows 的虚拟机监控程序是否在运行。', 'Cannot tell whether Windows’ hypervisor is running.'),
    details,
    evidence: h.evidence.length > 0 ? h.evidence : [ctx.evidence('win.computersystem')],
    fix: [L('以管理员身份打开 PowerShell，运行 Get-CimInstance Win32_ComputerSystem | Select HypervisorPresent 查看。', 'In an administrator PowerShell run Get-CimInstance Win32_ComputerSystem | Select HypervisorPresent.')],
    facts,
  })
}

function hypervisorFix(h: HypervisorHolders) {
  // Steps first; when to leave it on comes last (a first fix must be something to do).
  const steps = [
    L('若想让 VMware 独占 VT-x（更快、支持嵌套）：先确认自己不需要 WSL2、Docker Desktop、Windows 沙盒。', 'To give VMware VT-x to itself (faster, nested virtualization): first make sure you do not need WSL2, Docker Desktop or Windows Sandbox.'),
  ]
  if (h.holders.some((x) => x.id === 'hvci'))
    steps.push(L('Windows 安全中心 → 设备安全性 → 内核隔离 → 关闭“内存完整性”。', 'Windows Security → Device security → Core isolation → turn off “Memory integrity”.'))
  steps.push(
    L(
      '“启用或关闭 Windows 功能”中取消勾选 Hyper-V、虚拟机平台、Windows 虚拟机监控程序平台、Windows 沙盒。',
      'In “Turn Windows features on or off”, untick Hyper-V, Virtual Machine Platform, Windows Hypervisor Platform and Windows Sandbox.',
    ),
    L('以管理员身份运行：bcdedit /set hypervisorlaunchtype off', 'In an administrator prompt run: bcdedit /set hypervisorlaunchtype off'),
    L('重启电脑后重新检测。以后想恢复，运行 bcdedit /set hypervisorlaunchtype auto 并重新勾选这些功能。', 'Restart, then run the check again. To undo later: bcdedit /set hypervisorlaunchtype auto and tick the features again.'),
  )
  if (h.holders.some((x) => x.id === 'credential-guard'))
    steps.push(L('Credential Guard 由学校或公司策略开启时不要自行关闭，请联系管理员。', 'If Credential Guard is set by school or company policy, do not turn it off yourself: ask the administrator.'))
  steps.push(L('如果实验能正常进行（只是慢一些），也可以保持现状：用 Workstation 17 或更新版本即可。', 'If the labs work (just slower), you may also leave it on: use Workstation 17 or newer.'))
  return steps
}
