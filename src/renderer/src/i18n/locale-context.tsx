import { createContext, useContext } from 'react'
import type { Locale } from '../../../shared/i18n/locale'
import type { SameShape } from './define'

export interface LocaleState {
  readonly locale: Locale
  readonly setLocale: (locale: Locale | null) => Promise<void>
}

export const LocaleContext = createContext<LocaleState>({
  locale: 'zh-CN',
  setLocale: async () => undefined,
})

export function useLocale(): LocaleState {
  return useContext(LocaleContext)
}

/** The current language's half of a message namespace. */
export function useMessages<T>(messages: Record<Locale, SameShape<T>>): SameShape<T> {
  return messages[useLocale().locale]
}
