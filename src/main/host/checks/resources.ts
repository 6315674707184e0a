import type { Check, Evidence } from '../../../shared/host/report'
import { vmwareLogs } from '../extra-evidence'
import { num, str, type CheckContext } from '../context'
import type { CpuFacts } from '../facts'
import { SYSTEMINFO_EVIDENCE } from '../interpret/systeminfo'
import { parseSystemInfoMemory } from '../interpret/windows'
import { detail, L, makeCheck, skip } from './build'

const GiB = 1024 ** 3
const gib = (bytes: number): string => `${(bytes / GiB).toFixed(1)} GiB`

export function totalMemory(ctx: CheckContext): { bytes: number | null; probe: string } {
  const si = num(ctx.json('si.mem')?.total)
  if (si) return { bytes: si, probe: 'si.mem' }
  if (ctx.platform === 'linux') return { bytes: ctx.meminfoTotal(), probe: 'linux.meminfo' }
  if (ctx.platform === 'win32') {
    const cs = ctx.winComputerSystem()?.totalPhysicalMemory
    if (cs) return { bytes: cs, probe: 'win.computersystem' }
    return { bytes: parseSystemInfoMemory(ctx.systeminfo()?.totalMemoryText ?? null), probe: 'win.systeminfo' }
  }
  const mem = Number(ctx.sysctl()?.get('hw.memsize') ?? NaN)
  return { bytes: Number.isFinite(mem) ? mem : null, probe: 'mac.sysctl' }
}

export function checkMemory(ctx: CheckContext): Check {
  const { bytes, probe } = totalMemory(ctx)
  const facts = { totalBytes: bytes, totalGiB: bytes === null ? null : Math.round((bytes / GiB) * 10) / 10 }
  const evidence = [ctx.evidence(probe, /total|MemTotal|memsize|TotalPhysicalMemory|物理内存总量|Total Physical Memory/i, 2)]
  if (bytes === null)
    return makeCheck('memory', 'unknown', { summary: L('无法读取内存大小。', 'Could not read the amount of memory.'), evidence, facts })
  const details = [detail('物理内存', 'Physical memory', gib(bytes))]
  // Reported totals are a little below the installed size (firmware and graphics reserve some).
  if (bytes >= 7.5 * GiB)
    return makeCheck('memory', 'pass', {
      summary: L(`内存 ${gib(bytes)}：足够同时运行主机和一台 2 GB 的虚拟机。`, `${gib(bytes)} of memory: enough for the host plus a 2 GB VM.`),
      details,
      evidence,
      facts,
    })
  if (bytes >= 3.5 * GiB)
    return makeCheck('memory', 'warn', {
      summary: L(`内存 ${gib(bytes)}：能运行一台 2 GB 的虚拟机，但会比较吃紧。`, `${gib(bytes)} of memory: a 2 GB VM will run, but tightly.`),
      details,
      evidence,
      fix: [
        L('做实验时关闭浏览器等占内存的程序。', 'Close memory-hungry programs such as browsers while you work on the labs.'),
        L('虚拟机内存设为 2048 MB，不要更多；安装最小化（无图形界面）的 Linux。', 'Give the VM 2048 MB, no more, and install a minimal (no desktop) Linux.'),
      ],
      facts,
    })
  return makeCheck('memory', 'fail', {
    summary: L(`内存只有 ${gib(bytes)}：不够同时运行主机和虚拟机。`, `Only ${gib(bytes)} of memory: not enough for the host and a VM together.`),
    details,
    evidence,
    fix: [
      L('尽量使用内存 8 GB 以上的电脑，或向老师申请机房电脑。', 'Use a computer with 8 GB or more, or ask your teacher for a lab PC.'),
      L('若只能用这台电脑：虚拟机内存设为 1024 MB，安装最小化系统，并关闭其他所有程序。', 'If this is the only computer: give the VM 1024 MB, install a minimal system, and close every other program.'),
    ],
    facts,
  })
}

export function checkCores(ctx: CheckContext, cpu: CpuFacts): Check {
  const facts = { cores: cpu.cores, threads: cpu.threads }
  const details = [detail('物理核心', 'Physical cores', cpu.cores), detail('逻辑处理器', 'Logical processors', cpu.threads)]
  const evidence = cpu.evidence
  const cores = cpu.cores ?? cpu.threads
  if (cores === null) return makeCheck('cpu.cores', 'unknown', { summary: L('无法读取 CPU 核心数。', 'Could not read the number of CPU cores.'), details, evidence, facts })
  if (cores >= 4 || (cpu.threads ?? 0) >= 4)
    return makeCheck('cpu.cores', 'pass', {
      summary: L(`${cores} 个核心：给虚拟机 2 个 vCPU 后主机仍然流畅。`, `${cores} cores: the host stays responsive with 2 vCPUs given to the VM.`),
      details,
      evidence,
      facts,
    })
  if (cores >= 2)
    return makeCheck('cpu.cores', 'warn', {
      summary: L(`${cores} 个核心：能给虚拟机 2 个 vCPU，但主机会变慢。`, `${cores} cores: a 2-vCPU VM fits, but the host will slow down.`),
      details,
      evidence,
      fix: [L('安装系统时给 2 个 vCPU，装完后若主机太卡可改为 1 个。', 'Give the VM 2 vCPUs while installing; drop to 1 afterwards if the host feels slow.')],
      facts,
    })
  return makeCheck('cpu.cores', 'fail', {
    summary: L('只有 1 个核心：运行虚拟机会非常慢。', 'A single core: a VM will be very slow.'),
    details,
    evidence,
    fix: [L('请换一台至少双核的电脑。', 'Use a computer with at least two cores.')],
    facts,
  })
}

export function checkDisk(ctx: CheckContext): Check {
  const info = ctx.json('host.vm-folder')
  const free = num(info?.freeBytes)
  const path = str(info?.path)
  const facts = { path, freeBytes: free, freeGiB: free === null ? null : Math.round((free / GiB) * 10) / 10 }
  const evidence = [ctx.evidence('host.vm-folder')]
  const details = [detail('位置', 'Location', path), detail('可用空间', 'Free space', free === null ? null : gib(free))]
  if (free === null) return makeCheck('disk', 'unknown', { summary: L('无法读取虚拟机存放位置的可用空间。', 'Could not read the free space where VMs will be stored.'), details, evidence, facts })
  if (free >= 40 * GiB)
    return makeCheck('disk', 'pass', {
      summary: L(`可用 ${gib(free)}：足够放一块 20 GB 的虚拟磁盘和安装镜像。`, `${gib(free)} free: room for a 20 GB virtual disk and the install ISO.`),
      details,
      evidence,
      facts,
    })
  const fix = [
    L('清理下载文件夹和回收站，或把虚拟机放到空间更大的分区（在新建虚拟机向导的“位置”一步选择）。', 'Clean up Downloads and the recycle bin, or put the VM on a larger drive (choose it at the wizard’s “Location” step).'),
    L('磁盘选择“拆分成多个文件”且不要勾选“立即分配所有磁盘空间”：虚拟磁盘只占用实际写入的空间。', 'Choose “split into multiple files” and leave “allocate all disk space now” unticked: the virtual disk then only takes what is written.'),
  ]
  if (free >= 20 * GiB)
    return makeCheck('disk', 'warn', {
      summary: L(`可用 ${gib(free)}：够用，但余量不多（建议 40 GB 以上）。`, `${gib(free)} free: enough, with little to spare (40 GB or more is better).`),
      details,
      evidence,
      fix,
      facts,
    })
  return makeCheck('disk', 'fail', {
    summary: L(`只剩 ${gib(free)}：放不下 20 GB 的虚拟磁盘和安装镜像。`, `Only ${gib(free)} free: not enough for a 20 GB virtual disk and the install ISO.`),
    details,
    evidence,
    fix,
    facts,
  })
}

/** The Windows host named by the newest vmware.log, when one was read. */
function vmwareLogHost(ctx: CheckContext): { caption: string; build: number; arch: string | null; evidence: Evidence } | null {
  const log = vmwareLogs(ctx)[0]
  const hostOs = log?.facts.hostOs
  if (!log || !hostOs || !/^Windows\b/.test(hostOs)) return null
  const build = Number(/\(Build (\d+)/i.exec(hostOs)?.[1] ?? /build (\d+)/i.exec(hostOs)?.[1] ?? NaN)
  if (!Number.isFinite(build)) return null
  const caption = hostOs.replace(/,?\s*\(Build [^)]*\)\s*$/i, '').replace(/,\s*(32|64)-bit\b.*$/i, '').trim()
  const arch = /\b64-bit\b/i.test(hostOs) ? '64-bit' : /\b32-bit\b/i.test(hostOs) ? '32-bit' : null
  return { caption, build, arch, evidence: { probe: log.id, excerpt: `Host is ${hostOs}` } }
}

export function checkOs(ctx: CheckContext): Check {
  if (ctx.platform === 'win32') {
    const os = ctx.winOs()
    const sys = ctx.systeminfo()
    // With neither (a pasted vmware.log), the log's "Host is Windows 10 Pro, 64-bit (Build 19045…)" line.
    const log = os || sys ? null : vmwareLogHost(ctx)
    const caption = os?.caption ?? sys?.osName ?? log?.caption ?? null
    const build = os?.build ?? (sys?.osVersion ? Number(/\d+\.\d+\.(\d+)/.exec(sys.osVersion)?.[1] ?? NaN) : (log?.build ?? NaN))
    const arch = os?.architecture ?? sys?.systemType ?? log?.arch ?? null
    const facts = { name: caption, build: Number.isFinite(build) ? build : null, architecture: arch }
    const details = [detail('系统', 'System', caption), detail('内部版本', 'Build', Number.isFinite(build) ? build : null), detail('位数', 'Architecture', arch)]
    const evidence = log
      ? [log.evidence]
      : [ctx.probe('win.os') ? ctx.evidence('win.os', /Caption|Version|BuildNumber|OSArchitecture/i) : ctx.evidence('win.systeminfo', SYSTEMINFO_EVIDENCE.os)]
    if (!Number.isFinite(build))
      return makeCheck('os.supported', 'unknown', { summary: L('无法读取 Windows 版本。', 'Could not read the Windows version.'), details, evidence, facts })
    if (arch && /32|x86-based|x86 架构/i.test(arch) && !/64/.test(arch))
      return makeCheck('os.supported', 'fail', {
        summary: L('32 位 Windows：VMware Workstation 需要 64 位系统。', '32-bit Windows: VMware Workstation needs a 64-bit system.'),
        details,
        evidence,
        fix: [L('安装 64 位 Windows 10/11。', 'Install 64-bit Windows 10/11.')],
        facts,
      })
    if (build < 10240)
      return makeCheck('os.supported', 'fail', {
        summary: L('Windows 7/8 已不受当前 VMware Workstation 支持（17 版要求 Windows 10 或更新）。', 'Windows 7/8 is not supported by current VMware Workstation (17 needs Windows 10 or newer).'),
        details,
        evidence,
        fix: [L('升级到 64 位 Windows 10 或 11。', 'Upgrade to 64-bit Windows 10 or 11.')],
        facts,
      })
    if (build < 19041)
      return makeCheck('os.supported', 'warn', {
        summary: L('较旧的 Windows 10（2004 之前）：可以安装，但与 Hyper-V 共存需要 2004 或更新版本。', 'An older Windows 10 (before 2004): Workstation installs, but coexisting with Hyper-V needs 2004 or newer.'),
        details,
        evidence,
        fix: [L('通过 Windows 更新升级到最新版本。', 'Update to the latest version through Windows Update.')],
        facts,
      })
    return makeCheck('os.supported', 'pass', {
      summary: L(`${caption ?? 'Windows'}（内部版本 ${build}）受支持。`, `${caption ?? 'Windows'} (build ${build}) is supported.`),
      details,
      evidence,
      facts,
    })
  }
  if (ctx.platform === 'linux') {
    const rel = ctx.osRelease()
    const siOs = ctx.json('si.os')
    const name = rel?.get('PRETTY_NAME') ?? str(siOs?.distro) ?? null
    const kernel = str(siOs?.kernel)
    const facts = { name, id: rel?.get('ID') ?? null, version: rel?.get('VERSION_ID') ?? null, kernel }
    const details = [detail('发行版', 'Distribution', name), detail('内核', 'Kernel', kernel)]
    const evidence = [ctx.evidence('linux.os-release', /^(PRETTY_NAME|ID|VERSION_ID)=/)]
    if (!name) return makeCheck('os.supported', 'unknown', { summary: L('无法读取 Linux 发行版信息。', 'Could not read the Linux distribution.'), details, evidence, facts })
    return makeCheck('os.supported', 'pass', {
      summary: L(
        `${name}：VMware Workstation 支持 64 位 Linux；首次启动时它会为当前内核编译 vmmon/vmnet 模块。`,
        `${name}: VMware Workstation supports 64-bit Linux; on first start it builds the vmmon/vmnet modules for the running kernel.`,
      ),
      details,
      evidence,
      facts,
    })
  }
  const sw = ctx.swVers()
  const version = sw?.get('ProductVersion') ?? ctx.sysctl()?.get('kern.osproductversion') ?? null
  const facts = { name: 'macOS', version }
  const details = [detail('版本', 'Version', version)]
  const evidence = [ctx.probe('mac.sw_vers') ? ctx.evidence('mac.sw_vers') : ctx.evidence('mac.sysctl', /osproductversion/)]
  if (/arm64/.test(ctx.arch) || ctx.sysctl()?.get('hw.optional.arm64') === '1')
    return skip('os.supported', L('见“处理器架构”：Apple 芯片的 Mac 上没有 VMware Workstation。', 'See “Processor architecture”: there is no VMware Workstation for Apple silicon Macs.'), facts)
  return makeCheck('os.supported', 'warn', {
    summary: L(
      `macOS ${version ?? ''}：VMware Workstation 没有 Mac 版本，Mac 上对应的是 VMware Fusion（同样免费）。`,
      `macOS ${version ?? ''}: there is no VMware Workstation for Mac; its Mac counterpart is VMware Fusion (also free).`,
    ),
    details,
    evidence,
    fix: [
      L('安装 VMware Fusion，按实验步骤操作：网络模式（NAT、仅主机、桥接）与 Workstation 相同，菜单位置不同。', 'Install VMware Fusion and follow the labs: the network modes (NAT, host-only, bridged) are the same as in Workstation; the menus differ.'),
      L('本应用对 Fusion 的自动检查有限，部分步骤需要手动确认。', 'The app can verify less of Fusion automatically; some steps will ask you to confirm by hand.'),
    ],
    facts,
  })
}

export function checkKvm(ctx: CheckContext, cpu: CpuFacts): Check {
  if (ctx.platform !== 'linux') return skip('kvm.available', L('只适用于 Linux。', 'Applies to Linux only.'))
  const kvm = ctx.kvmDevice()
  const modules = ctx.modules()
  const provider = modules ? (['kvm_intel', 'kvm_amd', 'kvm_pvm', 'kvm'].find((m) => modules.has(m)) ?? null) : null
  const facts = { exists: kvm?.exists ?? null, usable: kvm ? kvm.opened ?? (kvm.readable && kvm.writable) : null, module: provider }
  const details = [
    detail('/dev/kvm', '/dev/kvm', kvm === null ? null : kvm.exists ? (facts.usable ? 'usable' : 'no access') : 'missing'),
    detail('提供模块', 'Provided by', provider ?? (modules ? 'none loaded' : 'unknown (/proc/modules unreadable)')),
  ]
  const evidence = [ctx.evidence('linux.kvm-device'), ctx.evidence('linux.modules', /^kvm/, 3)]
  if (!kvm) {
    // Fall back on kvm-ok's own conclusion when that is all we have.
    const kvmOk = ctx.text('linux.kvm-ok')
    if (kvmOk !== null && /KVM acceleration can NOT be used/i.test(kvmOk))
      return makeCheck('kvm.available', 'fail', {
        summary: L('kvm-ok：KVM 加速不能使用。', 'kvm-ok: KVM acceleration can NOT be used.'),
        details,
        evidence: [ctx.evidence('linux.kvm-ok', /INFO|HINT|KVM acceleration/i, 6)],
        fix: [L('按 kvm-ok 的 HINT 行操作（通常是在 BIOS 中打开虚拟化，或加载 kvm_intel/kvm_amd）。', 'Follow kvm-ok’s HINT lines (usually: turn virtualization on in BIOS, or load kvm_intel/kvm_amd).')],
        facts,
      })
    if (kvmOk !== null && /KVM acceleration can be used/i.test(kvmOk))
      return makeCheck('kvm.available', 'pass', {
        summary: L('kvm-ok：KVM 加速可以使用。', 'kvm-ok: KVM acceleration can be used.'),
        details,
        evidence: [ctx.evidence('linux.kvm-ok', /INFO|KVM acceleration/i, 4)],
        facts,
      })
    return makeCheck('kvm.available', 'unknown', { summary: L('无法检查 /dev/kvm。', 'Could not check /dev/kvm.'), details, evidence, facts })
  }
  if (!kvm.exists)
    return makeCheck('kvm.available', 'warn', {
      summary: L('没有 /dev/kvm：KVM 未加载（VMware 实验不需要 KVM，这只影响 QEMU/KVM 的使用）。', 'No /dev/kvm: KVM is not loaded (the VMware labs do not need it; only QEMU/KVM use is affected).'),
      details,
      evidence,
      fix:
        cpu.vt === true
          ? [L(`运行 sudo modprobe ${cpu.vendor === 'amd' ? 'kvm_amd' : 'kvm_intel'} 加载 KVM。`, `Run sudo modprobe ${cpu.vendor === 'amd' ? 'kvm_amd' : 'kvm_intel'} to load KVM.`)]
          : [L('先解决“CPU 虚拟化扩展”一项。', 'Resolve “CPU virtualization extensions” first.')],
      facts,
    })
  if (!facts.usable)
    return makeCheck('kvm.available', 'warn', {
      summary: L('/dev/kvm 存在，但当前用户没有读写权限。', '/dev/kvm exists, but this user cannot read and write it.'),
      details,
      evidence,
      fix: [L('运行 sudo usermod -aG kvm $USER，然后注销并重新登录。', 'Run sudo usermod -aG kvm $USER, then log out and back in.')],
      facts,
    })
  if (cpu.vt === false)
    return makeCheck('kvm.available', 'warn', {
      summary: L(
        `/dev/kvm 可以打开，但 CPU 没有向本系统暴露 VT-x/AMD-V：这很可能是不依赖硬件扩展的 KVM（如半虚拟化的 kvm_pvm）或由外层沙箱提供的设备。QEMU/KVM 也许能用，VMware Workstation 不能。`,
        `/dev/kvm opens, but the CPU exposes no VT-x/AMD-V to this OS: most likely a KVM that does not use the hardware extensions (such as the paravirtualized kvm_pvm) or a device passed in by an outer sandbox. QEMU/KVM may work; VMware Workstation will not.`,
      ),
      details,
      evidence: [...evidence, ...cpu.evidence],
      fix: [L('VMware 实验请参考“本机是否为虚拟机”一项的建议。', 'For the VMware labs, follow the advice under “Is this computer itself a virtual machine”.')],
      facts,
    })
  return makeCheck('kvm.available', 'pass', {
    summary: L(`KVM 可用${provider ? `（${provider}）` : ''}。`, `KVM is usable${provider ? ` (${provider})` : ''}.`),
    details,
    evidence,
    facts,
  })
}
