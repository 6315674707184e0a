import type { Check, Evidence, FactValue } from '../../../shared/host/report'
import type { CheckContext } from '../context'
import { windowsHypervisorPresent, type CpuFacts, type GuestFacts } from '../facts'
import { SYSTEMINFO_EVIDENCE } from '../interpret/systeminfo'
import { detail, L, makeCheck, skip } from './build'

const vtName = (cpu: CpuFacts): string => (cpu.vendor === 'amd' ? 'AMD-V (SVM)' : cpu.vendor === 'intel' ? 'Intel VT-x' : 'VT-x / AMD-V')
const slatName = (cpu: CpuFacts): string => (cpu.vendor === 'amd' ? 'AMD RVI (NPT)' : cpu.vendor === 'intel' ? 'Intel EPT' : 'EPT / RVI')
/** The same name inside Chinese text, with full-width brackets: “AMD-V（SVM）”. */
const zhBrackets = (name: string): string => name.replace(/ ?\(([^()]*)\)/g, '（$1）')

export function checkArch(ctx: CheckContext, cpu: CpuFacts): Check {
  const facts = { arch: ctx.arch, isArm: cpu.isArm, platform: ctx.platform }
  const details = [detail('架构', 'Architecture', ctx.arch), detail('处理器', 'Processor', cpu.brand)]
  if (cpu.isArm) {
    const mac = ctx.platform === 'darwin'
    return makeCheck('host.arch', 'fail', {
      summary: mac
        ? L(
            '这是一台 Apple 芯片（ARM）的 Mac：VMware Workstation 只能在 x86-64 电脑上运行。',
            'This is an Apple silicon (ARM) Mac: VMware Workstation runs only on x86-64 computers.',
          )
        : L(
            '这是一台 ARM 架构的电脑：VMware Workstation 只能在 x86-64 电脑上运行。',
            'This is an ARM computer: VMware Workstation runs only on x86-64 computers.',
          ),
      details,
      evidence: cpu.evidence,
      fix: mac
        ? [
            L('改用 VMware Fusion（免费，支持 Apple 芯片）、UTM 或 Parallels Desktop 完成实验。', 'Use VMware Fusion (free, supports Apple silicon), UTM or Parallels Desktop for the labs instead.'),
            L('安装 ARM64 版的客户机系统（例如 Rocky Linux 或 Ubuntu 的 aarch64 镜像）：x86 镜像无法以硬件加速运行。', 'Install an ARM64 guest (for example the aarch64 image of Rocky Linux or Ubuntu): x86 images cannot run with hardware acceleration.'),
            L('网络设置的概念（NAT、仅主机、桥接）在这些软件中相同，界面名称不同。', 'The networking ideas (NAT, host-only, bridged) are the same in these products; only the names in the UI differ.'),
            L('也可以向老师申请使用机房的 Windows 电脑完成 VMware Workstation 部分。', 'Or ask your teacher for a lab Windows PC for the VMware Workstation parts.'),
          ]
        : [
            L('VMware Workstation 没有 ARM 版本：请换用一台 x86-64 的 Windows 或 Linux 电脑。', 'There is no ARM build of VMware Workstation: use an x86-64 Windows or Linux computer.'),
            L('在 ARM 的 Linux 上可以用 KVM/QEMU（virt-manager）练习相同的概念。', 'On ARM Linux you can practise the same ideas with KVM/QEMU (virt-manager).'),
          ],
      facts,
    })
  }
  if (/^(x64|x86_64|amd64)$/i.test(ctx.arch)) {
    return makeCheck('host.arch', 'pass', {
      summary: L('x86-64 处理器，可以运行 VMware Workstation。', 'An x86-64 processor: VMware Workstation can run here.'),
      details,
      facts,
    })
  }
  if (/^(ia32|x86|i[3-6]86)$/i.test(ctx.arch)) {
    return makeCheck('host.arch', 'fail', {
      summary: L('这是 32 位系统：当前的 VMware Workstation 只支持 64 位主机。', 'This is a 32-bit system: current VMware Workstation needs a 64-bit host.'),
      details,
      fix: [L('安装 64 位的 Windows 10/11 或 64 位 Linux 后再试。', 'Install 64-bit Windows 10/11 or a 64-bit Linux, then try again.')],
      facts,
    })
  }
  if (ctx.arch === 'unknown')
    return makeCheck('host.arch', 'unknown', {
      summary: L('这些输出没有说明处理器是哪种架构（x86-64 还是 ARM）。', 'These outputs do not say which architecture the processor is (x86-64 or ARM).'),
      details,
      fix: [
        ctx.platform === 'linux'
          ? L('再粘贴 lscpu 的输出：第一行“Architecture”就是架构。', 'Also paste the lscpu output: its first line, “Architecture”, names it.')
          : ctx.platform === 'darwin'
            ? L('再粘贴 sysctl -a | grep machdep.cpu 的输出：能看出是 Intel 还是 Apple 芯片。', 'Also paste the output of sysctl -a | grep machdep.cpu: it shows an Intel or an Apple chip.')
            : L('再粘贴一段带架构的输出，例如 systeminfo 的“系统类型”一行或 msinfo32 的系统摘要。', 'Also paste an output that names the architecture, for example the “System Type” line of systeminfo or the msinfo32 System Summary.'),
      ],
      facts,
    })
  return makeCheck('host.arch', 'unknown', {
    summary: L(`无法识别的架构“${ctx.arch}”。`, `Unrecognized architecture “${ctx.arch}”.`),
    details,
    facts,
  })
}

/** The outer hypervisor's name, or null when only the CPUID flag said "VM" (no name to show a person). */
function namedHypervisor(guest: GuestFacts): string | null {
  return guest.hypervisor === 'unknown hypervisor' ? null : guest.hypervisor
}

export function checkVtExtensions(ctx: CheckContext, cpu: CpuFacts, guest: GuestFacts): Check {
  const name = vtName(cpu)
  const zhName = zhBrackets(name)
  const facts = { present: cpu.vt, vendor: cpu.vendor, name }
  const details = [detail('处理器', 'Processor', cpu.brand), detail('厂商', 'Vendor', cpu.vendor)]
  if (cpu.isArm)
    return skip('cpu.vt-extensions', L('VT-x/AMD-V 是 x86 的扩展，ARM 处理器不适用。', 'VT-x/AMD-V are x86 extensions; they do not apply to an ARM processor.'), facts)
  if (guest.wsl) return wslVtCheck(cpu, guest, name, details, facts)
  if (cpu.vt === true) {
    const hidden = ctx.platform === 'win32' && ctx.winComputerSystem()?.hypervisorPresent === true
    return makeCheck('cpu.vt-extensions', 'pass', {
      summary: hidden
        ? L(
            `Windows 的虚拟机监控程序正在运行，它本身依赖 ${zhName}，所以 CPU 一定支持（此时 Windows 不再单独显示这一项）。`,
            `Windows’ hypervisor is running and it depends on ${name}, so the CPU has it (Windows stops listing it separately then).`,
          )
        : guest.isGuest
          ? L(`本系统是虚拟机，但外层虚拟化软件把 ${zhName} 传递给了它（嵌套虚拟化）。`, `This OS is a VM, but its hypervisor passes ${name} through to it (nested virtualization).`)
          : L(`CPU 支持 ${zhName}。`, `The CPU supports ${name}.`),
      details,
      evidence: cpu.evidence,
      facts,
    })
  }
  if (cpu.vt === false) {
    if (guest.isGuest) {
      return makeCheck('cpu.vt-extensions', 'fail', {
        summary: L(
          `本系统运行在${namedHypervisor(guest) ? `虚拟机（${namedHypervisor(guest)}）` : '虚拟机'}里，外层没有把 ${zhName} 传递进来，所以这里看不到它。`,
          `This OS runs inside a VM${namedHypervisor(guest) ? ` (${namedHypervisor(guest)})` : ''} whose hypervisor does not pass ${name} through, so it is not visible here.`,
        ),
        details,
        evidence: [...cpu.evidence, ...guest.evidence.filter((e) => !cpu.evidence.includes(e))],
        fix: nestedFix(guest),
        facts,
      })
    }
    const linuxIntel = ctx.platform === 'linux' && cpu.vendor === 'intel'
    return makeCheck('cpu.vt-extensions', 'fail', {
      summary: linuxIntel
        ? L(
            `系统看不到 ${zhName}：要么 CPU 不支持，要么 BIOS/UEFI 里关闭了它（Linux 在固件关闭 VT-x 时会隐藏 vmx 标志）。`,
            `The OS does not see ${name}: either the CPU lacks it, or BIOS/UEFI turns it off (Linux hides the vmx flag when firmware disables VT-x).`,
          )
        : L(`系统报告 CPU 没有 ${zhName}。`, `The OS reports that the CPU has no ${name}.`),
      details,
      evidence: cpu.evidence,
      fix: [
        L('先在 BIOS/UEFI 里找虚拟化选项并打开它（见下方“进入 BIOS/UEFI”的说明）；保存后彻底关机再开机。', 'First look for the virtualization option in BIOS/UEFI and turn it on (see “Entering BIOS/UEFI” below); save, then power off fully and start again.'),
        L(`如果固件里没有这一项，查一下 CPU 型号（${cpu.brand ?? '未知'}）是否支持 ${zhName}；不支持的话只能换电脑或使用机房电脑。`, `If the firmware has no such option, look up whether the CPU model (${cpu.brand ?? 'unknown'}) supports ${name}; if not, use another computer or a lab PC.`),
      ],
      facts,
    })
  }
  if (ctx.platform === 'win32' && guest.isGuest === null && windowsHypervisorPresent(ctx) === true)
    return makeCheck('cpu.vt-extensions', 'unknown', {
      summary: L(
        `有虚拟机监控程序在运行，但看不出这是 Windows 自己的（Hyper-V、VBS 等）还是说明本机是一台虚拟机，所以 Windows 报告的 ${zhName} 状态不能作数。`,
        `A hypervisor is running, but nothing shows whether it is Windows’ own (Hyper-V, VBS …) or whether this computer is itself a VM, so what Windows reports about ${name} cannot be trusted.`,
      ),
      details,
      evidence: [...cpu.evidence, ...guest.evidence],
      fix: unknownGuestFix(),
      facts,
    })
  return makeCheck('cpu.vt-extensions', 'unknown', {
    summary: L('无法读取 CPU 的虚拟化特性。', 'Could not read the CPU’s virtualization features.'),
    details,
    evidence: cpu.evidence,
    fix: [
      ctx.platform === 'linux'
        ? L(
            '重新检测；如果结果不变，运行 grep -m1 flags /proc/cpuinfo 或 lscpu，把输出粘贴过来。',
            'Run the check again; if nothing changes, run grep -m1 flags /proc/cpuinfo or lscpu and paste the output.',
          )
        : ctx.platform === 'darwin'
          ? L('重新检测；如果结果不变，运行 sysctl machdep.cpu.features kern.hv_support，把输出粘贴过来。', 'Run the check again; if nothing changes, run sysctl machdep.cpu.features kern.hv_support and paste the output.')
          : L('重新检测；如果结果不变，在任务管理器“性能 → CPU”里看“虚拟化”一项，或运行 systeminfo 查看“Hyper-V 要求”。', 'Run the check again; if nothing changes, look at “Virtualization” in Task Manager → Performance → CPU, or run systeminfo and read “Hyper-V Requirements”.'),
    ],
    facts,
  })
}

/** WSL: the computer that matters is the Windows host underneath. */
function wslVtCheck(cpu: CpuFacts, guest: GuestFacts, name: string, details: ReturnType<typeof detail>[], facts: Record<string, FactValue>): Check {
  const zhName = zhBrackets(name)
  if (guest.wslVersion === 2 || cpu.vt === true)
    return makeCheck('cpu.vt-extensions', 'pass', {
      summary:
        guest.wslVersion === 2
          ? L(
              `这是 WSL 2：它本身就是 Windows 的虚拟机监控程序运行的轻量虚拟机，所以下面那台 Windows 电脑的 ${zhName} 一定存在且已启用。`,
              `This is WSL 2, itself a light VM run by Windows’ own hypervisor, so the Windows computer underneath has ${name}, switched on.`,
            )
          : L(`WSL 里能看到 ${zhName}。`, `${name} is visible inside WSL.`),
      details,
      evidence: cpu.evidence,
      facts,
    })
  return makeCheck('cpu.vt-extensions', 'unknown', {
    summary: L(
      `这是 WSL 1：Linux 的系统调用由 Windows 直接翻译，不是虚拟机。这里看到的处理器信息由 Windows 合成，看不到 ${zhName} 并不说明电脑没有它——要在 Windows 里检测。`,
      `This is WSL 1: Windows translates Linux calls itself; it is not a VM. The processor information here is made up by Windows, so not seeing ${name} says nothing about the computer — check on Windows.`,
    ),
    details,
    evidence: [...cpu.evidence, ...guest.evidence],
    fix: wslFix(guest),
    facts,
  })
}

function wslFix(guest: GuestFacts) {
  return [
    L(
      '在 Windows 里（不是 WSL 里）运行虚拟化实验助手，检测的才是要安装 VMware Workstation 的那台电脑。',
      'Run VirtLab Companion on Windows (not inside WSL): that is the computer VMware Workstation gets installed on.',
    ),
    L(
      guest.wslVersion === 1
        ? 'WSL 1 不需要 Windows 的虚拟机监控程序，它不影响 VMware。'
        : 'WSL 2 开着时 Windows 的虚拟机监控程序一直运行，VMware Workstation 会以“主机 VBS 模式”运行（能用，但更慢）；需要全速时运行 wsl --shutdown 并关闭“虚拟机平台”。',
      guest.wslVersion === 1
        ? 'WSL 1 does not need Windows’ hypervisor, so it does not affect VMware.'
        : 'While WSL 2 is on, Windows’ hypervisor keeps running and VMware Workstation runs in Host VBS mode (works, slower); for full speed run wsl --shutdown and turn off Virtual Machine Platform.',
    ),
  ]
}

/** A Windows with a hypervisor present that cannot be told from a VM. */
function unknownGuestFix() {
  return [
    L(
      '如果这是机房、云桌面或远程桌面（VDI）里的 Windows，它是一台虚拟机：请在自己的实体电脑上做实验，或请管理员为它开启嵌套虚拟化。',
      'If this Windows is a computer-room, cloud or remote (VDI) desktop, it is a VM: do the labs on your own physical computer, or ask the administrator to turn on nested virtualization for it.',
    ),
    L(
      '如果这是你自己的笔记本或台式机：以管理员身份打开 PowerShell，运行 Get-CimInstance Win32_ComputerSystem | Format-List Manufacturer,Model,PCSystemType，然后重新检测；把诊断文件交给老师也可以。',
      'If this is your own laptop or desktop: in an administrator PowerShell run Get-CimInstance Win32_ComputerSystem | Format-List Manufacturer,Model,PCSystemType, then run the check again; or give the diagnostic capture to your teacher.',
    ),
  ]
}

function nestedFix(guest: GuestFacts) {
  return [
    L('最好直接在实体电脑上做 VMware 实验，而不是在虚拟机里。', 'Best: do the VMware labs on a physical computer, not inside a VM.'),
    L(
      `如果必须在虚拟机里做，在外层（${namedHypervisor(guest) ?? '宿主机'}）为这台虚拟机打开嵌套虚拟化：VMware 中勾选“虚拟化 Intel VT-x/EPT 或 AMD-V/RVI”；Hyper-V 中运行 Set-VMProcessor -ExposeVirtualizationExtensions $true；KVM 中使用 host-passthrough CPU 并加载 kvm_intel nested=1。`,
      `If you must work in a VM, turn on nested virtualization for it in the outer hypervisor (${namedHypervisor(guest) ?? 'the host'}): VMware — tick “Virtualize Intel VT-x/EPT or AMD-V/RVI”; Hyper-V — Set-VMProcessor -ExposeVirtualizationExtensions $true; KVM — a host-passthrough CPU with kvm_intel nested=1.`,
    ),
    L('关闭该虚拟机后再修改设置，然后重新启动并重新检测。', 'Change the setting with that VM powered off, then start it and run the check again.'),
  ]
}

export function checkSlat(ctx: CheckContext, cpu: CpuFacts, guest?: GuestFacts): Check {
  const name = slatName(cpu)
  const zhName = zhBrackets(name)
  const facts = { present: cpu.slat, name }
  if (cpu.isArm) return skip('cpu.slat', L('EPT/RVI 是 x86 的特性，ARM 处理器不适用。', 'EPT/RVI are x86 features; they do not apply to an ARM processor.'), facts)
  if (cpu.slat === true)
    return makeCheck('cpu.slat', 'pass', {
      summary:
        ctx.platform === 'darwin'
          ? L(`支持 ${zhName}（macOS 的 Hypervisor.framework 可用，它要求 EPT）。`, `${name} is present (macOS’ Hypervisor.framework is available, and it requires EPT).`)
          : L(`支持 ${zhName}：客户机的页表由硬件直接转换，内存虚拟化开销小。`, `${name} is present: the hardware walks guest page tables itself, so memory virtualization is cheap.`),
      evidence: cpu.evidence,
      facts,
    })
  if (cpu.vt === false)
    return makeCheck('cpu.slat', 'unknown', {
      summary: L('看不到 VT-x/AMD-V，也就无法判断二级地址转换。', 'VT-x/AMD-V is not visible, so SLAT cannot be judged either.'),
      evidence: cpu.evidence,
      fix: [L('先解决“CPU 虚拟化扩展”一项。', 'Resolve “CPU virtualization extensions” first.')],
      facts,
    })
  if (cpu.slat === false && guest?.isGuest === true)
    return makeCheck('cpu.slat', 'fail', {
      summary: L(
        `本系统是虚拟机，外层没有把 ${zhName} 传递进来：当前的 VMware Workstation 在这里无法运行虚拟机。`,
        `This OS is a VM whose hypervisor does not pass ${name} through: current VMware Workstation cannot run VMs here.`,
      ),
      evidence: cpu.evidence,
      fix: nestedFix(guest),
      facts,
    })
  if (cpu.slat === false)
    return makeCheck('cpu.slat', 'fail', {
      summary: L(
        `CPU 没有 ${zhName}（二级地址转换）：这是 2011 年以前一代的处理器，低于当前 VMware Workstation Pro 对主机 CPU 的要求（2011 年或更新），所以当前版本不支持这台电脑。`,
        `The CPU has no ${name} (second-level address translation): it belongs to a generation before 2011, below current VMware Workstation Pro’s host CPU baseline (2011 or later), so current versions do not support this computer.`,
      ),
      evidence: cpu.evidence,
      fix: [
        L(
          '还能用的办法：安装 Oracle VirtualBox（免费，仍支持没有 SLAT 的 CPU），用它完成创建虚拟机和安装系统的实验；网络模式（NAT、仅主机、桥接）的概念相同。',
          'What still works: install Oracle VirtualBox (free, still runs on CPUs without SLAT) and do the create-a-VM and install-an-OS labs in it; the network modes (NAT, host-only, bridged) are the same ideas.',
        ),
        L(
          '或者安装较旧的 VMware Workstation（12.5.x 或更早，对 CPU 的要求更低），但它已不再有安全更新。',
          'Or install an older VMware Workstation (12.5.x or earlier, which asks less of the CPU), accepting that it no longer gets security fixes.',
        ),
        L('最好向老师申请使用机房电脑完成 VMware Workstation 的部分。', 'Best: ask your teacher for a lab PC for the VMware Workstation parts.'),
      ],
      facts,
    })
  const hv = ctx.platform === 'win32' && ctx.winComputerSystem()?.hypervisorPresent === true
  return makeCheck('cpu.slat', 'unknown', {
    summary: hv
      ? L('有虚拟机监控程序在运行，它隐藏了 CPU 的 SLAT 信息。', 'A hypervisor is running and hides the CPU’s SLAT information.')
      : L('无法读取二级地址转换（SLAT）信息。', 'Could not read second-level address translation (SLAT).'),
    evidence: cpu.evidence,
    fix: [
      L('近十年的 Intel（Core i 第 1 代起）和 AMD（Phenom 起）处理器基本都支持；可按 CPU 型号在厂商网站确认。', 'Practically every Intel (Core i, 1st generation on) and AMD (Phenom on) processor of the last decade has it; confirm by CPU model on the vendor’s site.'),
    ],
    facts,
  })
}

export function checkFirmware(ctx: CheckContext, cpu: CpuFacts, guest: GuestFacts): Check {
  const facts: Record<string, boolean | string | null> = { enabled: null, source: null }
  const fixFirmware = [
    L('重启电脑，开机时按品牌对应的按键进入 BIOS/UEFI 设置（见下方“进入 BIOS/UEFI”的说明）。', 'Restart and press your brand’s key at power-on to enter BIOS/UEFI setup (see “Entering BIOS/UEFI” below).'),
    L(
      cpu.vendor === 'amd'
        ? '找到“SVM Mode”/“AMD-V”/“Virtualization”，设为 Enabled。'
        : '找到“Intel Virtualization Technology”/“Intel VT-x”/“Virtualization”，设为 Enabled。',
      cpu.vendor === 'amd'
        ? 'Find “SVM Mode” / “AMD-V” / “Virtualization” and set it to Enabled.'
        : 'Find “Intel Virtualization Technology” / “Intel VT-x” / “Virtualization” and set it to Enabled.',
    ),
    L('保存并退出（通常是 F10），然后彻底关机再开机（不是“重启”），再重新检测。', 'Save and exit (usually F10), then power off completely and start again (not just restart), and run the check again.'),
  ]
  if (cpu.isArm) return skip('firmware.vt-enabled', L('ARM 电脑不适用此项。', 'Does not apply to an ARM computer.'), facts)

  if (ctx.platform === 'win32') {
    const p = ctx.winProcessor()
    const cs = ctx.winComputerSystem()
    const sys = ctx.systeminfo()
    const hypervisor = windowsHypervisorPresent(ctx)
    const evidence: Evidence[] = []
    if (ctx.text('win.processor') !== null) evidence.push(ctx.evidence('win.processor', /VirtualizationFirmwareEnabled/i))
    if (ctx.text('win.computersystem') !== null) evidence.push(ctx.evidence('win.computersystem', /HypervisorPresent/i))
    if (sys) evidence.push(ctx.evidence('win.systeminfo', SYSTEMINFO_EVIDENCE.firmware))
    if (!cs && ctx.winDeviceGuard()?.vbsStatus === 2) evidence.push(ctx.evidence('win.deviceguard', /VirtualizationBasedSecurityStatus/i))
    const identity = ctx.winGuest(hypervisor)
    if (hypervisor === true && (guest.isGuest === false || identity.rootPartition)) {
      facts.enabled = true
      facts.source = 'hypervisor-present'
      return makeCheck('firmware.vt-enabled', 'pass', {
        summary: L(
          '已启用：Windows 的虚拟机监控程序正在运行，只有固件打开了虚拟化它才能启动（此时 Windows 会把“固件中已启用虚拟化”显示为否或不显示，这不代表关闭）。',
          'Enabled: Windows’ hypervisor is running, which it can only do when firmware has virtualization on (Windows then shows “Virtualization Enabled In Firmware” as No or hides it; that does not mean off).',
        ),
        evidence,
        facts,
      })
    }
    if (guest.isGuest === true) {
      facts.source = 'guest'
      if (cpu.vt === true) {
        facts.enabled = true
        return makeCheck('firmware.vt-enabled', 'pass', {
          summary: L('本系统是虚拟机，外层已把虚拟化扩展传递进来，虚拟固件无需另外设置。', 'This OS is a VM and its hypervisor passes the extensions through; there is no firmware switch to set here.'),
          evidence,
          facts,
        })
      }
      return makeCheck('firmware.vt-enabled', 'unknown', {
        summary: L(
          '本系统是虚拟机，看不到实体电脑的 BIOS/UEFI（虚拟机里“固件中已启用虚拟化”的读数不反映实体电脑）；要解决的是外层是否开启嵌套虚拟化。',
          'This OS is a VM and cannot see the physical machine’s BIOS/UEFI (“Virtualization Enabled In Firmware” inside a VM says nothing about the real one); what matters is whether the outer hypervisor enables nested virtualization.',
        ),
        evidence: [...evidence, ...guest.evidence],
        fix: [L('见“本机是否为虚拟机”一项的修复步骤。', 'See the fix under “Is this computer itself a virtual machine”.')],
        facts,
      })
    }
    if (hypervisor === true) {
      facts.source = 'hypervisor-unexplained'
      return makeCheck('firmware.vt-enabled', 'unknown', {
        summary: L(
          '有虚拟机监控程序在运行，但看不出它是 Windows 自己的，还是说明本机是一台虚拟机，所以无法判断实体电脑固件中的虚拟化开关。',
          'A hypervisor is running, but nothing shows whether it is Windows’ own or whether this computer is itself a VM, so the physical firmware switch cannot be judged.',
        ),
        evidence: [...evidence, ...guest.evidence],
        fix: unknownGuestFix(),
        facts,
      })
    }
    const enabled = p?.virtualizationFirmwareEnabled ?? sys?.virtualizationFirmwareEnabled ?? null
    facts.enabled = enabled
    facts.source = p?.virtualizationFirmwareEnabled !== undefined && p?.virtualizationFirmwareEnabled !== null ? 'Win32_Processor' : sys ? 'systeminfo' : null
    if (enabled === true)
      return makeCheck('firmware.vt-enabled', 'pass', { summary: L('BIOS/UEFI 中已启用虚拟化。', 'Virtualization is enabled in BIOS/UEFI.'), evidence, facts })
    if (enabled === false)
      return makeCheck('firmware.vt-enabled', 'fail', {
        // VMware names the vendor's technology in this message; an AMD student must not read "Intel".
        summary:
          cpu.vendor === 'amd'
            ? L(
                'BIOS/UEFI 中关闭了虚拟化（AMD 主板上常叫“SVM Mode”）：VMware 会提示“此主机支持 AMD-V，但 AMD-V 处于禁用状态”。',
                'Virtualization is turned off in BIOS/UEFI (often called “SVM Mode” on AMD boards): VMware will say “This host supports AMD-V, but AMD-V is disabled”.',
              )
            : cpu.vendor === 'intel'
              ? L(
                  'BIOS/UEFI 中关闭了虚拟化：VMware 会提示“此主机支持 Intel VT-x，但 Intel VT-x 处于禁用状态”。',
                  'Virtualization is turned off in BIOS/UEFI: VMware will say “This host supports Intel VT-x, but Intel VT-x is disabled”.',
                )
              : L(
                  'BIOS/UEFI 中关闭了虚拟化：VMware 会提示主机支持 Intel VT-x（或 AMD-V），但它处于禁用状态。',
                  'Virtualization is turned off in BIOS/UEFI: VMware will say the host supports Intel VT-x (or AMD-V) but it is disabled.',
                ),
        evidence,
        fix: fixFirmware,
        facts,
      })
    return makeCheck('firmware.vt-enabled', 'unknown', {
      summary: sys && !sys.hyperVHeading
        ? L('这个 Windows 版本（Windows 7 时代）不报告固件虚拟化状态。', 'This Windows version (Windows 7 era) does not report the firmware virtualization state.')
        : L('无法读取固件中的虚拟化状态。', 'Could not read the firmware virtualization state.'),
      evidence: evidence.length ? evidence : [ctx.evidence('win.processor')],
      fix: [
        L('打开任务管理器 → 性能 → CPU，看右下角“虚拟化”是否为“已启用”。', 'Open Task Manager → Performance → CPU and see whether “Virtualization” says Enabled.'),
        ...fixFirmware,
      ],
      facts,
    })
  }

  if (ctx.platform === 'linux') {
    const dmesg = ctx.dmesg()
    const modules = ctx.modules()
    const kvm = ctx.kvmDevice()
    const info = ctx.cpuinfo()
    const kvmOk = ctx.text('linux.kvm-ok')
    if (kvmOk !== null && /disabled by (your )?BIOS/i.test(kvmOk)) {
      facts.enabled = false
      facts.source = 'kvm-ok'
      return makeCheck('firmware.vt-enabled', 'fail', {
        summary: L('kvm-ok 报告虚拟化在 BIOS/UEFI 中被关闭。', 'kvm-ok reports that virtualization is turned off in BIOS/UEFI.'),
        evidence: [ctx.evidence('linux.kvm-ok', /BIOS|can NOT|can be used/i, 3)],
        fix: fixFirmware,
        facts,
      })
    }
    if (guest.wsl) {
      facts.source = 'wsl'
      if (guest.wslVersion === 2) {
        facts.enabled = true
        return makeCheck('firmware.vt-enabled', 'pass', {
          summary: L(
            '已启用：WSL 2 由 Windows 的虚拟机监控程序运行，只有下面那台电脑的固件打开了虚拟化它才能启动。',
            'Enabled: WSL 2 is run by Windows’ own hypervisor, which starts only when the firmware of the computer underneath has virtualization on.',
          ),
          evidence: guest.evidence,
          facts,
        })
      }
      return makeCheck('firmware.vt-enabled', 'unknown', {
        summary: L('这是 WSL，看不到电脑的 BIOS/UEFI：请在 Windows 里检测。', 'This is WSL, which cannot see the computer’s BIOS/UEFI: check on Windows.'),
        evidence: guest.evidence,
        fix: wslFix(guest),
        facts,
      })
    }
    const kvmOkFacts = ctx.kvmOk()
    if (kvmOkFacts?.canBeUsed === true) {
      facts.enabled = true
      facts.source = 'kvm-ok'
      return makeCheck('firmware.vt-enabled', 'pass', {
        summary: L(
          '已启用：kvm-ok 报告“KVM acceleration can be used”，它检查了 CPU 标志、/dev/kvm 和固件锁。',
          'Enabled: kvm-ok reports “KVM acceleration can be used”, having checked the CPU flag, /dev/kvm and the firmware lock.',
        ),
        evidence: [ctx.evidence('linux.kvm-ok', /INFO|KVM acceleration/i, 3)],
        facts,
      })
    }
    if (dmesg?.disabledByBios) {
      facts.enabled = false
      facts.source = 'dmesg'
      return makeCheck('firmware.vt-enabled', 'fail', {
        summary: L('内核日志显示虚拟化在 BIOS/UEFI 中被关闭（“disabled by bios”）。', 'The kernel log says virtualization is turned off in BIOS/UEFI (“disabled by bios”).'),
        evidence: [ctx.evidence('linux.dmesg', /disabled by bios|SVM.*disabled|VMX.*disabled/i, 3)],
        fix: fixFirmware,
        facts,
      })
    }
    if (guest.isGuest) {
      facts.source = 'guest'
      if (cpu.vt === true) {
        facts.enabled = true
        return makeCheck('firmware.vt-enabled', 'pass', {
          summary: L('本系统是虚拟机，外层已把虚拟化扩展传递进来，虚拟固件无需另外设置。', 'This OS is a VM and its hypervisor passes the extensions through; there is no firmware switch to set here.'),
          evidence: cpu.evidence,
          facts,
        })
      }
      return makeCheck('firmware.vt-enabled', 'unknown', {
        summary: L(
          '本系统是虚拟机，看不到实体电脑的 BIOS/UEFI；要解决的是外层是否开启嵌套虚拟化。',
          'This OS is a VM and cannot see the physical machine’s BIOS/UEFI; what matters is whether the outer hypervisor enables nested virtualization.',
        ),
        evidence: guest.evidence,
        fix: [L('见“本机是否为虚拟机”一项的修复步骤。', 'See the fix under “Is this computer itself a virtual machine”.')],
        facts,
      })
    }
    const vendorModule = modules ? ['kvm_intel', 'kvm_amd'].find((m) => modules.has(m)) : undefined
    if (vendorModule) {
      facts.enabled = true
      facts.source = 'kvm-module'
      return makeCheck('firmware.vt-enabled', 'pass', {
        summary: L(`已启用：${vendorModule} 内核模块已加载，它只能在固件打开虚拟化时加载。`, `Enabled: the ${vendorModule} module is loaded, which it only does when firmware has virtualization on.`),
        evidence: [ctx.evidence('linux.modules', /^kvm/, 3)],
        facts,
      })
    }
    if (cpu.vt === true && info?.vmxFlags && info.vmxFlags.size > 0) {
      facts.enabled = true
      facts.source = 'vmx-flags'
      return makeCheck('firmware.vt-enabled', 'pass', {
        summary: L('已启用：内核列出了 VMX 的细节（“vmx flags”），它只在固件打开 VT-x 时这样做。', 'Enabled: the kernel lists VMX details (“vmx flags”), which it only does when firmware turns VT-x on.'),
        evidence: [ctx.evidence('linux.cpuinfo', /^vmx flags/i, 1)],
        facts,
      })
    }
    const kernel = /^(\d+)\.(\d+)/.exec(String(ctx.json('si.os')?.kernel ?? ''))
    if (cpu.vt === true && kernel && (Number(kernel[1]) > 5 || (Number(kernel[1]) === 5 && Number(kernel[2]) >= 6))) {
      facts.enabled = true
      facts.source = 'kernel-feature-control'
      return makeCheck('firmware.vt-enabled', 'pass', {
        summary: L(
          `已启用：从 5.6 起，Linux 内核在固件关闭 VT-x/AMD-V 时会隐藏 vmx/svm 标志，而这里（内核 ${kernel[0]}）能看到它。`,
          `Enabled: since 5.6 the Linux kernel hides the vmx/svm flag when firmware turns VT-x/AMD-V off, and here (kernel ${kernel[0]}) it is visible.`,
        ),
        evidence: [...cpu.evidence, ctx.evidence('si.os', /kernel/)],
        facts,
      })
    }
    if (cpu.vt === true && kvm?.opened === true) {
      facts.enabled = true
      facts.source = 'dev-kvm'
      return makeCheck('firmware.vt-enabled', 'pass', {
        summary: L('已启用：/dev/kvm 可以打开。', 'Enabled: /dev/kvm opens.'),
        evidence: [ctx.evidence('linux.kvm-device')],
        facts,
      })
    }
    const noHardware = dmesg?.kvmLines.some((l) => /kvm: no hardware support/i.test(l)) ?? false
    return makeCheck('firmware.vt-enabled', 'unknown', {
      summary:
        cpu.vt === false
          ? L('看不到 VT-x/AMD-V：可能是固件关闭了它，也可能是 CPU 不支持。', 'VT-x/AMD-V is not visible: firmware may have it off, or the CPU may lack it.')
          : noHardware
            ? L(
                '内核日志中的“kvm: no hardware support”表示系统看不到可用的 VT-x/AMD-V：可能是 CPU 不支持、固件关闭了它，或这是一台没有开启嵌套虚拟化的虚拟机（在 AMD 电脑上加载 kvm_intel 也会这样提示），仅凭这一行无法判断。',
                'The kernel log’s “kvm: no hardware support” means the OS sees no usable VT-x/AMD-V: the CPU may lack it, firmware may have it off, or this is a VM without nested virtualization (loading kvm_intel on an AMD computer prints the same); this line alone cannot tell which.',
              )
            : dmesg
              ? L('无法确认固件设置：给出的内核日志里没有“disabled by bios”这类说明，也看不到已加载的 KVM 模块。', 'Cannot confirm the firmware setting: the kernel log given has no “disabled by bios” line, and no loaded KVM module is shown.')
              : L('无法确认固件设置：内核日志不可读，KVM 模块也未加载。', 'Cannot confirm the firmware setting: the kernel log is unreadable and no KVM module is loaded.'),
      evidence: [ctx.evidence('linux.dmesg', /kvm|disabled/i, 3), ...cpu.evidence],
      fix: [
        L('运行 sudo dmesg | grep -i kvm：若出现“disabled by bios”，就需要在固件中开启。', 'Run sudo dmesg | grep -i kvm: if it says “disabled by bios”, turn it on in firmware.'),
        L('或运行 sudo modprobe kvm_intel（AMD 为 kvm_amd），失败提示同样说明固件关闭。', 'Or run sudo modprobe kvm_intel (kvm_amd on AMD): an error there means the same.'),
        ...fixFirmware,
      ],
      facts,
    })
  }

  // macOS (Intel): Apple firmware always enables VT-x; hv_support says Hypervisor.framework works.
  const s = ctx.sysctl()
  const hv = s?.get('kern.hv_support')
  facts.source = 'kern.hv_support'
  if (hv === '1') {
    facts.enabled = true
    return makeCheck('firmware.vt-enabled', 'pass', {
      summary: L('已启用：Mac 固件总是打开 VT-x，kern.hv_support = 1。', 'Enabled: Mac firmware always turns VT-x on, and kern.hv_support = 1.'),
      evidence: [ctx.evidence('mac.sysctl', /kern\.hv_support/)],
      facts,
    })
  }
  if (hv === '0') {
    facts.enabled = false
    return makeCheck('firmware.vt-enabled', 'fail', {
      summary: L('kern.hv_support = 0：这台 Mac 的虚拟化框架不可用。', 'kern.hv_support = 0: the virtualization framework is not available on this Mac.'),
      evidence: [ctx.evidence('mac.sysctl', /kern\.hv_support/)],
      fix: [L('如果这台 Mac 本身是虚拟机，需在外层开启嵌套虚拟化；否则请更新 macOS。', 'If this Mac is itself a VM, enable nested virtualization outside; otherwise update macOS.')],
      facts,
    })
  }
  return makeCheck('firmware.vt-enabled', 'unknown', {
    summary: L('无法读取 kern.hv_support。', 'Could not read kern.hv_support.'),
    evidence: [ctx.evidence('mac.sysctl', /hv_support/)],
    facts,
  })
}

/** The Windows sections that could have shown a physical computer but failed or timed out, with why. */
const GUEST_SECTIONS = ['win.bios', 'win.baseboard', 'win.enclosure', 'win.hyperv-guest', 'win.devices', 'win.netadapters', 'win.deviceguard', 'win.optional-features']
function lostGuestEvidence(ctx: CheckContext): Evidence[] {
  return GUEST_SECTIONS.filter((id) => ctx.text(id) === null && ctx.failure(id) !== 'not collected').map((id) => ctx.evidence(id))
}

export function checkVirtualMachine(ctx: CheckContext, cpu: CpuFacts, guest: GuestFacts): Check {
  const facts = {
    isGuest: guest.isGuest,
    hypervisor: guest.hypervisor,
    nestedExposed: guest.nestedExposed,
    wsl: guest.wsl,
    container: guest.container,
  }
  const details = [
    detail('外层虚拟化', 'Outer hypervisor', guest.hypervisor),
    detail('虚拟化扩展可见', 'Extensions visible', cpu.vt === null ? null : cpu.vt ? 'yes' : 'no'),
  ]
  if (guest.container) details.push(detail('容器', 'Container', ctx.detectVirt()))
  if (guest.wsl) return wslMachineCheck(cpu, guest, details, facts)
  // A guest whose hypervisor has no name (only the CPUID flag says "VM") is named in words, not with the fact value.
  const unnamed = namedHypervisor(guest) === null
  const hvZh = unnamed ? '某种虚拟化软件' : ` ${guest.hypervisor} `
  const hvEn = unnamed ? 'an unidentified hypervisor' : guest.hypervisor
  const rootOnly =
    ctx.platform === 'win32' && guest.isGuest === false && ctx.winGuest(windowsHypervisorPresent(ctx)).physicalSigns.every((p) => p.kind === 'vbs-running' || p.kind === 'root-partition')
  if (guest.isGuest === false)
    return makeCheck('host.virtual-machine', 'pass', {
      summary: rootOnly
        ? L(
            '没有虚拟机的迹象，而且 Windows 自己的虚拟机监控程序（VBS/Hyper-V）正在运行、本系统是它的根分区：VT-x/AMD-V 可供这台 Windows 使用。',
            'No sign of a VM, and Windows’ own hypervisor (VBS/Hyper-V) runs with this system as its root partition: VT-x/AMD-V is available to this Windows.',
          )
        : L('本机是实体电脑，不是虚拟机。', 'This is a physical computer, not a virtual machine.'),
      details,
      evidence: guest.evidence,
      facts,
    })
  if (guest.isGuest === true && guest.nestedExposed === true)
    return makeCheck('host.virtual-machine', 'warn', {
      summary: L(
        `本系统是运行在${hvZh}上的虚拟机，已开启嵌套虚拟化：VMware 能运行，但会比在实体机上慢。`,
        `This OS is a VM on ${hvEn} with nested virtualization on: VMware can run, but slower than on a physical machine.`,
      ),
      details,
      evidence: guest.evidence,
      fix: [L('可以继续做实验；若太慢，请换到实体电脑。', 'You can go on with the labs; if it is too slow, move to a physical computer.')],
      facts,
    })
  if (guest.isGuest === true && guest.nestedExposed === null)
    return makeCheck('host.virtual-machine', 'unknown', {
      summary: L(
        `本系统是运行在${hvZh}上的虚拟机，但无法确定外层是否开启了嵌套虚拟化。`,
        `This OS is a VM on ${hvEn}, but whether nested virtualization is on cannot be told.`,
      ),
      details,
      evidence: guest.evidence,
      fix: nestedFix(guest),
      facts,
    })
  if (guest.isGuest === true)
    return makeCheck('host.virtual-machine', 'fail', {
      summary: L(
        `本系统是运行在${hvZh}上的虚拟机，外层没有开启嵌套虚拟化：VMware Workstation 无法在这里用硬件加速运行 64 位客户机。`,
        `This OS is a VM on ${hvEn} without nested virtualization: VMware Workstation cannot run 64-bit guests with hardware acceleration here.`,
      ),
      details,
      evidence: guest.evidence,
      fix: nestedFix(guest),
      facts,
    })
  if (ctx.platform === 'win32' && windowsHypervisorPresent(ctx) === true)
    return makeCheck('host.virtual-machine', 'unknown', {
      summary: guest.foreignHypervisor
        ? L(
            '有一个不是 Windows 自己启动的虚拟机监控程序在运行（Hyper-V、虚拟机平台、VBS 都没有开启）：这几乎可以肯定是一台虚拟机，例如云桌面或机房的虚拟桌面。',
            'A hypervisor that Windows did not start is running (Hyper-V, Virtual Machine Platform and VBS are all off): this is almost certainly a VM, such as a cloud or computer-room virtual desktop.',
          )
        : L(
            '有虚拟机监控程序在运行，但没有任何迹象能证明这是一台实体电脑（例如笔记本机身、无线网卡，或 Windows 自己的 Hyper-V/VBS）：它也可能是一台虚拟机。',
            'A hypervisor is running, but nothing proves this is a physical computer (a laptop chassis, a wireless card, or Windows’ own Hyper-V/VBS): it may be a VM.',
          ),
      details,
      evidence: [...guest.evidence, ...lostGuestEvidence(ctx)],
      fix: unknownGuestFix(),
      facts,
    })
  return makeCheck('host.virtual-machine', 'unknown', {
    summary: L('无法判断本系统是否运行在虚拟机中。', 'Cannot tell whether this OS runs inside a virtual machine.'),
    details,
    evidence: guest.evidence,
    facts,
  })
}

/** WSL: not "a VM without nesting" — the Windows host underneath is the computer for Workstation. */
function wslMachineCheck(cpu: CpuFacts, guest: GuestFacts, details: ReturnType<typeof detail>[], facts: Record<string, FactValue>): Check {
  const v1 = guest.wslVersion === 1
  const nested = cpu.vt === true && !v1
  return makeCheck('host.virtual-machine', nested ? 'warn' : 'fail', {
    summary: v1
      ? L(
          '这是 WSL 1：Linux 程序由 Windows 直接翻译运行，不是虚拟机，也装不了 VMware Workstation。要检测的是下面那台 Windows 电脑。',
          'This is WSL 1: Windows runs Linux programs by translating their calls; it is not a VM, and VMware Workstation cannot be installed in it. The computer to check is the Windows one underneath.',
        )
      : nested
        ? L(
            '这是 WSL 2：Windows 的虚拟机监控程序运行的轻量虚拟机，并且开启了嵌套虚拟化。VMware Workstation 应该装在下面那台 Windows 上（WSL 2 开着时它以“主机 VBS 模式”运行）。',
            'This is WSL 2, a light VM run by Windows’ own hypervisor, here with nested virtualization on. VMware Workstation belongs on the Windows underneath (with WSL 2 on it runs in Host VBS mode).',
          )
        : L(
            `这是 ${guest.wslVersion === 2 ? 'WSL 2' : 'WSL'}：Windows 的虚拟机监控程序运行的轻量虚拟机，不适合安装 VMware Workstation。要检测、要安装 Workstation 的是下面那台 Windows 电脑（WSL 2 开着时 Workstation 以“主机 VBS 模式”运行）。`,
            `This is ${guest.wslVersion === 2 ? 'WSL 2' : 'WSL'}, a light VM run by Windows’ own hypervisor: not a place for VMware Workstation. The computer to check and to install Workstation on is the Windows underneath (with WSL 2 on, Workstation runs in Host VBS mode).`,
          ),
    details,
    evidence: guest.evidence,
    fix: wslFix(guest),
    facts,
  })
}
