import type { Locale, Localized } from '../i18n/locale'
import type { CheckId } from './report'

export const CHECK_TITLES: Record<CheckId, Localized> = {
  'host.arch': { 'zh-CN': '处理器架构', en: 'Processor architecture' },
  'cpu.vt-extensions': { 'zh-CN': 'CPU 虚拟化扩展（VT-x / AMD-V）', en: 'CPU virtualization extensions (VT-x / AMD-V)' },
  'cpu.slat': { 'zh-CN': '二级地址转换（EPT / RVI）', en: 'Second-level address translation (EPT / RVI)' },
  'firmware.vt-enabled': { 'zh-CN': 'BIOS/UEFI 中已启用虚拟化', en: 'Virtualization enabled in BIOS/UEFI' },
  'host.virtual-machine': { 'zh-CN': '本机是否为虚拟机', en: 'Is this computer itself a virtual machine' },
  'windows.hypervisor': { 'zh-CN': 'Windows 自带的虚拟机监控程序', en: 'Windows’ own hypervisor' },
  'kvm.available': { 'zh-CN': 'KVM 可用性', en: 'KVM availability' },
  'os.supported': { 'zh-CN': '操作系统版本', en: 'Operating system version' },
  'cpu.cores': { 'zh-CN': 'CPU 核心数', en: 'CPU cores' },
  memory: { 'zh-CN': '内存', en: 'Memory' },
  disk: { 'zh-CN': '虚拟机存放位置的磁盘空间', en: 'Disk space where VMs are stored' },
  'vmware.installed': { 'zh-CN': 'VMware Workstation 安装情况', en: 'VMware Workstation installation' },
  'vmware.services': { 'zh-CN': 'VMware 服务与内核模块', en: 'VMware services and kernel modules' },
  'vmware.networks': { 'zh-CN': 'VMware 虚拟网络（VMnet1 / VMnet8）', en: 'VMware virtual networks (VMnet1 / VMnet8)' },
  'vmware.vms': { 'zh-CN': '已创建的虚拟机', en: 'Virtual machines found' },
  'vmware.running': { 'zh-CN': '正在运行的虚拟机', en: 'Running virtual machines' },
  'hypervisors.other': { 'zh-CN': '其他虚拟化软件', en: 'Other virtualization software' },
}

/** A check's name for a person; an id this version does not know (a newer report) is shown as it is. */
export function checkTitle(id: string, locale: Locale): string {
  return (CHECK_TITLES as Record<string, Localized | undefined>)[id]?.[locale] ?? id
}
