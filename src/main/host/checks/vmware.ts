import type { Localized } from '../../../shared/i18n/locale'
import type { Check, CheckStatus, Detail, Evidence, FactValue } from '../../../shared/host/report'
import type { CheckContext } from '../context'
import type { HostInterface } from '../interpret/linux'
import { parsePowerShellObjects, propString } from '../interpret/powershell-output'
import {
  basenameOf,
  BUILD_17_0_0,
  hostInSubnet,
  ipInRange,
  ipInSubnet,
  maskFromPrefix,
  networkOf,
  parseDhcpConf,
  parseDhcpLeases,
  parseGuestIp,
  parseIpAddrText,
  parseLinuxNetworking,
  parseLinuxVmwareConfig,
  parseNatConf,
  parsePing,
  parseProductVersion,
  parseToolsState,
  parseVmdkDescriptor,
  parseVmrunList,
  parseVmwareV,
  parseVmx,
  pathKey,
  prefixFromMask,
  resolveBesideVmx,
  vmSettings,
  type DhcpConf,
  type NatConf,
  type VmSettings,
  type VmwareProduct,
} from '../interpret/vmware'
import { detail, L, makeCheck, skip } from './build'
import { vmLogFact } from '../extra-evidence'

type Facts = Record<string, FactValue>
type ProbeState = 'read' | 'missing' | 'failed' | 'absent'

function probeState(ctx: CheckContext, id: string): ProbeState {
  const result = ctx.probe(id)
  if (!result) return 'absent'
  if (result.ok) return 'read'
  if (result.error.kind === 'missing') return 'missing'
  return result.error.kind === 'skipped' ? 'absent' : 'failed'
}

const WORST: readonly CheckStatus[] = ['pass', 'skip', 'todo', 'unknown', 'warn', 'fail']
function worse(a: CheckStatus, b: CheckStatus): CheckStatus {
  return WORST.indexOf(b) > WORST.indexOf(a) ? b : a
}

interface Issue {
  status: 'warn' | 'fail' | 'unknown'
  summary: Localized
  fix: Localized[]
}

function fromIssues(issues: Issue[]): { status: CheckStatus; summary: Localized | null; fix: Localized[] } {
  let status: CheckStatus = 'pass'
  for (const issue of issues) status = worse(status, issue.status)
  const first = issues.find((i) => i.status === status) ?? issues[0]
  const fix: Localized[] = []
  const seen = new Set<string>()
  // The worst issue's steps first, then the others', without repeating a step.
  for (const issue of [...issues.filter((i) => i.status === status), ...issues.filter((i) => i.status !== status)])
    for (const step of issue.fix)
      if (!seen.has(step.en)) {
        seen.add(step.en)
        fix.push(step)
      }
  return { status, summary: first ? first.summary : null, fix }
}

// -----------------------------------------------------------------------------------------------
// Fix steps (our own words)

const FIX_INSTALL: Localized[] = [
  L(
    '打开 Broadcom 支持门户（support.broadcom.com），注册一个免费的 Broadcom 账号并登录。',
    'Open the Broadcom support portal (support.broadcom.com), register a free Broadcom account and sign in.',
  ),
  L(
    '在“My Downloads”中找到 VMware Workstation Pro，下载最新版本的 Windows 或 Linux 安装包。自 17.6.2（2024 年 11 月）起它对所有用途免费，不需要许可证密钥。',
    'Under “My Downloads”, find VMware Workstation Pro and download the newest installer for Windows or Linux. Since 17.6.2 (November 2024) it is free for all use; no licence key is needed.',
  ),
  L(
    'Windows：右键安装程序选择“以管理员身份运行”，按默认选项完成安装。Linux：在终端运行 sudo sh VMware-Workstation-*.bundle。',
    'Windows: right-click the installer, choose “Run as administrator” and accept the defaults. Linux: run sudo sh VMware-Workstation-*.bundle in a terminal.',
  ),
  L('安装结束后重启电脑，再回到这里点击“重新检测”。', 'Restart the computer when the installer finishes, then come back and run the check again.'),
]

const FIX_UPGRADE: Localized[] = [
  L(
    '这个版本仍可使用，但课程按 Workstation 17 及之后的版本（含 25H2 等按年份命名的版本）编写，菜单和默认设置可能与讲义不同。',
    'This version still works, but the course is written for Workstation 17 and later (including calendar releases such as 25H2); menus and defaults may differ from the handouts.',
  ),
  L(
    '建议从 Broadcom 支持门户下载最新的 Workstation Pro 覆盖安装（已有虚拟机会保留），安装后重启电脑。',
    'We recommend installing the newest Workstation Pro from the Broadcom support portal over the old one (your VMs are kept), then restarting.',
  ),
]

const FIX_VERSION_UNKNOWN: Localized[] = [
  L(
    '打开 VMware Workstation，在“帮助 → 关于 VMware Workstation”中查看版本号。',
    'Open VMware Workstation and look up the version under Help → About VMware Workstation.',
  ),
  L(
    '如果程序无法启动，请从 Broadcom 支持门户重新下载安装包，用“修复”或覆盖安装。',
    'If it does not start, download the installer again from the Broadcom support portal and repair or reinstall.',
  ),
]

const NEEDS_INSTALL: Localized[] = [
  L('实验 1“安装 VMware Workstation Pro”会带你装好 Workstation，它的服务和虚拟网络也随之就位；装好后重新检测。', 'Lab 1 (Install VMware Workstation Pro) walks you through installing Workstation, which brings its services and virtual networks; run the check again afterwards.'),
]
const TODO_INSTALL: Localized[] = [L('在实验 1“安装 VMware Workstation Pro”中按步骤安装，然后重新检测。', 'Install it step by step in Lab 1 (Install VMware Workstation Pro), then run the check again.'), ...FIX_INSTALL]

const FIX_WIN_SERVICES: Localized[] = [
  L(
    '按 Win+R，输入 services.msc 回车；找到 VMware NAT Service、VMware DHCP Service 和 VMware Authorization Service，右键选择“启动”，并把“启动类型”改为“自动”。',
    'Press Win+R, type services.msc and press Enter; find VMware NAT Service, VMware DHCP Service and VMware Authorization Service, right-click each and choose Start, and set Startup type to Automatic.',
  ),
  L(
    '也可以在“以管理员身份运行”的命令提示符中执行：net start VMAuthdService、net start VMnetDHCP、net start "VMware NAT Service"。',
    'Or, in a Command Prompt opened with “Run as administrator”: net start VMAuthdService, net start VMnetDHCP, net start "VMware NAT Service".',
  ),
  L(
    '服务无法启动或根本不存在时：在 Workstation 中打开“编辑 → 虚拟网络编辑器”，点“更改设置”，再点“还原默认设置”；仍不行就运行安装程序选择“修复”，然后重启。',
    'If a service will not start or does not exist: in Workstation open Edit → Virtual Network Editor, click Change Settings, then Restore Defaults; if that does not help, run the installer, choose Repair, and restart.',
  ),
]

const FIX_LINUX_MODULES: Localized[] = [
  L(
    '安装编译工具和与当前内核一致的头文件（例如 Ubuntu：sudo apt install build-essential linux-headers-$(uname -r)；Fedora：sudo dnf install gcc make kernel-devel-$(uname -r)）。',
    'Install the build tools and the headers for the running kernel (e.g. Ubuntu: sudo apt install build-essential linux-headers-$(uname -r); Fedora: sudo dnf install gcc make kernel-devel-$(uname -r)).',
  ),
  L('运行 sudo vmware-modconfig --console --install-all 编译并加载 vmmon 和 vmnet 模块。', 'Run sudo vmware-modconfig --console --install-all to build and load the vmmon and vmnet modules.'),
  L(
    '如果提示“Operation not permitted”，说明开启了安全启动（Secure Boot）：需要用自己的密钥给 vmmon、vmnet 签名，用 sudo mokutil --import 登记密钥并重启确认；或者在固件中关闭安全启动。',
    'If it says “Operation not permitted”, Secure Boot is on: sign vmmon and vmnet with your own key, enrol the key with sudo mokutil --import and confirm it after a reboot — or turn Secure Boot off in the firmware.',
  ),
  L('每次内核升级后都要重新编译模块；完成后运行 sudo systemctl restart vmware，再重新检测。', 'Rebuild the modules after every kernel update; then run sudo systemctl restart vmware and check again.'),
]

const FIX_LINUX_NETWORKS: Localized[] = [
  L('运行 sudo vmware-networks --start 启动虚拟网络，再用 sudo vmware-networks --status 确认都在运行。', 'Run sudo vmware-networks --start, then sudo vmware-networks --status to confirm everything is running.'),
  L(
    '如果 vmnet8 仍然不存在：运行 sudo vmware-netcfg，在虚拟网络编辑器中点“还原默认设置”；或者 sudo systemctl restart vmware。',
    'If vmnet8 is still missing: run sudo vmware-netcfg and click Restore Defaults in the Virtual Network Editor, or run sudo systemctl restart vmware.',
  ),
]

const FIX_WIN_VMNET8_MISSING: Localized[] = [
  L(
    '在 Workstation 中打开“编辑 → 虚拟网络编辑器”，点“更改设置”（需要管理员权限），看列表里有没有 VMnet8（NAT 模式）；没有就点“还原默认设置”。',
    'In Workstation open Edit → Virtual Network Editor, click Change Settings (administrator), and look for VMnet8 (NAT); if it is not there, click Restore Defaults.',
  ),
  L(
    '如果还原后主机上仍然没有“VMware Network Adapter VMnet8”：在“控制面板 → 程序和功能”中选中 VMware Workstation，点“更改”，选择“修复”，完成后重启电脑。',
    'If “VMware Network Adapter VMnet8” is still missing afterwards: in Control Panel → Programs and Features select VMware Workstation, click Change, choose Repair, and restart when it finishes.',
  ),
]

const FIX_WIN_ADAPTER_DISABLED: Localized[] = [
  L(
    '按 Win+R，输入 ncpa.cpl 回车，右键“VMware Network Adapter VMnet8”（或 VMnet1），选择“启用”。',
    'Press Win+R, type ncpa.cpl and press Enter, right-click “VMware Network Adapter VMnet8” (or VMnet1) and choose Enable.',
  ),
  L('再在该网卡的“属性”里确认勾选了“Internet 协议版本 4 (TCP/IPv4)”。', 'In that adapter’s Properties, make sure “Internet Protocol Version 4 (TCP/IPv4)” is ticked.'),
]

const FIX_RESTORE_NETWORKS: Localized[] = [
  L(
    '在 Workstation 中打开“编辑 → 虚拟网络编辑器”，点“更改设置”，选中 VMnet8：确认“子网 IP”正确、勾选了“将主机虚拟适配器连接到此网络”，必要时点“还原默认设置”。',
    'In Workstation open Edit → Virtual Network Editor, click Change Settings and select VMnet8: check the Subnet IP, tick “Connect a host virtual adapter to this network”, and click Restore Defaults if needed.',
  ),
]

const FIX_NAT_GATEWAY: Localized[] = [
  L(
    '在虚拟网络编辑器中选中 VMnet8，点“NAT 设置”，把“网关 IP”设为子网的 .2（例如 192.168.x.2），确定后保存。',
    'In the Virtual Network Editor select VMnet8, click NAT Settings, set Gateway IP to the subnet’s .2 (e.g. 192.168.x.2) and save.',
  ),
  L(
    '给虚拟机配静态 IP 时，网关和 DNS 都要填这个 NAT 网关地址，而不是 .1（.1 是主机自己的网卡）。',
    'When you give a VM a static IP, use this NAT gateway as both gateway and DNS — not .1, which is the host’s own adapter.',
  ),
]

const FIX_CREATE_VM: Localized[] = [
  L(
    '在 Workstation 中选择“文件 → 新建虚拟机”，用“典型”向导创建课程要求的虚拟机（网络默认就是 NAT）。',
    'In Workstation choose File → New Virtual Machine and create the VM the course asks for with the Typical wizard (NAT is the default network).',
  ),
  L(
    '如果虚拟机已经放在别的文件夹，用“文件 → 打开”选中它的 .vmx 文件，它就会出现在库里，这里也就能找到。',
    'If your VM lives in another folder, open its .vmx with File → Open so it appears in the library — and here.',
  ),
]

const FIX_POWER_ON: Localized[] = [
  L('在 Workstation 中选中虚拟机，点“开启此虚拟机”（或按 Ctrl+B），等客户机启动完成后重新检测。', 'In Workstation select your VM and click “Power on this virtual machine” (or press Ctrl+B); check again once the guest has booted.'),
]

const FIX_TOOLS: Localized[] = [
  L(
    'Linux 客户机：安装并启用 open-vm-tools（CentOS/Rocky：sudo yum install -y open-vm-tools；Ubuntu：sudo apt install -y open-vm-tools-desktop），再运行 sudo systemctl enable --now vmtoolsd。',
    'Linux guest: install and enable open-vm-tools (CentOS/Rocky: sudo yum install -y open-vm-tools; Ubuntu: sudo apt install -y open-vm-tools-desktop), then sudo systemctl enable --now vmtoolsd.',
  ),
  L('Windows 客户机：在 Workstation 菜单选择“虚拟机 → 安装 VMware Tools”，按提示安装后重启客户机。', 'Windows guest: choose VM → Install VMware Tools in Workstation, run the installer in the guest and restart it.'),
]

const FIX_GUEST_NETWORK: Localized[] = [
  L(
    '在“虚拟机 → 设置 → 网络适配器”中确认选了“NAT 模式”并勾选“已连接”。',
    'In VM → Settings → Network Adapter, make sure “NAT” is selected and “Connected” is ticked.',
  ),
  L(
    'CentOS 7 最小安装默认不联网：编辑 /etc/sysconfig/network-scripts/ifcfg-ens33，设置 ONBOOT=yes、BOOTPROTO=dhcp，然后 sudo systemctl restart network。',
    'A minimal CentOS 7 install starts without network: edit /etc/sysconfig/network-scripts/ifcfg-ens33, set ONBOOT=yes and BOOTPROTO=dhcp, then sudo systemctl restart network.',
  ),
  L(
    '如果用静态 IP：地址要在 VMnet8 的子网内，网关和 DNS 填 NAT 网关（.2）。',
    'With a static IP, the address must be inside VMnet8’s subnet and the gateway and DNS must be the NAT gateway (.2).',
  ),
]

// -----------------------------------------------------------------------------------------------
// Installation

interface Install {
  state: 'yes' | 'no' | 'unknown'
  product: VmwareProduct | null
  version: string | null
  build: number | null
  major: number | null
  installPath: string | null
  /** Why the state is unknown (a probe's failure), or notes on where the answer came from. */
  reason: string
  evidence: Evidence[]
}

function detectInstall(ctx: CheckContext): Install {
  const base = { product: null, version: null, build: null, major: null, installPath: null }
  if (ctx.platform === 'win32') {
    const reg = ctx.winVmwareRegistry()
    const regState = probeState(ctx, 'win.vmware-registry')
    const unState = probeState(ctx, 'win.uninstall')
    const entry = (ctx.winUninstall() ?? []).find((e) => /VMware (Workstation|Player)/i.test(e.displayName)) ?? null
    const evidence: Evidence[] = []
    if (regState !== 'absent') evidence.push(ctx.evidence('win.vmware-registry', /InstallPath|ProductVersion|ProductName/i))
    if (entry || unState !== 'read') evidence.push(ctx.evidence('win.uninstall', /VMware/i))
    if ((reg && (reg.installPath || reg.productVersion)) || entry) {
      const parsed = parseProductVersion(reg?.productVersion) ?? parseProductVersion(entry?.displayVersion)
      // The probe reads the Workstation and the Player keys (each record names its `Key`); a Workstation
      // install may also write a Player key, so it is Player only when no Workstation key has data.
      const keys = parsePowerShellObjects(ctx.text('win.vmware-registry') ?? '')
        .filter((r) => propString(r, 'InstallPath') || propString(r, 'ProductVersion'))
        .map((r) => propString(r, 'Key') ?? '')
      const playerOnly = keys.length > 0 && keys.every((k) => /VMware Player\s*$/i.test(k))
      const player =
        playerOnly ||
        /player/i.test(reg?.productName ?? '') ||
        (keys.length === 0 && entry !== null && /Player/i.test(entry.displayName) && !/Workstation/i.test(entry.displayName))
      return {
        state: 'yes',
        product: player ? 'workstation-player' : 'workstation-pro',
        version: parsed?.version ?? null,
        build: parsed?.build ?? null,
        major: parsed?.major ?? null,
        installPath: reg?.installPath ?? null,
        reason: reg ? 'registry' : 'uninstall entry',
        evidence,
      }
    }
    const regSaysNo = regState === 'read' || regState === 'missing'
    const unSaysNo = unState === 'read'
    if (regSaysNo || unSaysNo) {
      if (regState === 'failed' && unState !== 'read') return { state: 'unknown', ...base, reason: ctx.failure('win.vmware-registry'), evidence }
      return { state: 'no', ...base, reason: '', evidence }
    }
    const reason = regState === 'failed' ? ctx.failure('win.vmware-registry') : ctx.failure('win.uninstall')
    return { state: 'unknown', ...base, reason, evidence }
  }

  // Linux
  const vState = probeState(ctx, 'vmware.version')
  const v = ctx.text('vmware.version') !== null ? parseVmwareV(ctx.text('vmware.version') ?? '') : null
  const config = ctx.text('vmware.linux-config') !== null ? parseLinuxVmwareConfig(ctx.text('vmware.linux-config') ?? '') : null
  const evidence: Evidence[] = [ctx.evidence('vmware.version', /VMware|error|not found/i)]
  if (probeState(ctx, 'vmware.linux-config') === 'read') evidence.push(ctx.evidence('vmware.linux-config', /product\.(version|buildNumber|name)/i))
  const found = v ?? config
  if (found) {
    return {
      state: 'yes',
      product: found.product,
      version: found.version,
      build: found.build,
      major: found.major,
      installPath: '/usr/lib/vmware',
      reason: v ? 'vmware -v' : '/etc/vmware/config',
      evidence,
    }
  }
  if (vState === 'read' && /vmware/i.test(ctx.text('vmware.version') ?? ''))
    return { state: 'yes', ...base, product: 'workstation-pro', installPath: '/usr/lib/vmware', reason: 'vmware -v (no version)', evidence }
  // Only `vmware -v` itself can say "not installed": checks also run on partial captures while probes are pending.
  if (vState === 'missing') return { state: 'no', ...base, reason: '', evidence }
  return { state: 'unknown', ...base, reason: ctx.failure('vmware.version'), evidence }
}

function installedFacts(install: Install): Facts {
  return {
    installed: install.state === 'yes',
    product: install.product,
    version: install.version,
    build: install.build,
    installPath: install.installPath,
  }
}

function installedCheck(ctx: CheckContext, install: Install): Check {
  const facts = installedFacts(install)
  const details: Detail[] = [
    detail('产品', 'Product', install.product),
    detail('版本', 'Version', install.version),
    detail('内部版本号', 'Build', install.build),
    detail('安装位置', 'Install path', install.installPath),
  ]
  if (install.state === 'no') {
    const leftovers = ctx.platform === 'linux' && probeState(ctx, 'vmware.linux-networking') === 'read'
    return makeCheck('vmware.installed', leftovers ? 'fail' : 'todo', {
      summary: leftovers
        ? L(
            '没有找到 vmware 命令，但 /etc/vmware 里还留有旧的配置：Workstation 没有装好或已被卸载。',
            'The vmware command was not found, though /etc/vmware still holds old settings: Workstation is not (or no longer) installed.',
          )
        : L('还没有安装 VMware Workstation Pro——实验 1 会安装它。', 'VMware Workstation Pro is not installed yet — Lab 1 installs it.'),
      details,
      evidence: install.evidence,
      fix: leftovers ? FIX_INSTALL : TODO_INSTALL,
      facts,
    })
  }
  if (install.state === 'unknown') {
    return makeCheck('vmware.installed', 'unknown', {
      summary: L(
        `无法判断是否安装了 VMware Workstation（${install.reason}）。`,
        `Could not tell whether VMware Workstation is installed (${install.reason}).`,
      ),
      details,
      evidence: install.evidence,
      facts,
    })
  }
  const name = install.product === 'workstation-player' ? 'VMware Workstation Player' : 'VMware Workstation Pro'
  const label = `${install.version ?? ''}${install.build !== null ? ` (build ${install.build})` : ''}`.trim()
  const labelZh = `${install.version ?? ''}${install.build !== null ? `（内部版本 ${install.build}）` : ''}`.trim()
  const old = (install.major !== null && install.major < 17) || (install.major === null && install.build !== null && install.build < BUILD_17_0_0)
  if (old) {
    return makeCheck('vmware.installed', 'warn', {
      summary: L(`已安装 ${name} ${labelZh}，版本低于 17，建议升级。`, `${name} ${label} is installed; it is older than 17, so upgrading is recommended.`),
      details,
      evidence: install.evidence,
      fix: FIX_UPGRADE,
      facts,
    })
  }
  if (install.version === null) {
    return makeCheck('vmware.installed', 'warn', {
      summary: L(`已安装 ${name}，但读不到版本号。`, `${name} is installed, but its version could not be read.`),
      details,
      evidence: install.evidence,
      fix: FIX_VERSION_UNKNOWN,
      facts,
    })
  }
  return makeCheck('vmware.installed', 'pass', {
    summary: L(`已安装 ${name} ${labelZh}。`, `${name} ${label} is installed.`),
    details,
    evidence: install.evidence,
    facts,
  })
}

// -----------------------------------------------------------------------------------------------
// Host interfaces and network configuration

interface AdapterInfo {
  present: boolean
  up: boolean | null
  address: string | null
  mask: string | null
}

interface Adapters {
  /** null when the adapter probe gave nothing (then presence is unknown). */
  byVnet: Map<number, AdapterInfo> | null
  probe: string
  evidence: Evidence
}

function linuxInterfaces(ctx: CheckContext): HostInterface[] | null {
  if (ctx.text('linux.ip-addr') === null) return null
  const json = ctx.ipAddr()
  if (json && json.length > 0) return json
  return parseIpAddrText(ctx.text('linux.ip-addr') ?? '')
}

function hostAdapters(ctx: CheckContext): Adapters {
  if (ctx.platform === 'win32') {
    const probe = 'win.netadapters'
    const evidence = ctx.evidence(probe, /VMnet/i)
    if (ctx.text(probe) === null) return { byVnet: null, probe, evidence }
    const byVnet = new Map<number, AdapterInfo>()
    for (const adapter of ctx.winAdapters() ?? []) {
      const match = /\bVMnet(\d{1,3})\b/i.exec(`${adapter.connectionId ?? ''} ${adapter.name}`)
      if (!match || !/vmware/i.test(`${adapter.connectionId ?? ''} ${adapter.name}`)) continue
      const n = Number(match[1])
      const ip = adapter.ipv4[0] ?? null
      const up =
        adapter.enabled === false ? false : adapter.connectionStatus !== null ? adapter.connectionStatus === 2 : adapter.enabled
      const info: AdapterInfo = { present: true, up, address: ip?.address ?? null, mask: ip?.mask ?? null }
      const previous = byVnet.get(n)
      if (!previous || (previous.address === null && info.address !== null)) byVnet.set(n, info)
    }
    return { byVnet, probe, evidence }
  }
  const probe = 'linux.ip-addr'
  const ifaces = linuxInterfaces(ctx)
  const evidence = ctx.evidence(probe, /vmnet\d/)
  if (ifaces === null) return { byVnet: null, probe, evidence }
  const byVnet = new Map<number, AdapterInfo>()
  for (const iface of ifaces) {
    const match = /^vmnet(\d{1,3})$/.exec(iface.name)
    if (!match) continue
    const ip = iface.ipv4[0] ?? null
    byVnet.set(Number(match[1]), {
      present: true,
      up: iface.up,
      address: ip?.address ?? null,
      mask: ip ? maskFromPrefix(ip.prefixLength) : null,
    })
  }
  return { byVnet, probe, evidence }
}

interface NetConfig {
  nat: NatConf | null
  dhcp: DhcpConf | null
  linux: ReturnType<typeof parseLinuxNetworking> | null
}

function netConfig(ctx: CheckContext): NetConfig {
  const natText = ctx.text('vmware.nat-conf')
  const dhcpText = ctx.text('vmware.dhcp-conf')
  const linuxText = ctx.platform === 'linux' ? ctx.text('vmware.linux-networking') : null
  return {
    nat: natText === null ? null : parseNatConf(natText),
    dhcp: dhcpText === null ? null : parseDhcpConf(dhcpText),
    linux: linuxText === null ? null : parseLinuxNetworking(linuxText),
  }
}

type NetworkType = 'hostonly' | 'nat' | 'bridged'

interface Network {
  name: string
  vnet: number
  type: NetworkType
  subnet: string | null
  mask: string | null
  prefixLength: number | null
  hostAddress: string | null
  adapterPresent: boolean | null
  adapterUp: boolean | null
  natGateway: string | null
  dhcpStart: string | null
  dhcpEnd: string | null
  /** The subnet the VMware configuration files name (may differ from the adapter's). */
  configuredSubnet: string | null
}

function buildNetworks(adapters: Adapters, config: NetConfig): Network[] {
  const vnets = new Set<number>([1, 8])
  for (const n of adapters.byVnet?.keys() ?? []) vnets.add(n)
  for (const net of config.linux ?? []) if (net.vnet !== 0 && (net.subnet || net.nat || net.virtualAdapter)) vnets.add(net.vnet)
  for (const s of config.dhcp?.subnets ?? []) if (s.vnet !== null && s.vnet !== 0) vnets.add(s.vnet)
  const natVnet = config.nat ? (config.nat.vnet ?? 8) : null
  if (natVnet !== null) vnets.add(natVnet)
  return [...vnets]
    .sort((a, b) => a - b)
    .map((n): Network => {
      const linux = config.linux?.find((l) => l.vnet === n) ?? null
      const type: NetworkType = n === 0 ? 'bridged' : linux?.nat === true || natVnet === n || (n === 8 && linux?.nat !== false) ? 'nat' : 'hostonly'
      const adapter = adapters.byVnet?.get(n) ?? null
      const adapterSubnet = adapter ? networkOf(adapter.address, adapter.mask) : null
      const dhcp =
        config.dhcp?.subnets.find((s) => s.vnet === n) ??
        config.dhcp?.subnets.find((s) => s.vnet === null && adapterSubnet !== null && networkOf(s.subnet, s.netmask) === adapterSubnet) ??
        config.dhcp?.subnets.find((s) => s.vnet === null && linux?.subnet != null && s.subnet === linux.subnet) ??
        null
      const nat = type === 'nat' && config.nat && natVnet === n ? config.nat : null
      const natSubnet = nat ? networkOf(nat.gateway, nat.netmask) : null
      const configuredSubnet = linux?.subnet ?? (dhcp ? networkOf(dhcp.subnet, dhcp.netmask) : null) ?? natSubnet
      const configuredMask = linux?.netmask ?? dhcp?.netmask ?? nat?.netmask ?? null
      const subnet = adapterSubnet ?? configuredSubnet
      const mask = adapterSubnet ? adapter!.mask : configuredMask
      return {
        name: `vmnet${n}`,
        vnet: n,
        type,
        subnet,
        mask,
        prefixLength: prefixFromMask(mask),
        hostAddress: adapter?.address ?? null,
        adapterPresent: adapters.byVnet === null ? null : adapter !== null,
        adapterUp: adapters.byVnet === null ? null : adapter ? adapter.up : false,
        natGateway: type === 'nat' ? (nat?.gateway ?? dhcp?.routers ?? null) : null,
        dhcpStart: dhcp?.rangeStart ?? null,
        dhcpEnd: dhcp?.rangeEnd ?? null,
        configuredSubnet,
      }
    })
}

function networkFact(net: Network): Facts {
  return {
    name: net.name,
    type: net.type,
    subnet: net.subnet,
    mask: net.mask,
    prefixLength: net.prefixLength,
    hostAddress: net.hostAddress,
    adapterPresent: net.adapterPresent,
    adapterUp: net.adapterUp,
    natGateway: net.natGateway,
    dhcpStart: net.dhcpStart,
    dhcpEnd: net.dhcpEnd,
  }
}

// -----------------------------------------------------------------------------------------------
// Services

const WIN_SERVICES = [
  { name: 'VMAuthdService', role: 'auth' },
  { name: 'VMnetDHCP', role: 'dhcp' },
  { name: 'VMware NAT Service', role: 'nat' },
  { name: 'VMUSBArbService', role: 'usb' },
] as const

const SERVICE_LABEL: Record<(typeof WIN_SERVICES)[number]['role'], Localized> = {
  auth: L('VMware 授权服务（VMAuthdService，开机虚拟机需要它）', 'VMware Authorization Service (VMAuthdService, needed to power on VMs)'),
  dhcp: L('VMware DHCP 服务（VMnetDHCP，给 NAT/仅主机网络分配地址）', 'VMware DHCP Service (VMnetDHCP, gives NAT/host-only guests their addresses)'),
  nat: L('VMware NAT 服务（让 NAT 模式的虚拟机上网）', 'VMware NAT Service (gets NAT guests onto the internet)'),
  usb: L('VMware USB 仲裁服务（把 USB 设备连到虚拟机）', 'VMware USB Arbitration Service (connects USB devices to VMs)'),
}

function servicesCheck(ctx: CheckContext, install: Install, vmnet8: Network | undefined): Check {
  if (ctx.platform === 'win32') return windowsServicesCheck(ctx, install)
  return linuxServicesCheck(ctx, install, vmnet8)
}

function windowsServicesCheck(ctx: CheckContext, install: Install): Check {
  const probe = 'win.services'
  const all = ctx.winServices()
  const read = ctx.text(probe) !== null && all !== null
  const vmware = (all ?? []).filter(
    (s) => WIN_SERVICES.some((k) => k.name.toLowerCase() === s.name.toLowerCase()) || /vmware/i.test(`${s.name} ${s.displayName ?? ''}`) || /^VM(net|USB|Authd)/i.test(s.name),
  )
  const find = (name: string) => vmware.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null
  const running = (name: string): boolean | null => {
    if (!read) return null
    const s = find(name)
    return s ? /^running$/i.test(s.state ?? '') : false
  }
  const facts: Facts = {
    services: vmware.map((s) => ({ name: s.name, displayName: s.displayName, state: s.state, startMode: s.startMode })),
    modules: null,
    natRunning: running('VMware NAT Service'),
    dhcpRunning: running('VMnetDHCP'),
    authRunning: running('VMAuthdService'),
  }
  const details = WIN_SERVICES.map((k) => {
    const s = find(k.name)
    return { label: SERVICE_LABEL[k.role], value: s ? [s.state ?? '?', s.startMode].filter(Boolean).join(' / ') : read ? '—' : '?' }
  })
  const evidence = [ctx.evidence(probe, /VMAuthd|VMnet|VMware|VMUSB/i, 12)]
  if (install.state === 'no')
    return makeCheck('vmware.services', 'todo', {
      summary: L('还没有安装 VMware Workstation，所以也还没有它的服务——实验 1 安装时会一并装好。', 'VMware Workstation is not installed yet, so its services are not there either — Lab 1 installs them with it.'),
      details,
      evidence,
      fix: NEEDS_INSTALL,
      facts,
    })
  if (!read)
    return makeCheck('vmware.services', 'unknown', {
      summary: L(`读不到 Windows 服务列表（${ctx.failure(probe)}）。`, `Could not read the Windows service list (${ctx.failure(probe)}).`),
      details,
      evidence,
      facts,
    })
  const issues: Issue[] = []
  const missing = WIN_SERVICES.filter((k) => k.role !== 'usb' && !find(k.name))
  const stopped = WIN_SERVICES.filter((k) => k.role !== 'usb' && find(k.name) && running(k.name) === false)
  if (missing.length > 0)
    issues.push({
      status: 'fail',
      summary: L(
        `缺少 VMware 服务：${missing.map((k) => k.name).join('、')}。需要修复 Workstation 的安装。`,
        `VMware services are missing: ${missing.map((k) => k.name).join(', ')}. The Workstation installation needs a repair.`,
      ),
      fix: FIX_WIN_SERVICES,
    })
  if (stopped.length > 0)
    issues.push({
      status: 'fail',
      summary: L(
        `这些 VMware 服务没有运行：${stopped.map((k) => k.name).join('、')}。NAT 虚拟机会上不了网或拿不到地址。`,
        `These VMware services are not running: ${stopped.map((k) => k.name).join(', ')}. NAT guests will get no address or no internet.`,
      ),
      fix: FIX_WIN_SERVICES,
    })
  const usb = find('VMUSBArbService')
  if (!usb || running('VMUSBArbService') === false)
    issues.push({
      status: 'warn',
      summary: L('VMware USB 仲裁服务没有运行：虚拟机暂时无法使用主机的 USB 设备。', 'The VMware USB Arbitration Service is not running: VMs cannot use the host’s USB devices for now.'),
      fix: FIX_WIN_SERVICES,
    })
  if (install.state === 'unknown' && vmware.length === 0)
    return makeCheck('vmware.services', 'unknown', {
      summary: L('没有找到任何 VMware 服务，而且无法确认是否装了 Workstation。', 'No VMware service was found, and whether Workstation is installed is unknown.'),
      details,
      evidence,
      facts,
    })
  const result = fromIssues(issues)
  return makeCheck('vmware.services', result.status, {
    summary: result.summary ?? L('VMware 的授权、DHCP、NAT 和 USB 服务都在运行。', 'VMware’s authorization, DHCP, NAT and USB services are all running.'),
    details,
    evidence,
    fix: result.fix,
    facts,
  })
}

function linuxServicesCheck(ctx: CheckContext, install: Install, vmnet8: Network | undefined): Check {
  const modules = ctx.modules()
  const modulesRead = ctx.text('linux.modules') !== null && modules !== null
  const vmmon = modulesRead ? modules.has('vmmon') : null
  const vmnet = modulesRead ? modules.has('vmnet') : null
  const vmnet8Present = vmnet8?.adapterPresent ?? null
  const facts: Facts = {
    services: [],
    modules: modulesRead ? { vmmon: vmmon === true, vmnet: vmnet === true } : null,
    // vmware-networks brings vmnet8 up together with its NAT and DHCP daemons: the interface is the sign.
    natRunning: vmnet8Present === null ? null : vmnet8Present && vmnet8?.adapterUp !== false,
    dhcpRunning: vmnet8Present === null ? null : vmnet8Present && vmnet8?.adapterUp !== false,
    authRunning: null,
  }
  const details = [
    detail('vmmon 内核模块', 'vmmon kernel module', vmmon === null ? null : vmmon ? 'loaded' : 'not loaded'),
    detail('vmnet 内核模块', 'vmnet kernel module', vmnet === null ? null : vmnet ? 'loaded' : 'not loaded'),
    detail('vmnet8 网卡（vmware-networks 在运行的标志）', 'vmnet8 interface (sign that vmware-networks runs)', vmnet8Present === null ? null : vmnet8Present ? 'present' : 'absent'),
  ]
  const evidence = [ctx.evidence('linux.modules', /^(vmmon|vmnet|vmw_vmci|vmci)\s/), ctx.evidence('linux.ip-addr', /vmnet\d/)]
  if (install.state === 'no')
    return makeCheck('vmware.services', 'todo', {
      summary: L('还没有安装 VMware Workstation，所以也还没有它的内核模块和网络服务——实验 1 安装时会一并装好。', 'VMware Workstation is not installed yet, so its kernel modules and network services are not there either — Lab 1 installs them with it.'),
      details,
      evidence,
      fix: NEEDS_INSTALL,
      facts,
    })
  if (!modulesRead)
    return makeCheck('vmware.services', 'unknown', {
      summary: L(`读不到已加载的内核模块（${ctx.failure('linux.modules')}）。`, `Could not read the loaded kernel modules (${ctx.failure('linux.modules')}).`),
      details,
      evidence,
      facts,
    })
  const issues: Issue[] = []
  const missing = [vmmon ? null : 'vmmon', vmnet ? null : 'vmnet'].filter((m): m is string => m !== null)
  if (missing.length > 0)
    issues.push({
      status: 'fail',
      summary: L(
        `内核模块 ${missing.join('、')} 没有加载：开机虚拟机会报“Could not open /dev/vmmon”。`,
        `Kernel module${missing.length > 1 ? 's' : ''} ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not loaded: powering on a VM fails with “Could not open /dev/vmmon”.`,
      ),
      fix: FIX_LINUX_MODULES,
    })
  if (vmnet8Present === false)
    issues.push({
      status: 'warn',
      summary: L('没有 vmnet8 网卡：VMware 的虚拟网络（NAT、DHCP）没有启动。', 'There is no vmnet8 interface: VMware’s virtual networks (NAT, DHCP) are not running.'),
      fix: FIX_LINUX_NETWORKS,
    })
  const result = fromIssues(issues)
  return makeCheck('vmware.services', result.status, {
    summary:
      result.summary ??
      (vmnet8Present
        ? L('vmmon 和 vmnet 模块已加载，vmnet8 虚拟网络在运行。', 'The vmmon and vmnet modules are loaded and the vmnet8 network is up.')
        : L('vmmon 和 vmnet 模块已加载。', 'The vmmon and vmnet modules are loaded.')),
    details,
    evidence,
    fix: result.fix,
    facts,
  })
}

// -----------------------------------------------------------------------------------------------
// Networks

function describe(net: Network): string {
  const subnet = net.subnet ? `${net.subnet}/${net.prefixLength ?? '?'}` : '?'
  return `${net.name} ${subnet} host ${net.hostAddress ?? '—'}${net.natGateway ? ` gw ${net.natGateway}` : ''}${net.dhcpStart ? ` dhcp ${net.dhcpStart}–${net.dhcpEnd ?? '?'}` : ''}`
}

function networksCheck(ctx: CheckContext, install: Install, adapters: Adapters, networks: Network[]): Check {
  const vmnet1 = networks.find((n) => n.vnet === 1)
  const vmnet8 = networks.find((n) => n.vnet === 8)
  const facts: Facts = {
    networks: networks.map(networkFact),
    vmnet1: vmnet1 ? networkFact(vmnet1) : null,
    vmnet8: vmnet8 ? networkFact(vmnet8) : null,
  }
  const details: Detail[] = networks.map((n) => ({
    label: L(`${n.name}（${n.type === 'nat' ? 'NAT' : n.type === 'bridged' ? '桥接' : '仅主机'}）`, `${n.name} (${n.type === 'nat' ? 'NAT' : n.type === 'bridged' ? 'bridged' : 'host-only'})`),
    value: n.adapterPresent === false ? `no host adapter${n.subnet ? `; configured ${n.subnet}` : ''}` : describe(n),
  }))
  const evidence: Evidence[] = [adapters.evidence]
  if (probeState(ctx, 'vmware.nat-conf') !== 'absent') evidence.push(ctx.evidence('vmware.nat-conf', /^\s*(ip|netmask|device)\s*=/i))
  if (probeState(ctx, 'vmware.dhcp-conf') !== 'absent') evidence.push(ctx.evidence('vmware.dhcp-conf', /^\s*(subnet|range|option routers)\b|Virtual ethernet segment/i, 8))
  if (ctx.platform === 'linux' && probeState(ctx, 'vmware.linux-networking') !== 'absent')
    evidence.push(ctx.evidence('vmware.linux-networking', /VNET_(1|8)_(NAT|HOSTONLY_SUBNET|HOSTONLY_NETMASK|DHCP|VIRTUAL_ADAPTER)\b/))
  const windows = ctx.platform === 'win32'

  if (install.state === 'no')
    return makeCheck('vmware.networks', 'todo', {
      summary: L('还没有安装 VMware Workstation，所以还没有 VMnet1/VMnet8 虚拟网络——实验 1 安装时会创建它们。', 'VMware Workstation is not installed yet, so there are no VMnet1/VMnet8 networks — Lab 1 creates them with the install.'),
      details,
      evidence,
      fix: NEEDS_INSTALL,
      facts,
    })
  if (adapters.byVnet === null)
    return makeCheck('vmware.networks', 'unknown', {
      summary: L(`读不到主机的网卡列表（${ctx.failure(adapters.probe)}），无法检查 VMnet1/VMnet8。`, `Could not read the host’s network adapters (${ctx.failure(adapters.probe)}), so VMnet1/VMnet8 cannot be checked.`),
      details,
      evidence,
      facts,
    })

  const issues: Issue[] = []
  const missingFix = windows ? FIX_WIN_VMNET8_MISSING : FIX_LINUX_NETWORKS
  if (vmnet8 && vmnet8.adapterPresent === false) {
    if (install.state === 'unknown' && (adapters.byVnet?.size ?? 0) === 0)
      return makeCheck('vmware.networks', 'unknown', {
        summary: L('没有找到 VMware 虚拟网卡，而且无法确认是否装了 Workstation。', 'No VMware host adapter was found, and whether Workstation is installed is unknown.'),
        details,
        evidence,
        facts,
      })
    issues.push({
      status: 'fail',
      summary: L(
        '主机上没有 VMnet8（NAT）虚拟网卡：NAT 模式的虚拟机将无法联网。',
        'The host has no VMnet8 (NAT) adapter: VMs in NAT mode will have no network.',
      ),
      fix: missingFix,
    })
  } else if (vmnet8 && vmnet8.adapterUp === false) {
    issues.push({
      status: 'fail',
      summary: L('VMnet8（NAT）虚拟网卡被禁用了。', 'The VMnet8 (NAT) host adapter is disabled.'),
      fix: windows ? FIX_WIN_ADAPTER_DISABLED : FIX_LINUX_NETWORKS,
    })
  } else if (vmnet8) {
    const expectedHost = hostInSubnet(vmnet8.subnet, 1)
    // The gateway is judged against the NAT configuration's own subnet; a subnet mismatch is reported apart.
    const expectedGateway = hostInSubnet(vmnet8.configuredSubnet ?? vmnet8.subnet, 2)
    if (vmnet8.hostAddress === null)
      issues.push({
        status: 'warn',
        summary: L('VMnet8 网卡存在，但没有 IPv4 地址。', 'The VMnet8 adapter exists but has no IPv4 address.'),
        fix: windows ? [...FIX_WIN_ADAPTER_DISABLED, ...FIX_RESTORE_NETWORKS] : FIX_LINUX_NETWORKS,
      })
    else if (vmnet8.hostAddress.startsWith('169.254.'))
      issues.push({
        status: 'fail',
        summary: L(
          `VMnet8 网卡只有自动分配的地址 ${vmnet8.hostAddress}：它丢失了 VMware 设置的子网。`,
          `The VMnet8 adapter only has the self-assigned address ${vmnet8.hostAddress}: it lost the subnet VMware gave it.`,
        ),
        fix: [...FIX_RESTORE_NETWORKS, ...(windows ? FIX_WIN_VMNET8_MISSING.slice(1) : FIX_LINUX_NETWORKS)],
      })
    else if (expectedHost !== null && vmnet8.hostAddress !== expectedHost)
      issues.push({
        status: 'warn',
        summary: L(
          `VMnet8 网卡的地址是 ${vmnet8.hostAddress}，而不是子网的 ${expectedHost}（.1 约定给主机）。`,
          `The VMnet8 adapter has ${vmnet8.hostAddress} instead of the subnet’s ${expectedHost} (.1 is meant for the host).`,
        ),
        fix: FIX_RESTORE_NETWORKS,
      })
    if (vmnet8.configuredSubnet && vmnet8.subnet && vmnet8.hostAddress && vmnet8.configuredSubnet !== vmnet8.subnet)
      issues.push({
        status: 'warn',
        summary: L(
          `VMnet8 网卡在 ${vmnet8.subnet}，但 VMware 的 NAT/DHCP 配置写的是 ${vmnet8.configuredSubnet}：两者不一致。`,
          `The VMnet8 adapter is on ${vmnet8.subnet}, but VMware’s NAT/DHCP settings say ${vmnet8.configuredSubnet}: they disagree.`,
        ),
        fix: FIX_RESTORE_NETWORKS,
      })
    if (vmnet8.natGateway && expectedGateway && vmnet8.natGateway !== expectedGateway)
      issues.push({
        status: 'warn',
        summary: L(
          `NAT 网关是 ${vmnet8.natGateway}，不是通常的 ${expectedGateway}：按讲义填 .2 的静态 IP 会上不了网。`,
          `The NAT gateway is ${vmnet8.natGateway}, not the usual ${expectedGateway}: static IPs set up with .2 as in the handouts will not reach the internet.`,
        ),
        fix: FIX_NAT_GATEWAY,
      })
    if (probeState(ctx, 'vmware.nat-conf') === 'missing')
      issues.push({
        status: 'warn',
        summary: L(
          `找不到 NAT 配置文件（${windows ? 'vmnetnat.conf' : 'nat.conf'}）：NAT 服务可能无法启动。`,
          `The NAT configuration file (${windows ? 'vmnetnat.conf' : 'nat.conf'}) is missing: the NAT service may not start.`,
        ),
        fix: windows ? FIX_WIN_VMNET8_MISSING : FIX_LINUX_NETWORKS,
      })
  }
  if (vmnet1 && vmnet1.hostAddress && vmnet1.configuredSubnet && vmnet1.subnet && vmnet1.configuredSubnet !== vmnet1.subnet)
    issues.push({
      status: 'warn',
      summary: L(
        `VMnet1 网卡在 ${vmnet1.subnet}，但 VMware 的配置写的是 ${vmnet1.configuredSubnet}：两者不一致。`,
        `The VMnet1 adapter is on ${vmnet1.subnet}, but VMware’s settings say ${vmnet1.configuredSubnet}: they disagree.`,
      ),
      fix: windows ? FIX_RESTORE_NETWORKS : FIX_LINUX_NETWORKS,
    })
  if (vmnet1 && vmnet1.adapterPresent === false)
    issues.push({
      status: 'warn',
      summary: L('主机上没有 VMnet1（仅主机）虚拟网卡：仅主机模式的实验会用不了。', 'The host has no VMnet1 (host-only) adapter: host-only labs will not work.'),
      fix: missingFix,
    })
  else if (vmnet1 && vmnet1.adapterUp === false)
    issues.push({
      status: 'warn',
      summary: L('VMnet1（仅主机）虚拟网卡被禁用了。', 'The VMnet1 (host-only) adapter is disabled.'),
      fix: windows ? FIX_WIN_ADAPTER_DISABLED : FIX_LINUX_NETWORKS,
    })

  const result = fromIssues(issues)
  const okSummary = vmnet8
    ? vmnet8Summary(vmnet8)
    : L('VMware 虚拟网络正常。', 'VMware’s virtual networks look right.')
  return makeCheck('vmware.networks', result.status, {
    summary: result.summary ?? okSummary,
    details,
    evidence,
    fix: result.fix,
    facts,
  })
}

// -----------------------------------------------------------------------------------------------
// VMs

interface VmRead {
  path: string
  settings: VmSettings | null
  failure: string | null
}

function probeIds(ctx: CheckContext, prefix: string): string[] {
  return Object.keys(ctx.probes).filter((id) => id.startsWith(prefix))
}

/** A dynamic probe by path: exact id first, then case-insensitively for Windows paths. */
function findPathProbe(ctx: CheckContext, prefix: string, path: string): string | null {
  const exact = `${prefix}${path}`
  if (ctx.probe(exact)) return exact
  const windows = ctx.platform === 'win32'
  const key = pathKey(path, windows)
  return probeIds(ctx, prefix).find((id) => pathKey(id.slice(prefix.length), windows) === key) ?? null
}

function readVms(ctx: CheckContext): VmRead[] {
  return probeIds(ctx, 'vmware.vmx:').map((id): VmRead => {
    const path = id.slice('vmware.vmx:'.length)
    const text = ctx.text(id)
    if (text === null) return { path, settings: null, failure: ctx.failure(id) }
    const map = parseVmx(text)
    const first = vmSettings(path, map)
    const vmdkId = first.diskFile ? findPathProbe(ctx, 'vmware.vmdk:', resolveBesideVmx(path, first.diskFile)) : null
    const vmdkText = vmdkId ? ctx.text(vmdkId) : null
    return { path, settings: vmdkText === null ? first : vmSettings(path, map, parseVmdkDescriptor(vmdkText)), failure: null }
  })
}

function vmFact(s: VmSettings): Facts {
  return {
    path: s.path,
    displayName: s.displayName,
    guestOS: s.guestOS,
    guestFamily: s.guestFamily,
    memsizeMB: s.memsizeMB,
    numvcpus: s.numvcpus,
    virtualHW: s.virtualHW,
    connectionType: s.connectionType,
    vnet: s.vnet,
    diskGB: s.diskGB,
    diskType: s.diskType,
    isoAttached: s.isoAttached,
    isoPath: s.isoPath,
    firmware: s.firmware,
    encoding: s.encoding,
  }
}

const VM_SOURCES = ['vmware.preferences', 'vmware.inventory', 'vmware.vm-folder', 'vmware.picked', 'vmware.vmrun-list'] as const

function vmsCheck(ctx: CheckContext, install: Install, vms: VmRead[]): Check {
  const parsed = vms.flatMap((v) => (v.settings ? [v.settings] : []))
  const failed = vms.filter((v) => v.failure !== null)
  // Each VM's newest vmware.log (when read): version, monitor mode, errors — for the lab 3–4 checks.
  const facts: Facts = { vms: parsed.map((s) => ({ ...vmFact(s), log: vmLogFact(ctx, s.path) })) }
  const details: Detail[] = parsed.map((s) => ({
    label: L(s.displayName ?? basenameOf(s.path), s.displayName ?? basenameOf(s.path)),
    value: [
      s.guestOS ?? '?',
      s.memsizeMB !== null ? `${s.memsizeMB} MB` : null,
      `${s.numvcpus} vCPU`,
      s.connectionType ?? 'no NIC',
      s.diskGB !== null ? `${s.diskGB} GB ${s.diskType ?? ''}`.trim() : s.diskType,
      s.isoAttached ? 'ISO' : null,
      s.firmware === 'efi' ? 'UEFI' : null,
    ]
      .filter(Boolean)
      .join(', '),
  }))
  for (const f of failed) details.push(detail(`无法读取 ${basenameOf(f.path)}`, `Could not read ${basenameOf(f.path)}`, f.failure))
  const evidence: Evidence[] = [
    ...parsed.slice(0, 4).map((s) => ctx.evidence(`vmware.vmx:${s.path}`, /^\s*(displayName|guestOS|memsize|numvcpus|ethernet0\.connectionType|virtualHW\.version)\s*=/i)),
    ...VM_SOURCES.filter((id) => probeState(ctx, id) !== 'absent').map((id) => ctx.evidence(id, /\.vmx/i, 4)),
  ]

  if (install.state === 'no' && parsed.length === 0)
    return makeCheck('vmware.vms', 'todo', {
      summary: L('还没有安装 VMware Workstation，也就还没有虚拟机——实验 3 会创建一台。', 'VMware Workstation is not installed yet, so there are no VMs either — Lab 3 creates one.'),
      details,
      evidence,
      fix: NEEDS_INSTALL,
      facts,
    })
  if (install.state === 'no')
    return makeCheck('vmware.vms', 'warn', {
      summary: L(
        `找到 ${parsed.length} 台虚拟机的配置，但 VMware Workstation 没有安装，暂时无法运行它们。`,
        `Found ${parsed.length} VM configuration(s), but VMware Workstation is not installed, so they cannot run yet.`,
      ),
      details,
      evidence,
      fix: NEEDS_INSTALL,
      facts,
    })
  if (parsed.length > 0) {
    const names = parsed.map((s) => s.displayName ?? basenameOf(s.path)).join('、')
    return makeCheck('vmware.vms', 'pass', {
      summary: L(`找到 ${parsed.length} 台虚拟机：${names}。`, `Found ${parsed.length} VM(s): ${parsed.map((s) => s.displayName ?? basenameOf(s.path)).join(', ')}.`),
      details,
      evidence,
      facts,
    })
  }
  if (failed.length > 0)
    return makeCheck('vmware.vms', 'unknown', {
      summary: L(
        `找到 ${failed.length} 个 .vmx 文件，但都读不了（${failed[0]!.failure ?? ''}）。`,
        `Found ${failed.length} .vmx file(s) but could not read any (${failed[0]!.failure ?? ''}).`,
      ),
      details,
      evidence,
      facts,
    })
  if (VM_SOURCES.every((id) => probeState(ctx, id) === 'absent'))
    return makeCheck('vmware.vms', 'unknown', {
      summary: L('没有读取任何能列出虚拟机的来源（首选项、库、虚拟机文件夹），无法判断。', 'None of the places that list VMs (preferences, library, VM folder) was read, so this cannot be told.'),
      details,
      evidence,
      facts,
    })
  const brokenSource = VM_SOURCES.find((id) => probeState(ctx, id) === 'failed' && id !== 'vmware.vmrun-list')
  if (brokenSource)
    return makeCheck('vmware.vms', 'unknown', {
      summary: L(`没有找到虚拟机，但有来源读取失败（${brokenSource}：${ctx.failure(brokenSource)}）。`, `No VM found, but a source could not be read (${brokenSource}: ${ctx.failure(brokenSource)}).`),
      details,
      evidence,
      facts,
    })
  return makeCheck('vmware.vms', 'todo', {
    summary: L('还没有找到任何虚拟机（最近打开列表、库和默认虚拟机文件夹里都没有）—— 实验 3 会创建一台。', 'No virtual machine found yet (none in the recent list, the library or the default VM folder) — Lab 3 creates one.'),
    details,
    evidence,
    fix: FIX_CREATE_VM,
    facts,
  })
}

// -----------------------------------------------------------------------------------------------
// Running VMs

function runningCheck(ctx: CheckContext, install: Install, vms: VmRead[], vmnet8: Network | undefined): Check {
  const probe = 'vmware.vmrun-list'
  const text = ctx.text(probe)
  const list = text === null ? null : parseVmrunList(text)
  const emptyFacts: Facts = { running: [], count: 0 }
  const evidence: Evidence[] = [ctx.evidence(probe, /Total running VMs|\.vmx|Error/i, 8)]
  if (install.state === 'no')
    return makeCheck('vmware.running', 'todo', {
      summary: L('还没有安装 VMware Workstation，也就没有正在运行的虚拟机——实验 4 会启动一台。', 'VMware Workstation is not installed yet, so no VM is running — Lab 4 starts one.'),
      evidence,
      fix: NEEDS_INSTALL,
      facts: emptyFacts,
    })
  if (list === null || list.error !== null || (list.total === null && list.paths.length === 0)) {
    const reason = list?.error ?? (list ? 'unrecognized output' : ctx.failure(probe))
    return makeCheck('vmware.running', 'unknown', {
      summary: L(`无法用 vmrun 列出正在运行的虚拟机（${reason}）。`, `Could not list running VMs with vmrun (${reason}).`),
      evidence,
      facts: { running: [], count: null },
    })
  }
  const windows = ctx.platform === 'win32'
  const byPath = new Map(vms.flatMap((v) => (v.settings ? [[pathKey(v.path, windows), v.settings] as const] : [])))
  const running = list.paths.map((path) => {
    const settings = byPath.get(pathKey(path, windows)) ?? null
    const toolsId = findPathProbe(ctx, 'vmware.tools-state:', path)
    const ipId = findPathProbe(ctx, 'vmware.guest-ip:', path)
    const toolsRead = toolsId ? parseToolsState(ctx.text(toolsId) ?? '') : null
    const toolsState = toolsRead ?? 'unknown'
    const guestIp = ipId ? parseGuestIp(ctx.text(ipId) ?? '').ip : null
    const inPool = vmnet8 ? ipInRange(guestIp, vmnet8.dhcpStart, vmnet8.dhcpEnd) : null
    const inSubnet = vmnet8 ? ipInSubnet(guestIp, vmnet8.subnet, vmnet8.mask) : null
    const pingId = guestIp ? `vmware.ping:${guestIp}` : null
    const hostReachesGuest = pingId && ctx.text(pingId) !== null ? parsePing(ctx.text(pingId) ?? '') : null
    if (toolsId) evidence.push(ctx.evidence(toolsId))
    if (ipId) evidence.push(ctx.evidence(ipId))
    if (pingId && ctx.probe(pingId)) evidence.push(ctx.evidence(pingId, /ttl=|loss|Received|已接收|Unreachable|timed out|超时|无法访问/i, 2))
    return {
      path,
      displayName: settings?.displayName ?? basenameOf(path).replace(/\.vmx$/i, ''),
      toolsState,
      guestIp,
      ipInVmnet8Pool: inPool,
      hostReachesGuest,
      connectionType: settings?.connectionType ?? null,
      inSubnet,
      mac: settings?.macAddress ?? null,
      /** Why the Tools state is not known, when vmrun did not answer. */
      toolsFailure: toolsRead === null ? ctx.failure(toolsId ?? `vmware.tools-state:${path}`) : null,
    }
  })
  const leases = new Map<string, string>()
  for (const lease of parseDhcpLeases(ctx.text('vmware.dhcp-leases') ?? '')) if (lease.mac) leases.set(lease.mac, lease.ip)
  const count = list.total ?? running.length
  const facts: Facts = {
    running: running.map((r) => ({
      path: r.path,
      displayName: r.displayName,
      toolsState: r.toolsState,
      guestIp: r.guestIp,
      ipInVmnet8Pool: r.ipInVmnet8Pool,
      hostReachesGuest: r.hostReachesGuest,
    })),
    count,
  }
  const details: Detail[] = running.map((r) => ({
    label: L(r.displayName, r.displayName),
    value: [
      `Tools: ${r.toolsState}`,
      `IP: ${r.guestIp ?? '—'}`,
      r.ipInVmnet8Pool === true ? 'in VMnet8 DHCP pool' : r.ipInVmnet8Pool === false ? 'outside VMnet8 DHCP pool' : null,
      r.hostReachesGuest === true ? 'host ping: reply' : r.hostReachesGuest === false ? 'host ping: no reply' : null,
      // A lease is only a hint (it may be stale), so it stays out of the facts.
      r.guestIp === null && r.mac && leases.has(r.mac) ? `last DHCP lease ${leases.get(r.mac)}` : null,
    ]
      .filter(Boolean)
      .join(', '),
  }))
  if (count === 0)
    return makeCheck('vmware.running', 'todo', {
      summary: L('现在没有正在运行的虚拟机——实验 4 会启动一台。', 'No virtual machine is running right now — Lab 4 starts one.'),
      details,
      evidence,
      fix: FIX_POWER_ON,
      facts,
    })
  const issues: Issue[] = []
  const unread = running.filter((r) => r.toolsFailure !== null)
  if (unread.length > 0)
    issues.push({
      status: 'warn',
      summary: L(
        `读不到 ${unread.map((r) => r.displayName).join('、')} 的 VMware Tools 状态（${unread[0]!.toolsFailure ?? ''}）。`,
        `Could not read the VMware Tools state of ${unread.map((r) => r.displayName).join(', ')} (${unread[0]!.toolsFailure ?? ''}).`,
      ),
      fix: [...FIX_TOOLS, ...FIX_GUEST_NETWORK.slice(0, 1)],
    })
  const noTools = running.filter((r) => r.toolsFailure === null && r.toolsState !== 'running')
  if (noTools.length > 0)
    issues.push({
      status: 'warn',
      summary: L(
        `${noTools.map((r) => r.displayName).join('、')} 中 VMware Tools 没有运行，读不到客户机的 IP。`,
        `VMware Tools is not running in ${noTools.map((r) => r.displayName).join(', ')}, so the guest IP cannot be read.`,
      ),
      fix: FIX_TOOLS,
    })
  const noIp = running.filter((r) => r.toolsState === 'running' && r.guestIp === null)
  if (noIp.length > 0)
    issues.push({
      status: 'warn',
      summary: L(`${noIp.map((r) => r.displayName).join('、')} 还没有 IP 地址。`, `${noIp.map((r) => r.displayName).join(', ')} has no IP address yet.`),
      fix: FIX_GUEST_NETWORK,
    })
  const wrongNet = running.filter((r) => r.connectionType === 'nat' && r.guestIp !== null && (r.inSubnet === false || r.guestIp.startsWith('169.254.')))
  if (wrongNet.length > 0)
    issues.push({
      status: 'warn',
      summary: L(
        `${wrongNet.map((r) => `${r.displayName}（${r.guestIp}）`).join('、')} 用的是 NAT，但 IP 不在 VMnet8 的子网 ${vmnet8?.subnet ?? '?'} 里。`,
        `${wrongNet.map((r) => `${r.displayName} (${r.guestIp})`).join(', ')} uses NAT, but its IP is outside VMnet8’s subnet ${vmnet8?.subnet ?? '?'}.`,
      ),
      fix: FIX_GUEST_NETWORK,
    })
  const result = fromIssues(issues)
  return makeCheck('vmware.running', result.status, {
    summary:
      result.summary ??
      L(
        `正在运行 ${count} 台虚拟机：${running.map((r) => `${r.displayName}（${r.guestIp ?? '—'}）`).join('、')}。`,
        `${count} VM(s) running: ${running.map((r) => `${r.displayName} (${r.guestIp ?? '—'})`).join(', ')}.`,
      ),
    details,
    evidence,
    fix: result.fix,
    facts,
  })
}

// -----------------------------------------------------------------------------------------------

const MAC_SUMMARY = L('VMware Workstation 只能运行在 Windows 和 Linux 上；在 Mac 上请使用 VMware Fusion。', 'VMware Workstation runs on Windows and Linux; on a Mac use VMware Fusion.')

function macChecks(ctx: CheckContext): Check[] {
  const apps = ctx.applications()
  const fusion = (apps ?? []).some((name) => /^VMware Fusion(\.app)?$/i.test(name.trim()))
  const summary = fusion
    ? L(
        'VMware Workstation 只能运行在 Windows 和 Linux 上；这台 Mac 已安装 VMware Fusion，请用 Fusion 完成实验。',
        'VMware Workstation runs on Windows and Linux; this Mac has VMware Fusion, so use Fusion for the labs.',
      )
    : MAC_SUMMARY
  return [
    skip('vmware.installed', summary, {
      installed: fusion,
      product: fusion ? 'fusion' : null,
      version: null,
      build: null,
      installPath: fusion ? '/Applications/VMware Fusion.app' : null,
    }),
    skip('vmware.services', summary, { services: [], modules: null, natRunning: null, dhcpRunning: null, authRunning: null }),
    skip('vmware.networks', summary, { networks: [], vmnet1: null, vmnet8: null }),
    skip('vmware.vms', summary, { vms: [] }),
    skip('vmware.running', summary, { running: [], count: 0 }),
  ]
}

const VMWARE_CHECK_IDS = ['vmware.installed', 'vmware.services', 'vmware.networks', 'vmware.vms', 'vmware.running'] as const

function guarded(id: (typeof VMWARE_CHECK_IDS)[number], build: () => Check): Check {
  try {
    return build()
  } catch (error) {
    if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
    // A bug here must not hide the rest of the report, and must never read as a pass.
    const message = error instanceof Error ? error.message : String(error)
    return makeCheck(id, 'unknown', {
      summary: L(`检查过程中出现内部错误（${message}）。`, `The check hit an internal error (${message}).`),
    })
  }
}

/** The five VMware checks, in display order. Pure: reads only the context; never throws. */
export function vmwareChecks(ctx: CheckContext): Check[] {
  if (ctx.platform === 'darwin') {
    try {
      return macChecks(ctx)
    } catch (error) {
      if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
      return VMWARE_CHECK_IDS.map((id) => skip(id, MAC_SUMMARY))
    }
  }
  let install: Install
  try {
    install = detectInstall(ctx)
  } catch (error) {
    if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
    install = { state: 'unknown', product: null, version: null, build: null, major: null, installPath: null, reason: 'internal error', evidence: [] }
  }
  let adapters: Adapters = { byVnet: null, probe: ctx.platform === 'win32' ? 'win.netadapters' : 'linux.ip-addr', evidence: { probe: 'vmware', excerpt: '' } }
  let networks: Network[] = []
  let vms: VmRead[] = []
  try {
    adapters = hostAdapters(ctx)
    networks = buildNetworks(adapters, netConfig(ctx))
  } catch (error) {
    if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
    /* networks stay empty: the network check then reports unknown */
  }
  try {
    vms = readVms(ctx)
  } catch (error) {
    if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
    /* no VMs read */
  }
  const vmnet8 = networks.find((n) => n.vnet === 8)
  return [
    guarded('vmware.installed', () => installedCheck(ctx, install)),
    guarded('vmware.services', () => servicesCheck(ctx, install, vmnet8)),
    guarded('vmware.networks', () => networksCheck(ctx, install, adapters, networks)),
    guarded('vmware.vms', () => vmsCheck(ctx, install, vms)),
    guarded('vmware.running', () => runningCheck(ctx, install, vms, vmnet8)),
  ]
}


/** "VMnet8（NAT）正常：子网 …，主机 …，网关 …": only what is known (ipconfig shows no NAT gateway, for one). */
function vmnet8Summary(v: { subnet?: string | null; prefixLength?: number | null; hostAddress?: string | null; natGateway?: string | null; dhcpStart?: string | null; dhcpEnd?: string | null }) {
  const subnet = v.subnet ? `${v.subnet}${v.prefixLength ? `/${v.prefixLength}` : ''}` : null
  const dhcp = v.dhcpStart ? `${v.dhcpStart}${v.dhcpEnd ? `–${v.dhcpEnd}` : ''}` : null
  const zh = [subnet && `子网 ${subnet}`, v.hostAddress && `主机 ${v.hostAddress}`, v.natGateway && `网关 ${v.natGateway}`, dhcp && `DHCP ${dhcp}`].filter(Boolean)
  const en = [subnet && `subnet ${subnet}`, v.hostAddress && `host ${v.hostAddress}`, v.natGateway && `gateway ${v.natGateway}`, dhcp && `DHCP ${dhcp}`].filter(Boolean)
  return zh.length > 0
    ? L(`VMnet8（NAT）正常：${zh.join('，')}。`, `VMnet8 (NAT) looks right: ${en.join(', ')}.`)
    : L('VMnet8（NAT）正常。', 'VMnet8 (NAT) looks right.')
}
