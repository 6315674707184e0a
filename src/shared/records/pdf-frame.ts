import type { Locale } from '../i18n/locale'

/**
 * The header and footer Chromium prints on every page of the PDF report (printToPDF's
 * headerTemplate / footerTemplate; Playwright's page.pdf takes the same): the student's name and
 * number on the left, the page number on the right. Chromium fills the `pageNumber` and
 * `totalPages` spans. Pure: the student's text is HTML-escaped here.
 */
export interface PdfFrame {
  readonly displayHeaderFooter: true
  readonly headerTemplate: string
  readonly footerTemplate: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "DejaVu Sans", sans-serif'
const BOX = `font-family: ${FONT}; font-size: 8.5px; color: #404040; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;`

const WORDS: Record<Locale, { title: string; page: string }> = {
  'zh-CN': { title: '虚拟化实验报告', page: '第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页' },
  en: { title: 'Virtualization lab report', page: 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>' },
}

export function pdfFrame(student: { name: string; studentNumber: string; course: string }, locale: Locale): PdfFrame {
  const w = WORDS[locale]
  const who = `${escapeHtml(student.name)} · ${escapeHtml(student.studentNumber)}`
  return {
    displayHeaderFooter: true,
    headerTemplate: `<div style='${BOX}'><span>${escapeHtml(student.course)} · ${w.title}</span><span>${who}</span></div>`,
    footerTemplate: `<div style='${BOX}'><span>${who}</span><span>${w.page}</span></div>`,
  }
}
