import { z } from 'zod'
import type { Localized } from '../i18n/locale'
import { channel } from '../ipc/define'
import { HostReportSchema, type Check } from './report'

/**
 * `virtlab explain` and the app's "paste output / open file" panel: raw texts as students paste
 * them, recognised by kind and turned into a partial capture that the usual checks read.
 */
export const EXPLAIN_KINDS = [
  'vmware-log',
  'systeminfo',
  'msinfo32',
  'get-computerinfo',
  'win32-processor',
  'win32-computersystem',
  'win32-deviceguard',
  'coreinfo',
  'bcdedit',
  'windows-feature-error',
  'wsl',
  'ipconfig',
  'haxm-check',
  'emulator-accel-check',
  'vboxmanage',
  'cpuinfo',
  'lscpu',
  'kvm-ok',
  'dmesg',
  'virt-host-validate',
  'sysctl',
  'vmx',
  'vmnet-config',
] as const
export const ExplainKindSchema = z.enum(EXPLAIN_KINDS)
export type ExplainKind = z.infer<typeof ExplainKindSchema>

/** What each kind is, in words a student recognises (command names stay as typed). */
export const EXPLAIN_KIND_NAMES: Record<ExplainKind, Localized> = {
  'vmware-log': { 'zh-CN': 'vmware.log（虚拟机日志）', en: 'vmware.log (VM log)' },
  systeminfo: { 'zh-CN': 'systeminfo', en: 'systeminfo' },
  msinfo32: { 'zh-CN': '系统信息（msinfo32）的系统摘要', en: 'System Information (msinfo32) summary' },
  'get-computerinfo': { 'zh-CN': 'Get-ComputerInfo', en: 'Get-ComputerInfo' },
  'win32-processor': { 'zh-CN': 'Win32_Processor 列表', en: 'Win32_Processor list' },
  'win32-computersystem': { 'zh-CN': 'Win32_ComputerSystem 列表', en: 'Win32_ComputerSystem list' },
  'win32-deviceguard': { 'zh-CN': 'Win32_DeviceGuard 列表', en: 'Win32_DeviceGuard list' },
  coreinfo: { 'zh-CN': 'coreinfo -v', en: 'coreinfo -v' },
  bcdedit: { 'zh-CN': 'bcdedit /enum', en: 'bcdedit /enum' },
  'windows-feature-error': { 'zh-CN': 'Enable-WindowsOptionalFeature 的报错', en: 'Enable-WindowsOptionalFeature error' },
  wsl: { 'zh-CN': 'wsl --status / --version / -l -v', en: 'wsl --status / --version / -l -v' },
  ipconfig: { 'zh-CN': 'ipconfig /all', en: 'ipconfig /all' },
  'haxm-check': { 'zh-CN': 'HAXM 检查工具（checktool）', en: 'HAXM check tool (checktool)' },
  'emulator-accel-check': { 'zh-CN': 'Android 模拟器 -accel-check', en: 'Android emulator -accel-check' },
  vboxmanage: { 'zh-CN': 'VBoxManage list hostinfo / systemproperties', en: 'VBoxManage list hostinfo / systemproperties' },
  cpuinfo: { 'zh-CN': '/proc/cpuinfo', en: '/proc/cpuinfo' },
  lscpu: { 'zh-CN': 'lscpu', en: 'lscpu' },
  'kvm-ok': { 'zh-CN': 'kvm-ok', en: 'kvm-ok' },
  dmesg: { 'zh-CN': 'dmesg（内核日志）', en: 'dmesg (kernel log)' },
  'virt-host-validate': { 'zh-CN': 'virt-host-validate', en: 'virt-host-validate' },
  sysctl: { 'zh-CN': 'macOS 的 sysctl', en: 'macOS sysctl' },
  vmx: { 'zh-CN': '.vmx（虚拟机配置文件）', en: '.vmx (VM configuration)' },
  'vmnet-config': { 'zh-CN': 'VMware 虚拟网络配置（vmnetnat.conf、vmnetdhcp.conf、networking）', en: 'VMware virtual network configs (vmnetnat.conf, vmnetdhcp.conf, networking)' },
}

export const EXPLAIN_MAX_INPUTS = 20
/** Per input; a vmware.log of a long session is a few MB. */
export const EXPLAIN_MAX_BYTES = 8 * 1024 * 1024

export const ExplainInputSchema = z
  .object({
    /** A file name, or a label such as "粘贴 1" for pasted text. */
    name: z.string().min(1).max(300),
    /** Text as pasted (already a string)… */
    text: z.string().max(EXPLAIN_MAX_BYTES).optional(),
    /** …or a file's raw bytes, base64 (any encoding: the reader detects it). */
    base64: z
      .string()
      .max(Math.ceil((EXPLAIN_MAX_BYTES * 4) / 3) + 4)
      .optional(),
  })
  .strict()
  .refine((input) => (input.text === undefined) !== (input.base64 === undefined), { message: 'give text or base64, not both' })
export type ExplainInput = z.infer<typeof ExplainInputSchema>

export const RecognisedSchema = z
  .object({
    kind: ExplainKindSchema,
    /** The input it was found in. */
    input: z.string(),
    /** The encoding the input was read in (files only). */
    encoding: z.string().nullable(),
  })
  .strict()
export type Recognised = z.infer<typeof RecognisedSchema>

export const ExplainResultSchema = z
  .object({
    /** null when nothing was recognised. */
    report: HostReportSchema.nullable(),
    recognised: z.array(RecognisedSchema),
    /** Inputs (by name) in which no known kind was found. */
    unrecognised: z.array(z.string()),
  })
  .strict()
export type ExplainResult = z.infer<typeof ExplainResultSchema>

export const explainChannels = {
  /** Explains pasted texts and opened files; the report is marked as coming from pasted output. */
  texts: channel(z.tuple([z.array(ExplainInputSchema).min(1).max(EXPLAIN_MAX_INPUTS)]), ExplainResultSchema),
}

/**
 * An unknown check nothing pasted speaks to: marked so by the pasted report's words, or every piece
 * of its evidence is a probe that was never collected.
 */
export function notInPaste(check: Check): boolean {
  if (check.status === 'unknown' && check.facts.notInPaste === true) return true
  return check.status === 'unknown' && check.evidence.length > 0 && check.evidence.every((e) => /^\((not collected|missing: )/.test(e.excerpt))
}
