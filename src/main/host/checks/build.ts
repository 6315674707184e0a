import type { Localized } from '../../../shared/i18n/locale'
import type { Check, CheckId, CheckStatus, Detail, Evidence, FactValue } from '../../../shared/host/report'
import { CHECK_TITLES } from '../../../shared/host/check-titles'

/** Bilingual text, Chinese first. */
export function L(zhCN: string, en: string): Localized {
  return { 'zh-CN': zhCN, en }
}

export function detail(zhCN: string, en: string, value: string | number | boolean | null | undefined): Detail {
  return { label: L(zhCN, en), value: value === null || value === undefined ? '—' : String(value) }
}

export interface CheckParts {
  summary: Localized
  details?: Detail[]
  evidence?: Evidence[]
  fix?: Localized[]
  facts?: Record<string, FactValue>
}

export function makeCheck(id: CheckId, status: CheckStatus, parts: CheckParts): Check {
  return {
    id,
    status,
    title: CHECK_TITLES[id],
    summary: parts.summary,
    details: parts.details ?? [],
    evidence: parts.evidence ?? [],
    fix: status === 'pass' || status === 'skip' ? [] : parts.fix && parts.fix.length > 0 ? parts.fix : [DEFAULT_FIX],
    facts: parts.facts ?? {},
  }
}

/** The fix of a check that gave none: try again, then hand over a capture (never for pasted output). */
export const DEFAULT_FIX = L(
  '点击“重新检测”再试一次；如果结果不变，保存诊断文件交给老师或助教查看。',
  'Run the check again; if the result stays the same, save a diagnostic capture and give it to your teacher or TA.',
)

export function skip(id: CheckId, summary: Localized, facts: Record<string, FactValue> = {}): Check {
  return makeCheck(id, 'skip', { summary, facts })
}
