import type { Screen } from './screens.mjs'
export function drawScreen(spec: Screen, locale: 'zh-CN' | 'en'): string
export function textWidth(text: string, size: number): number
export function tr(text: string | { 'zh-CN': string; en: string } | undefined, locale: 'zh-CN' | 'en'): string
