import { createContext, useContext } from 'react'
import type { AppInfo, SettingsState } from '../../../shared/app/app-info'
import type { SettingsPatch } from '../../../shared/settings/settings'

export interface AppState {
  readonly info: AppInfo
  readonly settings: SettingsState
  readonly updateSettings: (patch: SettingsPatch) => Promise<void>
}

export const AppStateContext = createContext<AppState | null>(null)

export function useAppState(): AppState {
  const state = useContext(AppStateContext)
  if (!state) throw new Error('useAppState outside AppStateContext')
  return state
}
