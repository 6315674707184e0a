import { describe, expect, it } from 'vitest'
import { localeFromSystem } from '../../src/shared/i18n/locale'

describe('system locale', () => {
  it('uses Chinese for any Chinese OS language and English otherwise', () => {
    expect(localeFromSystem(['zh-CN'])).toBe('zh-CN')
    expect(localeFromSystem(['zh-Hans-CN', 'en-US'])).toBe('zh-CN')
    expect(localeFromSystem(['zh-TW'])).toBe('zh-CN')
    expect(localeFromSystem(['en-US', 'zh-CN'])).toBe('en')
    expect(localeFromSystem(['it-IT'])).toBe('en')
    expect(localeFromSystem([])).toBe('en')
  })
})
