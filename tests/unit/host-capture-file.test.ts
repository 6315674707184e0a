import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CaptureFileError, parseCaptureText, redactCapture } from '../../src/main/host/capture-file'
import type { Capture } from '../../src/shared/host/capture'

const fixture = readFileSync(join(__dirname, '../fixtures/captures/linux-amd-ryzen7-2700x-baremetal.capture.json'), 'utf8')

describe('capture files', () => {
  it('reads a real capture', () => {
    expect(parseCaptureText(fixture).platform).toBe('linux')
  })

  it.each([
    ['truncated', fixture.slice(0, fixture.length / 2), /not valid JSON — is it truncated/],
    ['empty', '', /the file is empty/],
    ['foreign JSON', JSON.stringify({ name: 'package', version: '1.0.0' }), /not a VirtLab capture \(no format field/],
    ['another format', JSON.stringify({ format: 'virtlab.lab-report/1' }), /not a VirtLab capture \(format “virtlab\.lab-report\/1”/],
    ['a newer version', JSON.stringify({ ...JSON.parse(fixture), version: 2 }), /newer VirtLab \(capture version 2/],
    ['a broken probe', JSON.stringify({ ...JSON.parse(fixture), probes: { 'linux.cpuinfo': { ok: 'yes' } } }), /invalid capture at probes\.linux\.cpuinfo/],
    ['an array', '[]', /expected a JSON object/],
  ])('rejects a %s file with a clear message', (_name, text, message) => {
    expect(() => parseCaptureText(text, 'x.json')).toThrow(CaptureFileError)
    expect(() => parseCaptureText(text, 'x.json')).toThrow(message)
  })

  it('redacts serials, UUIDs, MACs and the user name, in texts and probe ids', () => {
    const capture: Capture = {
      format: 'virtlab.capture',
      version: 1,
      capturedAt: '2026-11-21T00:00:00Z',
      appVersion: 't',
      platform: 'win32',
      arch: 'x64',
      redacted: false,
      probes: {
        'si.system': { ok: true, text: '{"manufacturer":"LENOVO","serial":"PF0ABCDE","uuid":"4C4C4544-0042-3510-8051-B4C04F4E3432"}' },
        'vmware.vmx:C:\\Users\\zhangsan\\Documents\\Virtual Machines\\c7\\c7.vmx': {
          ok: true,
          text: 'uuid.bios = "56 4d 12 34 56 78 9a bc-de f0 12 34 56 78 9a bc"\nethernet0.generatedAddress = "00:0c:29:78:9a:bc"\ndisplayName = "c7"',
        },
        'win.netadapters': { ok: true, text: '[{"Name":"VMware Network Adapter VMnet8","MACAddress":"00:50:56:C0:00:08"},{"Name":"Wi-Fi","MACAddress":"A4:5E:60:12:34:56"}]' },
      },
    }
    const out = redactCapture(capture, ['zhangsan'])
    const all = JSON.stringify(out)
    expect(out.redacted).toBe(true)
    for (const secret of ['PF0ABCDE', '4C4C4544', '56 4d 12 34', '00:0c:29:78:9a:bc', 'A4:5E:60', 'zhangsan']) expect(all).not.toContain(secret)
    expect(all).toContain('00:50:56:C0:00:08')
    expect(Object.keys(out.probes)).toContain('vmware.vmx:C:\\Users\\user\\Documents\\Virtual Machines\\c7\\c7.vmx')
    expect(out.probes['si.system']).toMatchObject({ ok: true })
    expect(JSON.parse((out.probes['si.system'] as { text: string }).text).manufacturer).toBe('LENOVO')
  })
})
