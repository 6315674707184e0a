import type { Localized } from '../i18n/locale'
import type { CheckId, FirmwareGuide, HostReport } from './report'

/**
 * The whole next action for one machine, from its report: what the verdict card shows (title,
 * ordered steps, a command to copy, whether it needs an administrator or a restart, and when to
 * leave things as they are) and the one-line `verdict.firstFix`. Pure: report in, words out.
 */
export interface NextAction {
  readonly kind: 'firmware' | 'windows-hypervisor' | 'guest' | 'other'
  readonly checkId: CheckId | null
  readonly title: Localized
  /** The whole action in one line (what `verdict.firstFix` carries). */
  readonly line: Localized
  readonly steps: readonly Localized[]
  /** A command to copy, when the action has one. */
  readonly command: string | null
  readonly needsAdmin: boolean
  readonly needsRestart: boolean
  /** When it is fine to leave things as they are. */
  readonly keepWhen: Localized | null
  /** A side note (e.g. how to reach the firmware when the key is hard to catch). */
  readonly note: Localized | null
}

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en })

const BRAND_NAMES: Record<string, Localized> = {
  'Lenovo ThinkPad': L('联想 ThinkPad', 'Lenovo ThinkPad'),
  Lenovo: L('联想', 'Lenovo'),
  HP: L('惠普', 'HP'),
  Dell: L('戴尔', 'Dell'),
  ASUS: L('华硕', 'ASUS'),
  Acer: L('宏碁', 'Acer'),
  Huawei: L('华为', 'Huawei'),
  Honor: L('荣耀', 'Honor'),
  'Xiaomi / Redmi': L('小米 / 红米', 'Xiaomi / Redmi'),
  MSI: L('微星', 'MSI'),
  'Microsoft Surface': L('微软 Surface', 'Microsoft Surface'),
  Generic: L('这台电脑', 'This computer'),
}

/** A key as a person reads it ("Novo" is a pin-hole button on Lenovo laptops). */
export function keyName(key: string): Localized {
  if (/^novo( button)?$/i.test(key)) return L('Novo 键', 'the Novo button')
  if (/^volume up \+ power$/i.test(key)) return L('音量加键 + 电源键', 'Volume Up + Power')
  return L(key, key)
}

export function brandName(guide: FirmwareGuide): Localized {
  return BRAND_NAMES[guide.brand] ?? L(guide.brand, guide.brand)
}

/** "F2（部分机型 Fn+F2 或 Novo 键）" / "F2 (on some models Fn+F2 or the Novo button)". */
export function keysText(guide: FirmwareGuide): Localized {
  if (guide.brand === 'Generic') {
    const all = joinOr(guide.keys.map(keyName))
    return L(`${all['zh-CN']}（看开机画面上的提示）`, `${all.en} (the power-on screen names it)`)
  }
  const [first, ...rest] = guide.keys.map(keyName)
  if (!first) return L('开机画面提示的按键', 'the key the power-on screen names')
  if (rest.length === 0) return first
  const zhRest = rest.length === 1 ? rest[0]!['zh-CN'] : `${rest.slice(0, -1).map((k) => k['zh-CN']).join('、')} 或 ${rest.at(-1)!['zh-CN']}`
  const enRest = rest.length === 1 ? rest[0]!.en : `${rest.slice(0, -1).map((k) => k.en).join(', ')} or ${rest.at(-1)!.en}`
  return L(`${first['zh-CN']}（部分机型 ${zhRest}）`, `${first.en} (on some models ${enRest})`)
}

function joinOr(keys: Localized[]): Localized {
  if (keys.length <= 1) return keys[0] ?? L('', '')
  return L(
    `${keys.slice(0, -1).map((k) => k['zh-CN']).join('、')} 或 ${keys.at(-1)!['zh-CN']}`,
    `${keys.slice(0, -1).map((k) => k.en).join(', ')} or ${keys.at(-1)!.en}`,
  )
}

const SURFACE = 'Microsoft Surface'

/** The last step, back in the system the report came from ("Windows" unless it says otherwise). */
function backIn(os: string | undefined): Localized {
  if (/linux/i.test(os ?? ''))
    return L('回到 Linux 后再运行一次 kvm-ok，或打开本应用点“重新检测”。', 'Back in Linux, run kvm-ok again, or open this app and choose “Check again”.')
  if (/mac|darwin/i.test(os ?? '')) return L('回到 macOS 后打开本应用，点“重新检测”。', 'Back in macOS, open this app and choose “Check again”.')
  return L('回到 Windows 后打开本应用，点“重新检测”。', 'Back in Windows, open this app and choose “Check again”.')
}

export function firmwareAction(guide: FirmwareGuide, os?: string): NextAction {
  const brand = brandName(guide)
  const keys = keysText(guide)
  const save = guide.brand === SURFACE ? L('保存并重启', 'save and restart') : L('按 F10 保存并退出', 'press F10 to save and exit')
  // A known maker names itself in the title; "这台电脑" would only repeat the obvious (and, for pasted output, be wrong).
  const title = guide.brand === 'Generic' ? L('在 BIOS/UEFI 中打开虚拟化', 'Turn virtualization on in BIOS/UEFI') : L(`在 BIOS/UEFI 中打开虚拟化（${brand['zh-CN']}）`, `Turn virtualization on in BIOS/UEFI (${brand.en})`)
  return {
    kind: 'firmware',
    checkId: 'firmware.vt-enabled',
    title,
    line: L(
      `${guide.brand === 'Generic' ? '' : `${brand['zh-CN']}：`}开机时按 ${keys['zh-CN']} → ${guide.menuPath['zh-CN']} → Enabled → ${save['zh-CN']}，然后重新检测。`,
      guide.brand === 'Generic'
        ? `Press ${keys.en} at power-on → ${guide.menuPath.en} → Enabled → ${save.en}, then check again.`
        : `${brand.en}: press ${keys.en} at power-on → ${guide.menuPath.en} → Enabled → ${save.en}, then check again.`,
    ),
    steps: [
      L(`保存手头的文件，重启电脑；屏幕一亮就连续按 ${keys['zh-CN']}，进入 BIOS/UEFI 设置。`, `Save your work and restart; as soon as the screen lights up, tap ${keys.en} to enter BIOS/UEFI setup.`),
      L(`找到 ${guide.menuPath['zh-CN']}（选项可能叫 ${guide.settingNames.join(' / ')}）。`, `Go to ${guide.menuPath.en} (the setting may be called ${guide.settingNames.join(' / ')}).`),
      L(`把它改为 Enabled，${save['zh-CN']}。`, `Set it to Enabled and ${save.en}.`),
      backIn(os),
    ],
    command: null,
    needsAdmin: false,
    needsRestart: true,
    keepWhen: null,
    note: guide.note,
  }
}

/** What holds Windows' hypervisor, as the windows.hypervisor check's facts name it. */
const HOLDER_NAMES: Record<string, Localized> = {
  'Microsoft-Hyper-V-All': L('Hyper-V', 'Hyper-V'),
  'Microsoft-Hyper-V': L('Hyper-V', 'Hyper-V'),
  'Microsoft-Hyper-V-Hypervisor': L('Hyper-V', 'Hyper-V'),
  VirtualMachinePlatform: L('虚拟机平台', 'Virtual Machine Platform'),
  HypervisorPlatform: L('Windows 虚拟机监控程序平台', 'Windows Hypervisor Platform'),
  'Containers-DisposableClientVM': L('Windows 沙盒', 'Windows Sandbox'),
  vbs: L('基于虚拟化的安全（VBS）', 'Virtualization-based security (VBS)'),
  hvci: L('内存完整性', 'Memory integrity'),
  'credential-guard': L('Credential Guard（凭据保护）', 'Credential Guard'),
  wsl2: L('WSL2', 'WSL2'),
}
const FEATURE_IDS = ['Microsoft-Hyper-V-All', 'Microsoft-Hyper-V', 'Microsoft-Hyper-V-Hypervisor', 'VirtualMachinePlatform', 'HypervisorPlatform', 'Containers-DisposableClientVM']
export const HYPERVISOR_OFF_COMMAND = 'bcdedit /set hypervisorlaunchtype off'

/** A name inside Chinese text: a space only on a side where it meets a Latin letter (“由 Hyper-V 开启”, “由基于虚拟化的安全（VBS）开启”). */
function padLatin(name: string): string {
  return `${/^[\x21-\x7e]/.test(name) ? ' ' : ''}${name}${/[\x21-\x7e]$/.test(name) ? ' ' : ''}`
}

function joinNames(names: Localized[]): Localized {
  return L(names.map((n) => n['zh-CN']).join('、'), names.map((n) => n.en).join(', '))
}

export function hypervisorAction(holderIds: readonly string[]): NextAction {
  const names: Localized[] = []
  for (const id of holderIds) {
    const name = HOLDER_NAMES[id]
    if (name && !names.some((n) => n.en === name.en)) names.push(name)
  }
  const who = names.length > 0 ? joinNames(names) : null
  const features = [...new Set(holderIds.filter((id) => FEATURE_IDS.includes(id)).map((id) => HOLDER_NAMES[id]!))].filter(
    (n, i, all) => all.findIndex((m) => m.en === n.en) === i,
  )
  const steps: Localized[] = []
  if (holderIds.includes('hvci'))
    steps.push(L('打开“Windows 安全中心”→ 设备安全性 → 内核隔离，把“内存完整性”切换为“关”。', 'Open Windows Security → Device security → Core isolation and switch “Memory integrity” Off.'))
  if (features.length > 0) {
    const list = joinNames(features)
    steps.push(L(`按 Win+R 输入 optionalfeatures 回车，在“启用或关闭 Windows 功能”中取消勾选：${list['zh-CN']}。`, `Press Win+R, type optionalfeatures and press Enter; in “Turn Windows features on or off” untick: ${list.en}.`))
  }
  steps.push(
    L(`右键“开始”按钮 →“终端(管理员)”，运行下面的命令。`, 'Right-click Start → “Terminal (Admin)” and run the command below.'),
    L('重启电脑，再回到这里点“重新检测”。想恢复时运行 bcdedit /set hypervisorlaunchtype auto 并重新打开这些功能。', 'Restart, then come back and choose “Check again”. To undo later, run bcdedit /set hypervisorlaunchtype auto and turn the features back on.'),
  )
  const first = holderIds.includes('hvci')
    ? L('在 Windows 安全中心 → 设备安全性 → 内核隔离中关闭“内存完整性”', 'turn off “Memory integrity” under Windows Security → Device security → Core isolation')
    : features.length > 0
      ? L(`在“启用或关闭 Windows 功能”中取消勾选 ${joinNames(features)['zh-CN']}`, `untick ${joinNames(features).en} in “Turn Windows features on or off”`)
      : L('关闭占用它的 Windows 功能', 'turn off the Windows feature that holds it')
  return {
    kind: 'windows-hypervisor',
    checkId: 'windows.hypervisor',
    title: who
      ? L(`让 VMware 独占 VT-x：关闭 Windows 的虚拟机监控程序（由${padLatin(who['zh-CN'])}开启）`, `Give VT-x to VMware: turn off Windows’ hypervisor (turned on by ${who.en})`)
      : L('让 VMware 独占 VT-x：关闭 Windows 的虚拟机监控程序', 'Give VT-x to VMware: turn off Windows’ hypervisor'),
    line: who
      ? L(
          `Windows 的虚拟机监控程序由${padLatin(who['zh-CN'])}开启：${first['zh-CN']}，再以管理员身份运行 ${HYPERVISOR_OFF_COMMAND}，重启后重新检测。`,
          `Windows’ hypervisor is turned on by ${who.en}: ${first.en}, then run ${HYPERVISOR_OFF_COMMAND} as administrator, restart and check again.`,
        )
      : L(
          `Windows 的虚拟机监控程序正在运行：以管理员身份运行 ${HYPERVISOR_OFF_COMMAND}，重启后重新检测（若 Hyper-V 等功能仍开着，先在“启用或关闭 Windows 功能”中取消勾选）。`,
          `Windows’ hypervisor is running: run ${HYPERVISOR_OFF_COMMAND} as administrator, restart and check again (if Hyper-V or similar features are still on, untick them in “Turn Windows features on or off” first).`,
        ),
    steps,
    command: HYPERVISOR_OFF_COMMAND,
    needsAdmin: true,
    needsRestart: true,
    keepWhen: L(
      '如果你要用 WSL2、Docker Desktop 或 Windows 沙盒，或者内存完整性、Credential Guard 是学校或公司的策略要求的，就保持开启：Workstation 17 会在它之上运行（主机 VBS 模式），实验照样能做，只是慢一些，虚拟机里也不能再嵌套虚拟化。',
      'Leave it on if you need WSL2, Docker Desktop or Windows Sandbox, or if Memory integrity or Credential Guard is required by your school’s or company’s policy: Workstation 17 then runs on top of it (Host VBS mode) — the labs still work, only slower, and without nested virtualization inside VMs.',
    ),
    note: null,
  }
}

interface OuterFix {
  match: RegExp
  step: Localized
  command: string | null
}
const OUTER: OuterFix[] = [
  {
    match: /vmware/i,
    step: L('在外层的 VMware 中关闭这台虚拟机，打开“虚拟机设置 → 处理器”，勾选“虚拟化 Intel VT-x/EPT 或 AMD-V/RVI”。', 'In the outer VMware, power this VM off, open VM Settings → Processors and tick “Virtualize Intel VT-x/EPT or AMD-V/RVI”.'),
    command: null,
  },
  {
    match: /virtualbox|oracle/i,
    step: L('关闭这台虚拟机，在外层电脑的终端运行下面的命令（把“虚拟机名”换成它在 VirtualBox 里的名字）。', 'Power this VM off and run the command below on the outer computer (use the VM’s name in VirtualBox).'),
    command: 'VBoxManage modifyvm "虚拟机名" --nested-hw-virt on',
  },
  {
    match: /hyper-?v|microsoft/i,
    step: L('关闭这台虚拟机，在外层 Windows 的管理员 PowerShell 中运行下面的命令（把“虚拟机名”换成它在 Hyper-V 管理器里的名字）。', 'Power this VM off and run the command below in an administrator PowerShell on the outer Windows (use the VM’s name in Hyper-V Manager).'),
    command: 'Set-VMProcessor -VMName "虚拟机名" -ExposeVirtualizationExtensions $true',
  },
  {
    match: /parallels/i,
    step: L('关闭这台虚拟机，在 Parallels 的“配置 → 硬件 → CPU 与内存 → 高级”中打开“启用嵌套虚拟化”。', 'Power this VM off and turn on “Enable nested virtualization” under Configure → Hardware → CPU & Memory → Advanced in Parallels.'),
    command: null,
  },
  {
    match: /kvm|qemu/i,
    step: L('关闭这台虚拟机，在外层的 virt-manager 里把它的 CPU 配置设为“host-passthrough”（复制主机 CPU 配置），并确认外层主机开启了 kvm 的嵌套参数（nested=1）。', 'Power this VM off, set its CPU model to “host-passthrough” in the outer virt-manager, and make sure the outer host has KVM nesting on (nested=1).'),
    command: null,
  },
]

export function guestAction(named: string | null): NextAction {
  // "unknown hypervisor" is the fact value for a guest known only by its CPUID flag: no name to use
  // (and the word "hypervisor" must not be matched as Hyper-V).
  const outer = named === 'unknown hypervisor' ? null : named
  const name = outer ?? L('外层虚拟化软件', 'the outer hypervisor')['zh-CN']
  const nameEn = outer ?? 'the outer hypervisor'
  const fix = OUTER.find((o) => outer !== null && o.match.test(outer))
  const step = fix?.step ?? L('关闭这台虚拟机，在外层虚拟化软件的处理器设置中打开“嵌套虚拟化”（把 VT-x/AMD-V 传给虚拟机）。', 'Power this VM off and turn on nested virtualization (pass VT-x/AMD-V through) in the outer hypervisor’s processor settings.')
  return {
    kind: 'guest',
    checkId: 'host.virtual-machine',
    title: L(`这台电脑本身是虚拟机：在外层（${name}）打开嵌套虚拟化`, `This computer is itself a VM: turn on nested virtualization in the outer ${nameEn}`),
    line: L(`本系统运行在${outer ? ` ${outer} ` : name}里：${step['zh-CN']}然后开机重新检测。`, `This system runs inside ${nameEn}: ${step.en} Then start it and check again.`),
    steps: [step, L('启动这台虚拟机，回到这里点“重新检测”。', 'Start this VM and choose “Check again” here.')],
    command: fix?.command ?? null,
    needsAdmin: fix?.command !== null && fix?.command !== undefined,
    needsRestart: true,
    keepWhen: L('最省事的做法：直接在自己的实体电脑上做 VMware 实验。', 'The simplest way: do the VMware labs on your own physical computer.'),
    note: null,
  }
}

/** The next action for this report, or null when nothing needs doing. */
export function nextAction(report: Pick<HostReport, 'verdict' | 'checks' | 'firmwareGuide' | 'position'> & { host?: Pick<HostReport['host'], 'os'> }): NextAction | null {
  const { verdict } = report
  const id = verdict.firstFixCheck
  if (!id || !verdict.firstFix) return null
  const check = report.checks.find((c) => c.id === id)
  if (id === 'firmware.vt-enabled' && report.firmwareGuide && !report.position.isGuest) return firmwareAction(report.firmwareGuide, report.host?.os)
  if ((id === 'host.virtual-machine' || (id === 'cpu.vt-extensions' && report.position.isGuest)) && report.position.isGuest)
    return guestAction(report.position.outerHypervisor)
  if (id === 'windows.hypervisor' && check?.facts.running === true && !report.position.isGuest) {
    const holders = Array.isArray(check.facts.holders) ? check.facts.holders.filter((h): h is string => typeof h === 'string') : []
    return hypervisorAction(holders)
  }
  return {
    kind: 'other',
    checkId: id,
    title: check?.title ?? L('先做这一步', 'Do this first'),
    line: verdict.firstFix,
    steps: check && check.fix.length > 0 ? check.fix : [verdict.firstFix],
    command: null,
    needsAdmin: false,
    needsRestart: false,
    keepWhen: null,
    note: null,
  }
}
