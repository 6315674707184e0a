import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { parseSystemInfo, parseSystemInfoMemory, repairMojibake } from '../../src/main/host/interpret/systeminfo'

/** systeminfo in other UI languages, read from the real published outputs kept as fixtures (issue 12, item 5). */

const captures = join(__dirname, '../fixtures/captures')
function captured(file: string): string {
  const capture = JSON.parse(readFileSync(join(captures, file), 'utf8')) as { probes: Record<string, { text: string }> }
  return capture.probes['win.systeminfo']!.text
}

describe('systeminfo in French, German and Brazilian Portuguese (real outputs)', () => {
  it('French, Windows 10 (MSI GE72): fields by position, the four "Oui" items, memory with a space thousands separator', () => {
    const info = parseSystemInfo(captured('win-fr-msi-ge72-laptop-ready-virtualbox-adapters.capture.json'))!
    expect(info).toMatchObject({
      osName: 'Microsoft Windows 10 Professionnel',
      manufacturer: 'Micro-Star International Co., Ltd.',
      model: 'GE72 2QF',
      systemType: 'x64-based PC',
      biosVersion: 'American Megatrends Inc. E1791IMS.10F, 09/08/2015',
      hypervisorDetected: false,
      vmMonitorModeExtensions: true,
      virtualizationFirmwareEnabled: true,
      slat: true,
      dep: true,
      locale: 'fr',
      repairedFrom: null,
    })
    expect(parseSystemInfoMemory(info.totalMemoryText)).toBe(16305 * 1024 * 1024)
    expect(info.devices).toContain('VirtualBox Host-Only Ethernet Adapter')
  })

  it('French, Windows 7 from cmd.exe stored as OEM 850 read as Windows-1252: repaired although there is no Hyper-V block to score', () => {
    const text = captured('win-fr-win7-vmware-guest-cp850-mojibake.capture.json')
    expect(text).toContain("Nom de l'h“te")
    const info = parseSystemInfo(text)!
    expect(info.repairedFrom).toBe('cp850 read as windows-1252')
    expect(info.osName).toBe('Microsoft Windows\u00a07 Entreprise N')
    expect(info).toMatchObject({ manufacturer: 'VMware, Inc.', model: 'VMware Virtual Platform', hasHyperVSection: false, hyperVHeading: false, locale: 'fr' })
    expect(parseSystemInfoMemory(info.totalMemoryText)).toBe(2047 * 1024 * 1024)
  })

  it('German, Windows 7 (Lenovo 42902BG): maker, model and "16.155 MB"; no Hyper-V block means unknown, not no', () => {
    const info = parseSystemInfo(captured('win-de-win7-lenovo-thinkpad-no-hyperv-section.capture.json'))!
    expect(info).toMatchObject({
      osName: 'Microsoft Windows 7 Ultimate N',
      manufacturer: 'LENOVO',
      model: '42902BG',
      biosVersion: 'LENOVO 8DET74WW (1.44 ), 13.03.2018',
      vmMonitorModeExtensions: null,
      virtualizationFirmwareEnabled: null,
      hasHyperVSection: false,
      locale: 'de',
    })
    expect(parseSystemInfoMemory(info.totalMemoryText)).toBe(16155 * 1024 * 1024)
    expect(info.devices).toEqual(['Bluetooth-Gerät (PAN)', 'Intel(R) 82579LM Gigabit Network Connection', 'Intel(R) Centrino(R) Ultimate-N 6300 AGN', 'TAP-Windows Adapter V9'])
  })

  it('Brazilian Portuguese, Windows 11 24H2: the VBS block ("Status: Não habilitado", an empty "Recursos …:") does not hide the "Sim" items', () => {
    const info = parseSystemInfo(captured('win-ptbr-asus-desktop-win11-24h2-ready.capture.json'))!
    expect(info).toMatchObject({
      osName: 'Microsoft Windows 11 Pro',
      osVersion: '10.0.26100 N/A compilação 26100',
      manufacturer: 'ASUS',
      model: 'System Product Name',
      vmMonitorModeExtensions: true,
      virtualizationFirmwareEnabled: true,
      slat: true,
      dep: true,
      hypervisorDetected: false,
      locale: 'pt-br',
    })
    expect(parseSystemInfoMemory(info.totalMemoryText)).toBe(8108 * 1024 * 1024)
  })

  it('a correct French text with typographic apostrophes is left alone (’ is not a sign of a wrong code page)', () => {
    expect(repairMojibake(captured('win-fr-msi-ge72-laptop-ready-virtualbox-adapters.capture.json'))).toBeNull()
  })
})

describe('partial copies: the label table, one real label per language', () => {
  // Each line is copied from a real output: fr/de/pt-BR/es/it/ru from the capture fixtures; ja from a
  // Windows 7 output and zh-TW/ko from partial outputs found in the corpus (README, "Languages").
  const cases: [string, string, Partial<Record<'osName' | 'manufacturer' | 'model' | 'systemType' | 'totalMemoryText', string>>][] = [
    ['fr', ' Fabricant du système:                       Micro-Star International Co., Ltd.\n Modèle du système:                          GE72 2QF\n', { manufacturer: 'Micro-Star International Co., Ltd.', model: 'GE72 2QF' }],
    ['de', '   Systemhersteller:                              LENOVO\n   Systemmodell:                                  42902BG\n', { manufacturer: 'LENOVO', model: '42902BG' }],
    ['pt-BR', '  Modelo do sistema:                         System Product Name\n  Memória física total:                      8.108 MB\n', { model: 'System Product Name', totalMemoryText: '8.108 MB' }],
    ['ja', '  システム製造元:         Dell Inc.\n  システム モデル:        OptiPlex 990\n', { manufacturer: 'Dell Inc.', model: 'OptiPlex 990' }],
    ['ko', '  시스템 모델:             PMBSB09A Samsung DeskTop\n  총 실제 메모리:          4,014MB\n', { model: 'PMBSB09A Samsung DeskTop', totalMemoryText: '4,014MB' }],
    ['zh-TW', '  系統型號:             P553UJ\n  實體記憶體總計:       8,088 MB\n', { model: 'P553UJ', totalMemoryText: '8,088 MB' }],
    ['ru', '  Изготовитель системы:             innotek GmbH\n  Модель системы:                   VirtualBox\n', { manufacturer: 'innotek GmbH', model: 'VirtualBox' }],
    ['it', '  Produttore sistema:                   HP\n  Memoria fisica totale:                8.073 MB\n', { manufacturer: 'HP', totalMemoryText: '8.073 MB' }],
  ]
  it.each(cases)('%s', (_lang, text, expected) => {
    expect(parseSystemInfo(text)).toMatchObject(expected)
  })

  it('a label that starts a longer one is not mistaken for it', () => {
    const info = parseSystemInfo('  Fabricant du système d’exploitation:        Microsoft Corporation\n  Fabricant du système:                       MSI\n')!
    expect(info.manufacturer).toBe('MSI')
  })
})

describe('the hypervisor sentence in the wording Windows really prints', () => {
  it('zh-TW: "偵測到 Hypervisor。將不會顯示 Hyper-V 所需的功能。" (quoted from a zh-TW Windows by a user, MicrosoftDocs/Virtualization-Documentation#1169)', () => {
    const info = parseSystemInfo('Hyper-V 需求:         偵測到 Hypervisor。將不會顯示 Hyper-V 所需的功能。\n')!
    expect(info.hypervisorDetected).toBe(true)
    expect(info.hasHyperVSection).toBe(true)
  })

  it('fr: "Un hyperviseur a été détecté." after a Hyper-V virtual adapter', () => {
    const info = parseSystemInfo(
      '                                            [03]: Hyper-V Virtual Ethernet Adapter\nConfiguration requise pour Hyper-V:         Un hyperviseur a été détecté. Les fonctionnalités nécessaires à Hyper-V ne seront pas affichées.\n',
    )!
    expect(info.hypervisorDetected).toBe(true)
    expect(info.vmMonitorModeExtensions).toBeNull()
  })
})

describe('evidence lines in the language of the output', () => {
  function report(file: string) {
    const capture = parseCaptureText(readFileSync(join(captures, file), 'utf8'), file)
    return evaluateCapture(capture, { source: 'replay', generatedAt: capture.capturedAt })
  }
  function excerpt(file: string, check: string): string {
    return (report(file).checks.find((c) => c.id === check)?.evidence ?? []).map((e) => e.excerpt).join('\n')
  }

  it('German: the OS check shows "Betriebssystemname" and "Systemtyp", not "no matching lines"', () => {
    const shown = excerpt('win-de-win7-lenovo-thinkpad-no-hyperv-section.capture.json', 'os.supported')
    expect(shown).toContain('Betriebssystemname:')
    expect(shown).toContain('Systemtyp:')
  })

  it('Brazilian Portuguese: the firmware check shows "Virtualização Habilitada no Firmware: Sim"; the hypervisor check the VBS heading', () => {
    const file = 'win-ptbr-asus-desktop-win11-24h2-ready.capture.json'
    expect(excerpt(file, 'firmware.vt-enabled')).toContain('Virtualização Habilitada no Firmware: Sim')
    expect(excerpt(file, 'windows.hypervisor')).toContain('Segurança baseada em virtualização:')
  })

  it('French: the VM check shows the maker and model lines', () => {
    const shown = excerpt('win-fr-msi-ge72-laptop-ready-virtualbox-adapters.capture.json', 'host.virtual-machine')
    expect(shown).toContain('Fabricant du système:')
    expect(shown).toContain('Modèle du système:')
  })
})
