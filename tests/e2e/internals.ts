import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { NAMED_PROBE_IDS, PER_ITEM_PROBE_PREFIXES } from '../../src/shared/host/evidence-labels'
import { CHECK_IDS } from '../../src/shared/host/report'

/**
 * Internals that must never reach a person: check ids, probe ids (raw evidence is named by its
 * source: "systeminfo 的输出", "/proc/cpuinfo"), fact paths in `a.b` form, regex literals.
 */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, (c) => `\\${c}`)
// (`memory` and `disk` are plain words; only the dotted ids give internals away.)
const DOTTED = CHECK_IDS.filter((id) => id.includes('.'))
const CHECK_ID = new RegExp(`(^|[^\\w.])(${DOTTED.map(escape).join('|')})(?![\\w-])`)
// `vmware.log` alone is a file name a person knows; `vmware.log:<path>` is the engine's.
const PROBE_ID = new RegExp(`(^|[^\\w.])(${NAMED_PROBE_IDS.map(escape).join('|')})(?![\\w-])|(${PER_ITEM_PROBE_PREFIXES.map(escape).join('|')})(?=\\S)`)
const FACT_PATH = /\b(natRunning|dhcpRunning|authRunning|vmnet8\.[a-z]+|vms\.[a-z]+|installed\b(?= ==)|running\.[a-z]+|facts\.)/
const REGEX_LITERAL = /\/\^|\(\[|\]\)|\|\$\)|\\d|\\s/

/** Fails with the text around the first internal shown anywhere in the page (open drawers and dialogs included). */
export async function assertNoInternals(page: Page, where: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText)
  for (const [what, pattern] of [
    ['check id', CHECK_ID],
    ['probe id', PROBE_ID],
    ['fact path', FACT_PATH],
    ['regex literal', REGEX_LITERAL],
  ] as const) {
    const found = pattern.exec(text)
    expect(found ? text.slice(Math.max(0, found.index - 60), found.index + 60) : null, `${where}: ${what}`).toBeNull()
  }
}

/** Opens every check row inside `scope` (a CSS selector), so their evidence is on the page. Returns how many evidence sources are shown. */
export async function expandAllChecks(page: Page, scope = 'body'): Promise<number> {
  const headers = page.locator(`${scope} [data-testid^="group-"] .ant-collapse-item:not(.ant-collapse-item-active) > .ant-collapse-header[aria-disabled="false"]`)
  for (let n = await headers.count(); n > 0; n = await headers.count()) await headers.first().click()
  return page.locator(`${scope} [data-testid="evidence-source"]`).count()
}
