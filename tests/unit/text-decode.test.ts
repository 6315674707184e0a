/**
 * The one decoder (src/main/host/text/decode.ts), for live probe output and for files students
 * hand in. Every byte sequence is a real localized output from the fixtures, encoded with
 * iconv-lite in the code page the Windows console writes for that language.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { SYSTEMINFO_WORDS } from '../../src/main/host/interpret/systeminfo'
import { parseChcp } from '../../src/main/host/probes/windows-probes'
import { decodeBase64, decodeCodePage, decodeText, decodeVmx, utf16Guess } from '../../src/main/host/text/decode'
import { BLOCKS } from '../support/systeminfo-blocks'

const fixtures = join(__dirname, '../fixtures')
const systeminfo = (capture: string): string =>
  (JSON.parse(readFileSync(join(fixtures, 'captures', `${capture}.capture.json`), 'utf8')) as { probes: Record<string, { text: string }> }).probes['win.systeminfo']!.text

const ZH_CN = systeminfo('win-zh-lenovo-20fw-ready')
const RU = systeminfo('win-ru-server2012r2-virtualbox-guest-hypervisor-detected')
// Both were published after a wrong decoding; re-encoding in the page they were misread in gives back
// the bytes the console wrote (OEM 850): Spanish read as Windows-1252, Italian read as Mac Roman.
const ES_BYTES = iconv.encode(systeminfo('win-es-laptop-firmware-off-cp850-mojibake'), 'windows-1252')
const IT_BYTES = iconv.encode(systeminfo('win-it-hp-eliteone-firmware-off-unreadable-locale'), 'macintosh')
const ES = iconv.decode(ES_BYTES, 'cp850')
const IT = iconv.decode(IT_BYTES, 'cp850')

/** [language, text, code page, the name the decoder reports]. */
const LOCALIZED: [string, string, number, string][] = [
  ['zh-CN systeminfo', ZH_CN, 936, 'gbk'],
  ['zh-TW hypervisor sentence', BLOCKS['zh-TW (hypervisor sentence)']!.text, 950, 'big5'],
  ['ja Hyper-V block', BLOCKS['ja (four lines)']!.text, 932, 'shift_jis'],
  ['ko Hyper-V block', BLOCKS['ko (four lines)']!.text, 949, 'euc-kr'],
  ['ru systeminfo (console)', RU, 866, 'ibm866'],
  ['ru systeminfo (saved in ANSI)', RU, 1251, 'windows-1251'],
  ['es systeminfo', ES, 850, 'ibm850'],
  ['it systeminfo', IT, 850, 'ibm850'],
  ['es Hyper-V block', ES.slice(ES.indexOf('Requisitos Hyper-V')), 437, 'ibm437'],
  ['fr Hyper-V block', BLOCKS['fr (three lines, the post cut the fourth)']!.text.replace(/’/g, "'"), 1252, 'windows-1252'],
]

describe('one decoder for probe output and pasted files', () => {
  it('the fixtures really are in their languages (the test would prove nothing on ASCII)', () => {
    expect(ES).toContain('Versión del sistema operativo')
    expect(ES).toContain('Traducción de direcciones de segundo nivel: Sí')
    expect(IT).toContain('Estensioni modalità di monitoraggio macchina virtuale: Sì')
    expect(ZH_CN).toContain('系统制造商')
    expect(RU).toContain('Изготовитель системы')
  })

  it.each(LOCALIZED)('%s in code page %i: by the console code page, and guessed without it', (_name, text, page, label) => {
    const bytes = iconv.encode(text, `cp${page}`)
    expect(iconv.decode(bytes, `cp${page}`)).toBe(text) // the text fits the page
    expect(decodeText(bytes, { codePage: page })).toEqual({ text, encoding: label })
    expect(decodeCodePage(bytes, page)).toBe(text)
    // A pasted file: no code page, and no hint words — the decoder's own language words decide.
    const guessed = decodeText(bytes)
    expect(guessed.text).toBe(text)
    // Live systeminfo when chcp could not run: the caller's words help too.
    expect(decodeText(bytes, { words: SYSTEMINFO_WORDS }).text).toBe(text)
    if (page !== 437 && page !== 850) expect(guessed.encoding).toBe(label) // 437 and 850 agree on these letters
  })

  it('does not read every non-UTF-8 text as GBK', () => {
    expect(decodeText(iconv.encode(BLOCKS['ja (four lines)']!.text, 'cp932')).encoding).toBe('shift_jis')
    expect(decodeText(iconv.encode(RU, 'cp866')).encoding).toBe('ibm866')
    expect(decodeText(iconv.encode(RU, 'cp1251')).encoding).toBe('windows-1251')
    expect(decodeText(ES_BYTES).encoding).toMatch(/^ibm(850|437)$/)
  })

  it('UTF-8 with and without BOM; UTF-16 LE/BE with and without BOM', () => {
    for (const text of [ZH_CN, BLOCKS['ko (four lines)']!.text, RU]) {
      const le = iconv.encode(text, 'utf-16le')
      const be = iconv.encode(text, 'utf-16be')
      const cases: [Buffer, string][] = [
        [Buffer.from(text, 'utf8'), 'utf-8'],
        [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
        [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
        [le, 'utf-16le'],
        [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
        [be, 'utf-16be'],
      ]
      for (const [bytes, encoding] of cases) {
        expect(decodeText(bytes)).toEqual({ text, encoding })
        // PowerShell 5's `>` writes UTF-16 whatever the console code page says.
        if (encoding !== 'utf-8') expect(decodeText(bytes, { codePage: 936 })).toEqual({ text, encoding })
      }
    }
    expect(decodeText(Buffer.from(ZH_CN, 'utf8'), { codePage: 65001 })).toEqual({ text: ZH_CN, encoding: 'utf-8' })
  })

  it('a real UTF-16LE file without BOM (wsl.exe through PowerShell) is found by its NUL bytes', () => {
    const bytes = readFileSync(join(fixtures, 'explain/wsl-list-verbose-and-status.utf16le.txt'))
    expect(utf16Guess(bytes)).toBe('utf-16le')
    expect(decodeText(bytes).text).toContain('wsl')
    expect(decodeBase64(bytes.toString('base64')).encoding).toBe('utf-16le')
  })

  it('the trap: GBK bytes that are valid UTF-8 are still read as GBK', () => {
    // Real lines of the zh-CN systeminfo whose GBK bytes happen to be well-formed UTF-8.
    const lines = ZH_CN.split(/\r?\n/).filter((l) => /目录/.test(l))
    expect(lines).toEqual(['Windows 目录:     C:\\Windows', '系统目录:         C:\\Windows\\system32'])
    for (const text of [lines.join('\r\n'), lines[1]!, lines[0]!]) {
      const bytes = iconv.encode(text, 'gbk')
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow() // the trap is real
      expect(decodeText(bytes)).toEqual({ text, encoding: 'gbk' })
    }
    // …while real UTF-8 Chinese stays UTF-8 (GBK would read it as mojibake).
    expect(decodeText(Buffer.from(lines.join('\n'), 'utf8'))).toEqual({ text: lines.join('\n'), encoding: 'utf-8' })
    expect(decodeText(Buffer.from('老师，我的虚拟机打不开。', 'utf8')).encoding).toBe('utf-8')
  })

  it('a charset named by the user or the file wins; an unknown one is ignored', () => {
    const bytes = iconv.encode(ZH_CN, 'gbk')
    expect(decodeText(bytes, { charset: 'GB2312' })).toEqual({ text: ZH_CN, encoding: 'gbk' })
    expect(decodeText(bytes, { charset: 'no-such-charset' })).toEqual({ text: ZH_CN, encoding: 'gbk' })
    const vmx = readFileSync(join(fixtures, 'explain/centos7-nat-gbk.vmx'))
    expect(decodeText(vmx)).toEqual({ text: decodeVmx(vmx), encoding: 'gbk' })
    expect(decodeVmx(vmx)).toContain('scsi0:0.fileName = "CentOS 7 64 位.vmdk"')
    const korean = readFileSync(join(fixtures, 'vmware/vmx/ubuntu-nat-sata-iso-autoinst-windows949.vmx'))
    expect(decodeText(korean)).toEqual({ text: decodeVmx(korean), encoding: 'windows-949-2000' })
  })

  it('pure ASCII is UTF-8 and costs no guess; empty input is empty text', () => {
    expect(decodeText(Buffer.from('Hyper-V Requirements: A hypervisor has been detected.'))).toEqual({ text: 'Hyper-V Requirements: A hypervisor has been detected.', encoding: 'utf-8' })
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' })
  })

  it('chcp in any UI language gives the console code page', () => {
    expect(parseChcp('Active code page: 936\r\n')).toBe(936)
    expect(parseChcp(iconv.decode(iconv.encode('活动代码页: 936\r\n', 'cp936'), 'latin1'))).toBe(936)
    expect(parseChcp('Page de codes active : 850.\r\n')).toBe(850)
    expect(parseChcp('')).toBeNull()
  })
})

describe('decoding by the console code page: OEM 850 (explain)', () => {
  it('the French bytes cmd.exe wrote are read as 850, not as GBK or Windows-1252', () => {
    const decoded = decodeText(readFileSync(join(fixtures, 'explain', 'systeminfo-fr-win7-vmware-guest.cp850.txt')))
    expect(decoded.encoding).toBe('ibm850')
    expect(decoded.text).toContain("Nom de l'hôte:")
    expect(decoded.text).toContain('Fran\u00e7ais (France)')
  })

  it('Portuguese in 850 (whose "ã", "ç" pairs once passed as GBK) reads back exactly', () => {
    const original = systeminfo('win-ptbr-asus-desktop-win11-24h2-ready')
    const decoded = decodeText(readFileSync(join(fixtures, 'explain', 'systeminfo-ptbr-asus-win11-24h2.cp850.txt')))
    expect(decoded).toEqual({ text: original, encoding: 'ibm850' })
  })

  it('German in 850 reads back exactly; the same text in Windows-1252 stays Windows-1252', () => {
    const original = systeminfo('win-de-win7-lenovo-thinkpad-no-hyperv-section')
    expect(decodeText(iconv.encode(original, 'cp850'))).toEqual({ text: original, encoding: 'ibm850' })
    expect(decodeText(iconv.encode(original, 'windows-1252'))).toEqual({ text: original, encoding: 'windows-1252' })
  })

  it('--encoding 850 (or cp850, ibm850) is honoured although WHATWG has no such label', () => {
    const bytes = iconv.encode('Systemhersteller: LENOVO\nDomäne: WORKGROUP\n', 'cp850')
    for (const label of ['850', 'cp850', 'IBM850']) expect(decodeText(bytes, { charset: label })).toEqual({ text: 'Systemhersteller: LENOVO\nDomäne: WORKGROUP\n', encoding: 'ibm850' })
  })
})
