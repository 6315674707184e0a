import iconv from 'iconv-lite'
import { lines } from './text'

/**
 * `systeminfo` in any UI language. Its layout never translates: one "label: value" line per field in
 * a fixed order (System Manufacturer and Model just before System Type, whose value
 * "x64-based PC" is not translated; BIOS Version two lines after), values aligned in one column,
 * then a last block whose heading names Hyper-V with either four indented "label: yes/no" lines
 * (VM Monitor Mode Extensions, firmware, SLAT, DEP — always in that order) or one sentence when a
 * hypervisor runs. So fields are read by position, the Hyper-V items by a small keyword table
 * (falling back to their order), and yes/no by a word table of the languages Windows ships.
 */

export interface SystemInfo {
  osName: string | null
  osVersion: string | null
  manufacturer: string | null
  model: string | null
  systemType: string | null
  biosVersion: string | null
  totalMemoryText: string | null
  hypervisorDetected: boolean
  /** null when the line is absent or its value is in a wording we do not read. */
  vmMonitorModeExtensions: boolean | null
  virtualizationFirmwareEnabled: boolean | null
  slat: boolean | null
  dep: boolean | null
  /** The Hyper-V block lists its requirement lines (so no hypervisor runs), or says one runs. */
  hasHyperVSection: boolean
  /** A heading naming Hyper-V was found at all (Windows 8 and later print one), read or not. */
  hyperVHeading: boolean
  /** The System Locale code ("zh-cn", "it", "ru" …), or the language the labels are in. */
  locale: string | null
  /** The numbered `[01]: …` entries that name devices (network cards), in any UI language. */
  devices: string[]
  /** When the text was repaired from a wrong code page, which one it really was. */
  repairedFrom: string | null
}

type Item = 'vmx' | 'firmware' | 'slat' | 'dep'
const ITEM_ORDER: Item[] = ['vmx', 'firmware', 'slat', 'dep']

/** The Hyper-V requirement labels, by a distinctive part, in en, zh-CN, zh-TW, ja, ko, ru, de, fr, es, it, pt-BR. */
const ITEM_WORDS: Record<Item, RegExp> = {
  vmx: /monitor mode|监视器模式|監視器模式|モニター ?モード|모니터 모드|режима мониторинга|überwachungsmodus|moniteur|monitor de vm|monitoraggio|modo de monitor/i,
  firmware: /firmware|固件|韌體|ファームウェア|펌웨어|встроенном по|microprogramme/i,
  slat: /second level|二级地址|第二層|第二层|第 ?2 レベル|두 번째 수준|второго уровня|zweiten ebene|second niveau|segundo nivel|secondo livello|segundo nível/i,
  dep: /data execution|数据执行|資料執行|データ実行|데이터 실행|предотвращение выполнения|datenausführung|exécution des données|ejecución de datos|esecuzione programmi|execução de dados/i,
}

const YES = /^(yes|是|はい|예|да|ja|oui|sí|si|sì|sim)\.?$/i
const NO = /^(no|否|いいえ|아니요|아니오|нет|nein|non|não|nao)\.?$/i

/** The sentence shown instead of the four lines while a hypervisor runs. */
const HYPERVISOR_SENTENCE =
  /hypervisor has been detected|已检测到虚拟机监控程序|已偵測到 ?hypervisor|偵測到 ?hypervisor|ハイパーバイザーが検出されました|하이퍼바이저가 검색되었습니다|обнаружена низкоуровневая оболочка|hypervisor erkannt|hyperviseur a été détecté|detectó un hipervisor|rilevato un hypervisor|hipervisor (foi )?detectado/i

/**
 * Labels of the fields read when a copy is too partial to read by position (no "x64-based PC" line
 * at the left margin: findstr output, re-indented pastes). Every label is copied from a real
 * published systeminfo output (see tests/fixtures/captures/README.md, "Languages (issue 12)"), in
 * the order en, zh-CN, zh-TW, ja, ko, ru, de, fr (Windows 10 ’ and Windows 7 '), es, it, pt-BR.
 * A label that is the start of a longer one ("Fabricant du système" / "… d’exploitation") is safe:
 * the colon must follow the label.
 */
const FALLBACK_LABELS = {
  osName: ['OS Name', 'OS 名称', '作業系統名稱', 'OS 名', 'OS 이름', 'Название ОС', 'Betriebssystemname', 'Nom du système d’exploitation', "Nom du système d'exploitation", 'Nombre del sistema operativo', 'Nome SO', 'Nome do sistema operacional'],
  osVersion: ['OS Version', 'OS 版本', '作業系統版本', 'OS バージョン', 'OS 버전', 'Версия ОС', 'Betriebssystemversion', 'Version du système', 'Versión del sistema operativo', 'Versione SO', 'Versão do sistema operacional'],
  manufacturer: ['System Manufacturer', '系统制造商', '系統製造商', 'システム製造元', '시스템 제조업체', 'Изготовитель системы', 'Systemhersteller', 'Fabricant du système', 'Fabricante del sistema', 'Produttore sistema', 'Fabricante do sistema'],
  model: ['System Model', '系统型号', '系統型號', 'システム モデル', '시스템 모델', 'Модель системы', 'Systemmodell', 'Modèle du système', 'Modelo el sistema', 'Modello sistema', 'Modelo do sistema'],
  systemType: ['System Type', '系统类型', '系統類型', 'システムの種類', '시스템 종류', 'Тип системы', 'Systemtyp', 'Type du système', 'Tipo de sistema', 'Tipo sistema'],
  biosVersion: ['BIOS Version', 'BIOS 版本', 'BIOS バージョン', 'BIOS 버전', 'Версия BIOS', 'BIOS-Version', 'Version du BIOS', 'Versión del BIOS', 'Versione BIOS', 'Versão do BIOS'],
  totalMemory: ['Total Physical Memory', '物理内存总量', '實體記憶體總計', '物理メモリの合計', '총 실제 메모리', 'Полный объем физической памяти', 'Gesamter physikalischer Speicher', 'Mémoire physique totale', 'Cantidad total de memoria física', 'Memoria fisica totale', 'Memória física total'],
} as const

function labelsPattern(labels: readonly string[]): string {
  return labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
}

/** The 24H2 "Virtualization-based security" block's heading, in the languages seen in real outputs. */
const VBS_HEADING = /Virtualization-based security|基于虚拟化的安全|Segurança baseada em virtualização/i

/**
 * Which systeminfo lines a check shows as its evidence, in every language of the label table (a
 * check that reads a French output shows the French lines, not "no matching lines").
 */
export const SYSTEMINFO_EVIDENCE = {
  /** OS name, version and system type. */
  os: new RegExp(`^\\s*(${labelsPattern([...FALLBACK_LABELS.osName, ...FALLBACK_LABELS.osVersion, ...FALLBACK_LABELS.systemType])})\\s*[:：]`),
  /** Maker and model, and the sentence saying a hypervisor runs. */
  machine: new RegExp(`^\\s*(${labelsPattern([...FALLBACK_LABELS.manufacturer, ...FALLBACK_LABELS.model])})\\s*[:：]|${HYPERVISOR_SENTENCE.source}`, 'i'),
  /** The firmware item, or the sentence that replaces it. */
  firmware: new RegExp(`${ITEM_WORDS.firmware.source}|${HYPERVISOR_SENTENCE.source}`, 'i'),
  /** The sentence saying a hypervisor runs, and the VBS block. */
  hypervisor: new RegExp(`${HYPERVISOR_SENTENCE.source}|${VBS_HEADING.source}`, 'i'),
  /** The whole Hyper-V block. */
  hyperV: new RegExp(`Hyper-V|${Object.values(ITEM_WORDS).map((w) => w.source).join('|')}|${HYPERVISOR_SENTENCE.source}`, 'i'),
} as const

/** Every word systeminfo text is expected to contain somewhere: used to pick a code page. */
export const SYSTEMINFO_WORDS: RegExp[] = [...Object.values(ITEM_WORDS), HYPERVISOR_SENTENCE, /x64-based PC/]

/** Display width as the console counts it: East Asian wide characters take two columns. */
function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    width +=
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1
  }
  return width
}

/** Splits a line at a display column. */
function splitAt(line: string, column: number): [string, string] {
  let width = 0
  let i = 0
  for (const ch of line) {
    if (width >= column) break
    width += displayWidth(ch)
    i += ch.length
  }
  return [line.slice(0, i), line.slice(i)]
}

/** "label: value" → value (the text after the last colon that is followed by space or the end). */
function itemValue(text: string): { label: string; value: string } | null {
  const match = /^(.*\S)\s*[:：]\s*(\S[^:：]*?)\s*$/.exec(text.trim())
  return match ? { label: match[1]!, value: match[2]! } : null
}

function yesNo(value: string | undefined): boolean | null {
  if (value === undefined) return null
  const v = value.trim()
  if (YES.test(v)) return true
  if (NO.test(v)) return false
  return null
}

const ACCENTED_IN_WORD = /[a-z][àáâãäçèéêëìíîïñòóôõöùúûüß]|[àáâãäçèéêëìíîïñòóôõöùúûü][a-z]/gi
/** Typographic signs next to a letter (but not ’, the apostrophe Windows 10's French labels use). */
const MOJIBAKE_SIGNS = /[a-z][\u0152-\u02dc\u2013-\u2018\u201a-\u2122\u2500-\u257f]|[\u0152-\u02dc\u2013-\u2018\u201a-\u2122\u2500-\u257f][a-z]|[a-z0-9]ÿ[a-z0-9:]/gi

/**
 * Text pasted or stored after a wrong decoding (OEM bytes read as Windows-1252 or Mac Roman, "Sì"
 * shown as "Sç", "Sí" as "S¡"): re-encoded in the wrong page and decoded in the right one when that
 * reads better. Returns null when nothing reads better.
 */
export function repairMojibake(text: string): { text: string; from: string } | null {
  if (!/[\u0080-\u00ff\u0152-\u02dc\u2013-\u2122]/.test(text)) return null
  const score = (t: string): number => {
    let s = 0
    for (const word of SYSTEMINFO_WORDS) if (word.test(t)) s += 10
    for (const l of lines(t)) {
      const v = itemValue(l)?.value
      if (v !== undefined && yesNo(v) !== null) s += 3
    }
    // Windows 7 prints no Hyper-V block: then the words themselves decide — an accented letter
    // between letters reads as French/Spanish/German/Italian, typographic signs or a "ÿ" inside a
    // word (OEM 850's no-break space read as Windows-1252) read as a wrong code page.
    s += (t.match(ACCENTED_IN_WORD) ?? []).length
    s -= 2 * (t.match(MOJIBAKE_SIGNS) ?? []).length
    return s - (t.match(/\uFFFD/g) ?? []).length
  }
  let best: { text: string; from: string } | null = null
  let bestScore = score(text)
  for (const wrong of ['windows-1252', 'macintosh', 'cp437', 'cp850']) {
    const bytes = iconv.encode(text, wrong)
    if (iconv.decode(bytes, wrong) !== text) continue
    for (const right of ['cp850', 'cp437', 'cp866', 'cp1251', 'cp1252']) {
      if (right === wrong) continue
      const candidate = iconv.decode(bytes, right)
      const s = score(candidate)
      if (s > bestScore) {
        best = { text: candidate, from: `${right} read as ${wrong}` }
        bestScore = s
      }
    }
  }
  return best
}

/**
 * The numbered entries systeminfo prints under Processor(s), Hotfix(s) and Network Card(s), minus
 * processors, hotfixes and addresses: what is left names the network cards, in any UI language.
 */
export function listedDevices(all: readonly string[]): string[] {
  return all.flatMap((raw) => {
    const match = /^\s+\[\d+\]\s*[:：]\s*(\S.*)$/.exec(raw)
    if (!match) return []
    const item = match[1]!.trim()
    if (/^KB\d+|Family \d+ Model|GenuineIntel|AuthenticAMD|~\d+\s*(Mhz|МГц)|^File \d/i.test(item)) return []
    if (/^[0-9a-f:]+(%\d+)?$/i.test(item) || /^\d+\.\d+\.\d+\.\d+$/.test(item) || /^\.\.\.$/.test(item)) return []
    return [item]
  })
}

interface Field {
  label: string
  value: string
}

export function parseSystemInfo(input: string): SystemInfo | null {
  const repaired = repairMojibake(input)
  const text = repaired?.text ?? input
  const all = lines(text)

  // The Hyper-V block: a heading whose label names Hyper-V, then indented "label: value" lines.
  const headingAt = all.findIndex((l) => /^\s*(?=[^\s:：])[^:：]*Hyper-V[^:：]*[:：]/.test(l))
  const items: { label: string; value: string }[] = []
  let sentence = false
  if (headingAt >= 0) {
    const heading = all[headingAt]!
    const rest = heading.replace(/^\s*[^:：]*Hyper-V[^:：]*[:：]\s*/, '')
    const block = [rest]
    for (const line of all.slice(headingAt + 1)) {
      if (!/^\s+\S/.test(line)) break
      block.push(line)
    }
    for (const line of block) {
      if (line.trim() === '') continue
      const item = itemValue(line)
      if (item && yesNo(item.value) !== null) items.push(item)
      else if (HYPERVISOR_SENTENCE.test(line) || (items.length === 0 && line === rest && !/[:：]/.test(rest) && rest.trim() !== '')) sentence = true
    }
  }
  const hypervisorDetected = sentence || all.some((l) => HYPERVISOR_SENTENCE.test(l))
  const byItem = new Map<Item, boolean | null>()
  for (const item of items) {
    const which = ITEM_ORDER.find((k) => ITEM_WORDS[k].test(item.label))
    if (which && !byItem.has(which)) byItem.set(which, yesNo(item.value))
  }
  if (byItem.size === 0 && items.length === 4) ITEM_ORDER.forEach((k, i) => byItem.set(k, yesNo(items[i]!.value)))

  // Top-level fields by position around the untranslated System Type value.
  const typeAt = all.findIndex((l) => /^\S.*[:：]\s*(x64|x86|arm64|arm)-based PC\s*$/i.test(l))
  let fields: Field[] = []
  let typeIndex = -1
  if (typeAt >= 0) {
    const typeLine = all[typeAt]!
    const valueStart = typeLine.search(/(x64|x86|arm64|arm)-based PC\s*$/i)
    const column = displayWidth(typeLine.slice(0, valueStart))
    fields = all
      .filter((l) => /^\S/.test(l) && displayWidth(l) > column)
      .map((l) => {
        const [label, value] = splitAt(l, column)
        return { label: label.trim().replace(/[:：]$/, '').trim(), value: value.trim() }
      })
    typeIndex = fields.findIndex((f) => /^(x64|x86|arm64|arm)-based PC$/i.test(f.value))
  }
  const labelled = (labels: readonly string[]): string | null => {
    for (const raw of all) {
      const line = raw.trim()
      for (const label of labels) {
        if (!line.startsWith(label)) continue
        const match = /^\s*[:：]\s*(.*)$/.exec(line.slice(label.length))
        if (match) return match[1]!.trim()
      }
    }
    return null
  }
  const at = (offset: number): string | null => {
    if (typeIndex < 0) return null
    const v = fields[typeIndex + offset]?.value
    return v && v !== '' ? v : null
  }
  const after = typeIndex >= 0 ? fields.slice(typeIndex + 1) : []
  const memory = after.find((f) => /\d[\d.,\s\u00a0\u202f]*\s*(MB|МБ|Mo)$/i.test(f.value))?.value ?? null
  const localeField = fields.find((f) => /^[a-z]{2,3}(-[a-z]{2,4})?;/i.test(f.value))?.value ?? all.map((l) => /[:：]\s+([a-z]{2,3}(-[a-z]{2,4})?);\S/i.exec(l)?.[1]).find(Boolean) ?? null

  const known = headingAt >= 0 || typeAt >= 0 || hypervisorDetected || labelled(Object.values(FALLBACK_LABELS).flat()) !== null
  if (!known) return null
  const osName = fields.find((f) => /windows/i.test(f.value) && !/\\/.test(f.value))?.value ?? labelled(FALLBACK_LABELS.osName)
  return {
    osName,
    osVersion: fields.find((f) => /^\d+\.\d+\.\d+/.test(f.value))?.value ?? labelled(FALLBACK_LABELS.osVersion),
    manufacturer: at(-2) ?? labelled(FALLBACK_LABELS.manufacturer),
    model: at(-1) ?? labelled(FALLBACK_LABELS.model),
    systemType: at(0) ?? labelled(FALLBACK_LABELS.systemType),
    biosVersion: at(2) ?? labelled(FALLBACK_LABELS.biosVersion),
    totalMemoryText: memory ?? labelled(FALLBACK_LABELS.totalMemory),
    hypervisorDetected,
    vmMonitorModeExtensions: byItem.get('vmx') ?? null,
    virtualizationFirmwareEnabled: byItem.get('firmware') ?? null,
    slat: byItem.get('slat') ?? null,
    dep: byItem.get('dep') ?? null,
    hasHyperVSection: items.length > 0 || hypervisorDetected,
    hyperVHeading: headingAt >= 0,
    locale: localeField ? localeField.split(';')[0]!.toLowerCase() : null,
    devices: listedDevices(all),
    repairedFrom: repaired?.from ?? null,
  }
}

/** "16,222 MB" / "16.265 MB" / "7 932 МБ" / "8 066 Mo" → bytes (thousands separators vary). */
export function parseSystemInfoMemory(text: string | null): number | null {
  if (!text) return null
  const match = /([\d.,\s\u00a0\u202f]+)\s*(MB|МБ|Mo)/i.exec(text)
  if (!match) return null
  const digits = match[1]!.replace(/[^\d]/g, '')
  return digits ? Number(digits) * 1024 * 1024 : null
}
