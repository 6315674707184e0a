/**
 * Reads the bytes of a file a student hands in, whatever wrote it: UTF-8 (with or without BOM),
 * UTF-16 LE/BE (PowerShell 5 redirection, wsl.exe, msinfo32 exports — with or without BOM, found by
 * their NUL bytes), or a legacy console code page (936 GBK, 950 Big5, 932 Shift_JIS, 949, 866,
 * 1251, 1252, 850), chosen by which decoding reads as words of that language. WHATWG TextDecoder (Node's
 * full ICU) does the decoding, iconv-lite the OEM pages WHATWG lacks (850, 437).
 */
import iconv from 'iconv-lite'
import { utf16Guess } from '../probes/console-decode'
import { declaredEncoding, decodeVmx } from '../probes/decode'

export interface DecodedText {
  text: string
  /** WHATWG label of the encoding used. */
  encoding: string
}

/** Words that appear in the outputs we read, per legacy code page (console and file exports). */
const LEGACY: readonly { label: string; words: RegExp }[] = [
  { label: 'gbk', words: /主机名|系统|处理器|虚拟|版本|网络|适配器|内存|已启用|描述|子网掩码|默认网关|制造商|型号|功能/g },
  { label: 'big5', words: /主機名稱|系統|處理器|虛擬|網路|介面卡|記憶體|已啟用|描述|子網路遮罩|預設閘道|製造商|型號/g },
  { label: 'shift_jis', words: /ホスト名|システム|プロセッサ|仮想|ネットワーク|アダプター|メモリ|有効|説明|サブネット|製造元|モデル/g },
  { label: 'euc-kr', words: /호스트|시스템|프로세서|가상|네트워크|어댑터|메모리|사용|설명|서브넷|제조업체|모델/g },
  { label: 'windows-1251', words: /Имя|Процессор|Систем|Виртуал|Версия|Память|Изготовитель|Модель|Сетев|адаптер|Маска|Да\b|Нет\b/g },
  { label: 'ibm866', words: /Имя|Процессор|Систем|Виртуал|Версия|Память|Изготовитель|Модель|Сетев|адаптер|Маска|Да\b|Нет\b/g },
  { label: 'windows-1252', words: /[A-Za-z][àâäçéèêëîïôöùûüÿñßáíóú][a-z]|Système|Versión|Sì\b|Oui\b|Sí\b|Ja\b|Nein\b/g },
  // OEM 850, what a Western-European or Brazilian console writes (`systeminfo > file` in cmd.exe).
  // WHATWG has no 850, so iconv-lite decodes it; listed after 1252 so that a tie keeps 1252.
  { label: 'ibm850', words: /[A-Za-z][àáâãäçèéêëìíîïñòóôõöùúûüß][a-z]|Sim\b|Não\b|Oui\b|Sí\b|Sì\b|Ja\b|Nein\b/g },
]

/** Decodes with WHATWG TextDecoder, or iconv-lite for the OEM pages WHATWG does not have (850, 437). */
function decodeAs(bytes: Uint8Array, label: string): string {
  if (/^(ibm|cp)(850|437)$/i.test(label)) return iconv.decode(Buffer.from(bytes), label.replace(/^ibm/i, 'cp'))
  return new TextDecoder(label).decode(bytes)
}

function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '')
}

export function decodeBytes(bytes: Uint8Array, declared?: string | null): DecodedText {
  if (declared) {
    try {
      return { text: stripBom(new TextDecoder(declared).decode(bytes)), encoding: new TextDecoder(declared).encoding }
    } catch {
      /* not a WHATWG label: an OEM page (--encoding 850), else detect instead */
      const oem = /^(?:ibm|cp)?(850|437)$/i.exec(declared.trim())
      if (oem) return { text: stripBom(decodeAs(bytes, `ibm${oem[1]}`)), encoding: `ibm${oem[1]}` }
    }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  // VMware's own files name their charset (.vmx `.encoding = "GBK"`): GBK bytes often pass as UTF-8.
  const vmxCharset = declaredEncoding(bytes)
  if (vmxCharset) return { text: decodeVmx(bytes), encoding: vmxCharset.toLowerCase() }
  const wide = utf16Guess(bytes)
  if (wide) return { text: stripBom(new TextDecoder(wide).decode(bytes)), encoding: wide }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    /* not UTF-8: a legacy code page */
  }
  let best: DecodedText & { score: number } = { text: '', encoding: 'windows-1252', score: -Infinity }
  for (const candidate of LEGACY) {
    const text = decodeAs(bytes, candidate.label)
    const bad = (text.match(/\uFFFD/g) ?? []).length
    const words = (text.match(candidate.words) ?? []).length
    const score = words * 10 - bad * 20
    if (score > best.score) best = { text, encoding: candidate.label, score }
  }
  return { text: stripBom(best.text), encoding: best.encoding }
}

export function decodeBase64(base64: string): DecodedText {
  return decodeBytes(new Uint8Array(Buffer.from(base64, 'base64')))
}
