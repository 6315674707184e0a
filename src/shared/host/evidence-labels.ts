import type { Locale, Localized } from '../i18n/locale'

/**
 * What a person calls the source of a piece of raw evidence: "systeminfo 的输出", "/proc/cpuinfo",
 * "VMware 日志（Ubuntu）" — never the probe id the engine files it under (`win.systeminfo`,
 * `linux.cpuinfo`, `vmware.log:…`). Used wherever raw evidence is shown: the Host page, a lab
 * step's check, the report (screen and PDF), the teacher's student page and the CLI.
 */

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en })

const FIXED: Record<string, Localized> = {
  // Windows (the PowerShell probe's sections, then systeminfo when it cannot run).
  'win.systeminfo': L('systeminfo 的输出', 'systeminfo output'),
  'win.host-probe': L('Windows 检测脚本（PowerShell）', 'Windows check script (PowerShell)'),
  'win.computersystem': L('计算机信息（Win32_ComputerSystem）', 'Computer information (Win32_ComputerSystem)'),
  'win.processor': L('处理器信息（Win32_Processor）', 'Processor information (Win32_Processor)'),
  'win.os': L('Windows 版本信息（Win32_OperatingSystem）', 'Windows version (Win32_OperatingSystem)'),
  'win.bios': L('BIOS 信息（Win32_BIOS）', 'BIOS information (Win32_BIOS)'),
  'win.baseboard': L('主板信息（Win32_BaseBoard）', 'Motherboard information (Win32_BaseBoard)'),
  'win.enclosure': L('机箱信息（Win32_SystemEnclosure）', 'Chassis information (Win32_SystemEnclosure)'),
  'win.hyperv-guest': L('Hyper-V 来宾的注册表项', 'Hyper-V guest registry key'),
  'win.devices': L('磁盘与显卡的型号', 'Disk and display adapter models'),
  'win.guest-signs': L('虚拟机的迹象', 'Signs of a virtual machine'),
  'win.deviceguard': L('基于虚拟化的安全（Win32_DeviceGuard）', 'Virtualization-based security (Win32_DeviceGuard)'),
  'win.optional-features': L('Windows 功能列表', 'Windows features'),
  'win.bcdedit': L('启动配置（bcdedit）', 'Boot configuration (bcdedit)'),
  'win.services': L('Windows 服务列表', 'Windows services'),
  'win.netadapters': L('网络适配器列表', 'Network adapters'),
  'win.vmware-registry': L('注册表里的 VMware 安装信息', 'VMware’s entries in the registry'),
  'win.uninstall': L('已安装的程序（注册表）', 'Installed programs (registry)'),
  'win.wsl': L('WSL 发行版列表', 'WSL distributions'),
  // Linux.
  'linux.cpuinfo': L('/proc/cpuinfo', '/proc/cpuinfo'),
  'linux.proc-version': L('/proc/version', '/proc/version'),
  'linux.wsl': L('WSL 的迹象', 'Signs of WSL'),
  'linux.lscpu': L('lscpu 的输出', 'lscpu output'),
  'linux.kvm-ok': L('kvm-ok 的输出', 'kvm-ok output'),
  'linux.meminfo': L('/proc/meminfo', '/proc/meminfo'),
  'linux.modules': L('已加载的内核模块（/proc/modules）', 'Loaded kernel modules (/proc/modules)'),
  'linux.os-release': L('/etc/os-release', '/etc/os-release'),
  'linux.kvm-device': L('/dev/kvm', '/dev/kvm'),
  'linux.dmesg': L('内核日志（dmesg）', 'Kernel log (dmesg)'),
  'linux.detect-virt': L('systemd-detect-virt 的输出', 'systemd-detect-virt output'),
  'linux.dmi': L('主板与 BIOS 信息（/sys/class/dmi）', 'Board and BIOS information (/sys/class/dmi)'),
  'linux.ip-addr': L('网卡列表（ip addr）', 'Network interfaces (ip addr)'),
  'linux.iommu': L('IOMMU 信息', 'IOMMU information'),
  'hv.xen': L('/sys/hypervisor/type', '/sys/hypervisor/type'),
  // macOS.
  'mac.sysctl': L('sysctl 的输出', 'sysctl output'),
  'mac.sw_vers': L('macOS 版本（sw_vers）', 'macOS version (sw_vers)'),
  'mac.applications': L('“应用程序”文件夹', 'Applications folder'),
  // Any platform.
  'si.cpu': L('处理器信息', 'Processor information'),
  'si.mem': L('内存总量', 'Total memory'),
  'si.os': L('操作系统信息', 'Operating system information'),
  'si.system': L('计算机型号', 'Computer model'),
  'si.bios': L('BIOS 信息', 'BIOS information'),
  'host.vm-folder': L('虚拟机文件夹所在磁盘的空间', 'Disk space where VMs are stored'),
  hypervisors: L('已安装的虚拟化软件', 'Installed virtualization software'),
  internal: L('助手内部的错误', 'An error inside the helper'),
  // VMware.
  vmware: L('VMware', 'VMware'),
  'vmware.version': L('vmware -v 的输出', 'vmware -v output'),
  'vmware.linux-config': L('VMware 的设置文件（/etc/vmware/config）', 'VMware settings file (/etc/vmware/config)'),
  'vmware.linux-networking': L('VMware 的网络设置文件（/etc/vmware/networking）', 'VMware network settings file (/etc/vmware/networking)'),
  'vmware.nat-conf': L('VMware 的 NAT 设置文件', 'VMware NAT settings file'),
  'vmware.dhcp-conf': L('VMware 的 DHCP 设置文件', 'VMware DHCP settings file'),
  'vmware.dhcp-leases': L('VMware 的 DHCP 分配记录', 'VMware DHCP leases'),
  'vmware.preferences': L('VMware 首选项文件', 'VMware preferences file'),
  'vmware.inventory': L('VMware 虚拟机库（inventory.vmls）', 'VMware library (inventory.vmls)'),
  'vmware.vmrun-list': L('正在运行的虚拟机（vmrun list）', 'Running VMs (vmrun list)'),
  'vmware.vm-folder': L('虚拟机文件夹', 'Virtual Machines folder'),
  // Tool outputs that only arrive pasted.
  'paste.coreinfo': L('coreinfo -v 的输出', 'coreinfo -v output'),
  'paste.emulator-accel-check': L('Android 模拟器 -accel-check 的输出', 'Android emulator -accel-check output'),
  'paste.haxm-check': L('HAXM 检查工具的输出', 'HAXM check tool output'),
  'paste.vboxmanage': L('VBoxManage 的输出', 'VBoxManage output'),
  'paste.virt-host-validate': L('virt-host-validate 的输出', 'virt-host-validate output'),
  'paste.windows-feature-error': L('Enable-WindowsOptionalFeature 的报错', 'Enable-WindowsOptionalFeature error'),
  'paste.wsl': L('wsl 的输出', 'wsl output'),
}

/** Version probes of other virtualization software: `hv.<name>` → the command a person would type. */
const VERSION_COMMANDS: Record<string, string> = {
  virtualbox: 'VBoxManage --version',
  docker: 'docker --version',
  podman: 'podman --version',
  qemu: 'qemu-system --version',
  libvirt: 'virsh --version',
}

/** Probes about one file or one VM: `prefix:<path or address>`. */
const PER_ITEM: Record<string, (item: string) => Localized> = {
  'vmware.vmx': (name) => L(`虚拟机配置文件 ${name}`, `VM configuration file ${name}`),
  'vmware.vmdk': (name) => L(`虚拟磁盘描述文件 ${name}`, `Virtual disk descriptor ${name}`),
  'vmware.log': (vm) => L(`VMware 日志（${vm}）`, `VMware log (${vm})`),
  'vmware.tools-state': (vm) => L(`VMware Tools 的状态（${vm}）`, `VMware Tools state (${vm})`),
  'vmware.guest-ip': (vm) => L(`虚拟机的 IP 地址（${vm}）`, `The VM’s IP address (${vm})`),
  'vmware.ping': (ip) => L(`ping ${ip}`, `ping ${ip}`),
}

/** Pasted inputs are filed under `pasted/<input name>/…`; their names are the app's own words or the file's name. */
const PASTED = /^pasted[\\/]/

function parts(path: string): string[] {
  return path.split(/[\\/]+/).filter((p) => p !== '')
}

/** The file a path names (`D:\VMs\Ubuntu\Ubuntu.vmx` → `Ubuntu.vmx`). */
function fileName(path: string): string {
  return parts(path).at(-1) ?? path
}

/** The VM a file inside its folder belongs to: the folder's name (`…/Ubuntu 64 位/vmware.log` → `Ubuntu 64 位`); a .vmx path names itself. */
function vmName(path: string): string {
  const p = parts(path)
  const last = p.at(-1) ?? path
  if (/\.vmx$/i.test(last)) return last.replace(/\.vmx$/i, '')
  return p.length >= 2 ? p[p.length - 2]! : last
}

const FALLBACK: Record<string, Localized> = {
  win: L('Windows 的系统信息', 'Windows system information'),
  linux: L('Linux 的系统信息', 'Linux system information'),
  mac: L('macOS 的系统信息', 'macOS system information'),
  vmware: L('VMware 的文件', 'A VMware file'),
  paste: L('粘贴的输出', 'Pasted output'),
}

/** Whether `probe` has a name of its own here (not one of the generic family names or "原始输出"). */
export function hasOwnName(probe: string): boolean {
  if (FIXED[probe]) return true
  const colon = probe.indexOf(':')
  if (colon > 0 && PER_ITEM[probe.slice(0, colon)]) return true
  return probe.startsWith('hv.') && VERSION_COMMANDS[probe.slice(3)] !== undefined
}

/** Every probe id with a fixed name, and the prefixes of per-file ones (`vmware.vmx:`): what must never be shown raw. */
export const NAMED_PROBE_IDS: readonly string[] = Object.keys(FIXED).filter((id) => id.includes('.'))
export const PER_ITEM_PROBE_PREFIXES: readonly string[] = Object.keys(PER_ITEM).map((p) => `${p}:`)

/** The name a person would give the source of evidence filed under `probe`, in `locale`. */
export function evidenceLabel(probe: string, locale: Locale): string {
  return evidenceSource(probe)[locale]
}

/** Both languages of {@link evidenceLabel}. */
export function evidenceSource(probe: string): Localized {
  const fixed = FIXED[probe]
  if (fixed) return fixed
  const colon = probe.indexOf(':')
  if (colon > 0) {
    const make = PER_ITEM[probe.slice(0, colon)]
    const item = probe.slice(colon + 1)
    if (make) {
      const prefix = probe.slice(0, colon)
      if (prefix === 'vmware.ping') return make(item)
      if (prefix === 'vmware.vmx' || prefix === 'vmware.vmdk') return make(fileName(item))
      return make(PASTED.test(item) ? (parts(item)[1] ?? fileName(item)) : vmName(item))
    }
  }
  const [family, rest] = [probe.slice(0, probe.indexOf('.')), probe.slice(probe.indexOf('.') + 1)]
  if (family === 'hv') {
    const command = VERSION_COMMANDS[rest]
    if (command) return L(`${command} 的输出`, `${command} output`)
    return L('虚拟化软件的版本', 'Virtualization software version')
  }
  return FALLBACK[family] ?? L('原始输出', 'Raw output')
}

const FAILURE_WORDS: Record<string, Localized> = {
  'not collected': L('没有读到这一项', 'not read'),
  'empty output': L('输出是空的', 'the output was empty'),
  'no matching lines': L('没有相关的行', 'no relevant lines'),
  missing: L('找不到这个命令或文件', 'command or file not found'),
  denied: L('没有权限读取', 'permission denied'),
  timeout: L('超时，没有读完', 'timed out'),
  failed: L('运行出错', 'it failed'),
  skipped: L('跳过了', 'skipped'),
}

/** Whether an excerpt only says that its source was never read (nothing pasted or collected for it). */
export function isNotCollected(excerpt: string): boolean {
  return excerpt.trim() === '(not collected)'
}

/**
 * The engine's own notes inside raw excerpts — "(not collected)", "(missing: spawn lscpu ENOENT)",
 * "… (+3 more)" — in the reader's language. The lines of raw output themselves stay as they were
 * printed; an English system message is kept only in the English UI.
 */
export function evidenceExcerpt(excerpt: string, locale: Locale): string {
  const zh = locale === 'zh-CN'
  const whole = /^\((not collected|empty output|no matching lines|(missing|denied|timeout|failed|skipped): ([\s\S]*))\)$/.exec(excerpt.trim())
  if (whole) {
    const words = FAILURE_WORDS[whole[2] ?? whole[1]!]![locale]
    if (whole[2] && !zh && whole[3]) return `(${words}: ${whole[3]})`
    return zh ? `（${words}）` : `(${words})`
  }
  return excerpt.replace(/^… \(\+(\d+) more\)$/m, (_m, n: string) => (zh ? `……（另有 ${n} 行）` : `… (${n} more ${n === '1' ? 'line' : 'lines'})`))
}
