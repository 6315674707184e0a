import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { collectCapture, currentEnvironment } from '../../src/main/host/collect'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { explainTexts, readInput } from '../../src/main/host/explain/explain'
import type { Capture } from '../../src/shared/host/capture'
import { evidenceExcerpt, evidenceLabel, evidenceSource, hasOwnName, isNotCollected } from '../../src/shared/host/evidence-labels'
import type { HostReport } from '../../src/shared/host/report'
import { checkZh } from '../../src/shared/i18n/zh-typography'

/**
 * Raw evidence is shown under the name of where it came from, never under a probe id: every probe
 * of every recorded capture, of every pasted-output fixture and of a live check on this machine has
 * a name of its own in both languages.
 */

const FIXTURES = join(__dirname, '../fixtures')

function captures(): { name: string; capture: Capture }[] {
  const out: { name: string; capture: Capture }[] = []
  for (const dir of ['captures', 'stories'])
    for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.capture.json')))
      out.push({ name: `${dir}/${file}`, capture: parseCaptureText(readFileSync(join(FIXTURES, dir, file), 'utf8'), file) })
  return out
}

function explained(): { name: string; capture: Capture; report: HostReport }[] {
  const dir = join(FIXTURES, 'explain')
  return readdirSync(dir)
    .filter((f) => !/^(README\.md|manifest.*\.json)$/.test(f))
    .flatMap((file) => {
      const result = explainTexts([readInput({ name: file, base64: readFileSync(join(dir, file)).toString('base64') })])
      return result.capture && result.report ? [{ name: `explain/${file}`, capture: result.capture, report: result.report }] : []
    })
}

/** Every probe id a report's evidence or a capture uses. */
function probeIds(capture: Capture, report: HostReport): string[] {
  return [...new Set([...Object.keys(capture.probes), ...report.checks.flatMap((c) => c.evidence.map((e) => e.probe))])]
}

function expectNamed(id: string, where: string): void {
  expect(hasOwnName(id), `${where}: ${id} has no name of its own`).toBe(true)
  for (const locale of ['zh-CN', 'en'] as const) {
    const label = evidenceLabel(id, locale)
    expect(label.trim(), `${where}: ${id} (${locale})`).not.toBe('')
    expect(label.includes(id), `${where}: "${label}" shows the id ${id}`).toBe(false)
  }
}

describe('evidence is named by its source', () => {
  it('every probe of the recorded captures', () => {
    const all = captures()
    expect(all.length).toBeGreaterThan(30)
    for (const { name, capture } of all) {
      const report = evaluateCapture(capture, { source: 'replay', generatedAt: capture.capturedAt })
      for (const id of probeIds(capture, report)) expectNamed(id, name)
    }
  })

  it('every probe of the pasted-output fixtures', () => {
    const all = explained()
    expect(all.length).toBeGreaterThan(20)
    for (const { name, capture, report } of all) for (const id of probeIds(capture, report)) expectNamed(id, name)
  })

  it('every probe of a live check on this machine', async () => {
    const capture = await collectCapture({ env: currentEnvironment(join(__dirname, '../../resources')), appVersion: 'test' })
    const report = evaluateCapture(capture, { source: 'live' })
    for (const id of probeIds(capture, report)) expectNamed(id, 'live')
  })

  it('names a file or a VM by itself, pasted inputs by the name they were given', () => {
    expect(evidenceSource('vmware.vmx:D:\\VMs\\Ubuntu 64 位\\Ubuntu 64 位.vmx')).toEqual({ 'zh-CN': '虚拟机配置文件 Ubuntu 64 位.vmx', en: 'VM configuration file Ubuntu 64 位.vmx' })
    expect(evidenceLabel('vmware.log:/home/s/vmware/Rocky 9/vmware.log', 'zh-CN')).toBe('VMware 日志（Rocky 9）')
    expect(evidenceLabel('vmware.log:pasted/粘贴的文字/vmware.log', 'zh-CN')).toBe('VMware 日志（粘贴的文字）')
    expect(evidenceLabel('vmware.guest-ip:C:\\VMs\\CentOS 7\\CentOS 7.vmx', 'en')).toBe('The VM’s IP address (CentOS 7)')
    expect(evidenceLabel('win.systeminfo', 'zh-CN')).toBe('systeminfo 的输出')
    expect(evidenceLabel('linux.cpuinfo', 'en')).toBe('/proc/cpuinfo')
    expect(evidenceLabel('hv.virtualbox', 'en')).toBe('VBoxManage --version output')
    // An id this list does not know yet still never shows.
    expect(evidenceLabel('win.something-new', 'zh-CN')).toBe('Windows 的系统信息')
    expect(evidenceLabel('zz.unheard-of', 'en')).toBe('Raw output')
  })

  it('the Chinese names are written Chinese (full-width punctuation)', () => {
    const ids = ['win.systeminfo', 'mac.applications', 'vmware.vmx:a/b.vmx', 'vmware.log:a/b/vmware.log', 'linux.dmi', 'win.computersystem']
    for (const id of ids) expect(checkZh(evidenceLabel(id, 'zh-CN')), id).toEqual([])
  })

  it('the engine’s notes inside excerpts are in the reader’s language; raw lines stay as printed', () => {
    expect(evidenceExcerpt('(not collected)', 'zh-CN')).toBe('（没有读到这一项）')
    expect(evidenceExcerpt('(missing: spawn lscpu ENOENT)', 'zh-CN')).toBe('（找不到这个命令或文件）')
    expect(evidenceExcerpt('(missing: spawn lscpu ENOENT)', 'en')).toBe('(command or file not found: spawn lscpu ENOENT)')
    expect(evidenceExcerpt('INFO: /dev/kvm does not exist\nKVM acceleration can NOT be used\n… (+2 more)', 'zh-CN')).toBe('INFO: /dev/kvm does not exist\nKVM acceleration can NOT be used\n……（另有 2 行）')
    expect(evidenceExcerpt('Hyper-V 要求: 固件中已启用虚拟化: 否', 'en')).toBe('Hyper-V 要求: 固件中已启用虚拟化: 否')
    expect(evidenceExcerpt('a\n… (+1 more)', 'en')).toBe('a\n… (1 more line)')
    expect(isNotCollected('(not collected)')).toBe(true)
    expect(isNotCollected('(missing: x)')).toBe(false)
  })
})
