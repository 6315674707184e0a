import { describe, expect, it } from 'vitest'
import { formatBytes, formatDate, formatDateTime, formatDuration } from '../../src/shared/i18n/format'

const AT = '2026-12-05T14:23:09Z'
const tz = { timeZone: 'Asia/Shanghai' }

describe('one formatter for dates, times, durations and sizes', () => {
  it('writes date and time the way each language does', () => {
    expect(formatDateTime(AT, 'zh-CN', tz)).toBe('2026年12月5日 22:23')
    expect(formatDateTime(AT, 'en', tz)).toBe('5 Dec 2026, 22:23')
    expect(formatDate(AT, 'zh-CN', tz)).toBe('2026年12月5日')
    expect(formatDate(AT, 'en', tz)).toBe('5 Dec 2026')
    expect(formatDateTime('2026-01-02T00:05:00Z', 'en', { timeZone: 'UTC' })).toBe('2 Jan 2026, 00:05')
  })

  it('says nothing went wrong when there is no time, and keeps text that is not a time', () => {
    expect(formatDateTime(null, 'zh-CN')).toBe('—')
    expect(formatDateTime('', 'en')).toBe('—')
    expect(formatDateTime('not a date', 'en')).toBe('not a date')
  })

  it.each([
    [6022, '6 秒', '6 s'],
    [400, '0.4 秒', '0.4 s'],
    [42_000, '42 秒', '42 s'],
    [125_000, '2 分 5 秒', '2 min 5 s'],
    [3_780_000, '1 小时 3 分', '1 h 3 min'],
  ])('%i ms → %s / %s', (ms, zh, en) => {
    expect(formatDuration(ms, 'zh-CN')).toBe(zh)
    expect(formatDuration(ms, 'en')).toBe(en)
  })

  it('writes every size in GiB', () => {
    expect(formatBytes(16 * 1024 ** 3 - 200 * 1024 ** 2, 'zh-CN')).toBe('15.8 GiB')
    expect(formatBytes(8 * 1024 ** 3, 'en')).toBe('8 GiB')
    expect(formatBytes(null, 'en')).toBe('—')
  })
})
