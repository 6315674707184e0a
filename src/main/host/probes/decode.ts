/**
 * Decoding of VMware's text files. `.vmx` files declare their charset in `.encoding`; GBK bytes can
 * decode as valid-looking UTF-8 garbage without any error, so the declared charset always wins.
 */
const ENCODING_ALIASES: Record<string, string> = {
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'windows-949-2000': 'euc-kr',
  'windows-949': 'euc-kr',
  'shift_jis': 'shift_jis',
  'windows-31j': 'shift_jis',
  big5: 'big5',
  'big5-hkscs': 'big5',
}

export function declaredEncoding(bytes: Uint8Array): string | null {
  // The .encoding line is ASCII, so it can be found before decoding.
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 8192))).toString('latin1')
  const match = /^\s*\.encoding\s*=\s*"([^"]+)"/im.exec(head)
  return match ? match[1]!.trim() : null
}

function decodeAs(declared: string | null, bytes: Uint8Array): string {
  const label = declared ? (ENCODING_ALIASES[declared.toLowerCase()] ?? declared.toLowerCase()) : 'utf-8'
  try {
    return new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  }
}

export function decodeVmx(bytes: Uint8Array): string {
  return decodeAs(declaredEncoding(bytes), bytes)
}

/**
 * A .vmdk is either a small text descriptor or a sparse file with the descriptor embedded
 * (starting "# Disk DescriptorFile"). Returns the descriptor text, or null.
 */
export function extractVmdkDescriptor(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes).toString('latin1')
  const start = text.indexOf('# Disk DescriptorFile')
  if (start < 0) return null
  let end = text.indexOf('\u0000', start)
  if (end < 0) end = text.length
  // Like .vmx, the descriptor names its charset (`encoding="GBK"`); extent file names use it.
  const declared = /^\s*encoding\s*=\s*"([^"]+)"/im.exec(text.slice(start, end))
  return decodeAs(declared ? declared[1]!.trim() : null, bytes.subarray(start, end))
}
