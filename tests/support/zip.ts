import { constants, crc32, deflateRawSync } from 'node:zlib'

/**
 * A tiny zip writer for tests only: it lets a test choose exactly what the real tools write and
 * what a hostile archive claims — raw name bytes (GBK without the UTF-8 flag, as Windows' own zip
 * does on a Chinese system), the flag, and sizes in the headers that lie.
 */
export interface ZipEntryInput {
  name: string | Buffer
  data: Buffer
  /** General-purpose flag bit 11 (names in UTF-8); default: true for string names. */
  utf8?: boolean
  /** Stored (0) or deflated (8, default). */
  method?: 0 | 8
  /** Already deflated bytes (data is then the uncompressed length's stand-in, unused). */
  compressed?: Buffer
  /** Sizes the headers claim, when they should lie. */
  claimSize?: number
  realSize?: number
  crc?: number
}

export function buildZip(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name
    const utf8 = e.utf8 ?? typeof e.name === 'string'
    const method = e.method ?? 8
    const body = e.compressed ?? (method === 8 ? deflateRawSync(e.data) : e.data)
    const size = e.claimSize ?? e.realSize ?? e.data.length
    const crc = e.crc ?? crc32(e.data)
    const flag = utf8 ? 0x800 : 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flag, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(0x5a210000, 10) // 2025-01-01 00:00
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, body)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flag, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(0x5a210000, 12)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + body.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

/**
 * `bytes` of zeros, deflated without ever holding them: one 1 MiB block flushed so that it stands
 * alone, repeated, then an empty final block. 1 GiB packs into about 1 MB.
 */
export function deflatedZeros(bytes: number): { compressed: Buffer; crc: number } {
  const MiB = 1024 * 1024
  const zeros = Buffer.alloc(MiB)
  const block = deflateRawSync(zeros, { finishFlush: constants.Z_FULL_FLUSH })
  const count = Math.ceil(bytes / MiB)
  let crc = 0
  for (let i = 0; i < count; i += 1) crc = crc32(zeros, crc)
  return { compressed: Buffer.concat([...Array.from({ length: count }, () => block), Buffer.from([0x03, 0x00])]), crc }
}
