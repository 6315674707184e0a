import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCALES, type Locale } from '../../src/shared/i18n/locale'
import { CHECK_STATUS_NAMES, findVocabularyIssues, LAB_STATE_NAMES, labNumberName } from '../../src/shared/i18n/vocabulary'
import { contentTexts, ROOT } from '../support/zh-sources'

function report(locale: Locale, root?: string): string[] {
  return contentTexts(locale, root).flatMap((t) =>
    findVocabularyIssues(t.text, locale, { labText: /(^|[\\/])labs[\\/]/.test(t.where) }).map((i) => `${t.where}: «${i.found}» (${i.hint})`),
  )
}

describe('one name per status', () => {
  it('names every status once per language, as the lead decided', () => {
    expect(CHECK_STATUS_NAMES['zh-CN']).toEqual({ pass: '通过', warn: '注意', fail: '未通过', unknown: '未知', skip: '不适用', todo: '待完成' })
    expect(CHECK_STATUS_NAMES.en).toEqual({ pass: 'Pass', warn: 'Warning', fail: 'Fail', unknown: 'Unknown', skip: 'N/A', todo: 'To do' })
    expect(LAB_STATE_NAMES['zh-CN']).toEqual({ completed: '已完成', 'in-progress': '进行中', 'not-started': '未开始' })
    for (const locale of LOCALES) expect(new Set(Object.values(CHECK_STATUS_NAMES[locale])).size).toBe(6)
    expect(labNumberName(2, 'zh-CN')).toBe('实验 2')
    expect(labNumberName(2, 'en')).toBe('Lab 2')
  })

  it.each([
    ['zh-CN', '- **警告**：能用，但有代价。'],
    ['zh-CN', '内存一项显示警告或失败。'],
    ['zh-CN', '按第 0 课关闭功能'],
    ['en', '- **warn** — works, with a cost.'],
    ['en', 'The memory line shows warn.'],
    ['en', 'as in Lesson 0'],
  ] as [Locale, string][])('%s: finds a second name in %j', (locale, text) => {
    expect(findVocabularyIssues(text, locale, { labText: true })).not.toEqual([])
  })

  it.each([
    ['zh-CN', '- **注意**：能用，但有代价。启动失败时重新运行安装程序。'],
    ['en', '- **Warning** — works. If the download failed, try again.'],
  ] as [Locale, string][])('%s: accepts %j', (locale, text) => {
    expect(findVocabularyIssues(text, locale, { labText: true })).toEqual([])
  })

  it.each(LOCALES)('%s lab and lesson text uses those names', (locale) => {
    expect(report(locale)).toEqual([])
  })

  const tmp = mkdtempSync(join(tmpdir(), 'virtlab-vocab-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('fails on a second status name planted in a step file', () => {
    cpSync(join(ROOT, 'resources/labs/00-host-readiness'), join(tmp, 'labs/00-host-readiness'), { recursive: true })
    expect(report('zh-CN', tmp)).toEqual([])
    const step = join(tmp, 'labs/00-host-readiness/steps/resources.zh-CN.md')
    writeFileSync(step, `${readFileSync(step, 'utf8')}\n- **跳过**：这一项不适用。\n`)
    expect(report('zh-CN', tmp).join('\n')).toContain('resources.zh-CN.md (body): «**跳过**»')
  })
})
