import { Alert, ConfigProvider, Spin } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { AppInfo, SettingsState } from '../../shared/app/app-info'
import type { Locale } from '../../shared/i18n/locale'
import type { SettingsPatch } from '../../shared/settings/settings'
import { api } from './api/client'
import { AppStateContext, type AppState } from './app/app-state'
import { useRoute, type PageId } from './app/routes'
import { Shell } from './app/Shell'
import { CrashDialog, type CrashInfo } from './components/CrashDialog'
import { ErrorBoundary } from './components/ErrorBoundary'
import { Placeholder } from './components/Placeholder'
import { LocaleContext } from './i18n/locale-context'
import { shellMessages } from './i18n/messages/shell'
import { HomePage } from './pages/HomePage'
import { ProfileGate } from './pages/records/ProfileGate'
import { themeFor } from './theme'
import { useReducedMotion } from './app/motion'

// Route-level code splitting: the first screen (Home) does not wait for the lessons' diagrams, the
// labs, the records or the teacher view; each page's code loads when the student opens it.
const HostPage = lazy(() => import('./pages/host/HostPage').then((m) => ({ default: m.HostPage })))
const LabsPage = lazy(() => import('./pages/labs/LabsPage').then((m) => ({ default: m.LabsPage })))
const LessonsPage = lazy(() => import('./pages/lessons/LessonsPage').then((m) => ({ default: m.LessonsPage })))
const RecordsRoute = lazy(() => import('./pages/records/RecordsPage').then((m) => ({ default: m.RecordsRoute })))
const TeacherPage = lazy(() => import('./pages/teacher/TeacherPage').then((m) => ({ default: m.TeacherPage })))
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })))
// Loaded when first opened.
const GlossaryPage = lazy(() => import('./pages/glossary/GlossaryPage'))

function renderPage(page: PageId, locale: Locale): ReactNode {
  const nav = shellMessages[locale].nav
  switch (page) {
    case 'home':
      return <HomePage />
    case 'host':
      return <HostPage />
    case 'labs':
      return <LabsPage />
    case 'lessons':
      return <LessonsPage />
    case 'glossary':
      return (
        <Suspense fallback={<Spin />}>
          <GlossaryPage />
        </Suspense>
      )
    case 'records':
      return <RecordsRoute />
    case 'teacher':
      return <TeacherPage />
    case 'settings':
      return <SettingsPage />
    default:
      return <Placeholder page={nav[page]} />
  }
}

export function App(): React.JSX.Element {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [settings, setSettings] = useState<SettingsState | null>(null)
  const [crash, setCrash] = useState<CrashInfo | null>(null)
  const [startError, setStartError] = useState<string | null>(null)
  const route = useRoute()

  const reportCrash = useCallback((error: unknown, source: 'error' | 'unhandledrejection' | 'react') => {
    const info: CrashInfo =
      error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) }
    setCrash(info)
    try {
      void api()
        .app.reportError({ message: info.message.slice(0, 10_000), stack: info.stack?.slice(0, 50_000), source })
        .catch(() => undefined)
    } catch {
      /* the bridge itself is missing: the dialog still shows */
    }
  }, [])

  useEffect(() => {
    const onError = (event: ErrorEvent): void => reportCrash(event.error ?? event.message, 'error')
    const onRejection = (event: PromiseRejectionEvent): void => reportCrash(event.reason, 'unhandledrejection')
    window.addEventListener('error', onError)
    window.addEventListener('unhandledrejection', onRejection)
    return () => {
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onRejection)
    }
  }, [reportCrash])

  useEffect(() => {
    Promise.resolve()
      .then(() => Promise.all([api().app.info(), api().settings.get()]))
      .then(([appInfo, state]) => {
        setInfo(appInfo)
        setSettings(state)
      })
      .catch((error: unknown) => setStartError(error instanceof Error ? error.message : String(error)))
  }, [])

  const locale: Locale = settings?.effectiveLocale ?? (navigator.language.startsWith('zh') ? 'zh-CN' : 'en')

  const reducedMotion = useReducedMotion()
  const theme = useMemo(() => themeFor(locale, reducedMotion), [locale, reducedMotion])

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = `${shellMessages[locale].appName} · ${shellMessages[locale].appSubtitle}`
  }, [locale])

  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    setSettings(await api().settings.update(patch))
  }, [])
  const localeState = useMemo(
    () => ({ locale, setLocale: (next: Locale | null) => updateSettings({ locale: next }) }),
    [locale, updateSettings],
  )
  const appState = useMemo<AppState | null>(
    () => (info && settings ? { info, settings, updateSettings } : null),
    [info, settings, updateSettings],
  )

  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <LocaleContext.Provider value={localeState}>
        {startError ? (
          <Alert type="error" showIcon message={shellMessages[locale].bridgeMissing} description={startError} style={{ margin: 24 }} />
        ) : appState ? (
          <AppStateContext.Provider value={appState}>
            <ProfileGate />
            <Shell page={route.page}>
              <ErrorBoundary
                resetKey={`${route.page}/${route.rest.join('/')}`}
                onError={(error) => reportCrash(error, 'react')}
                fallback={<Alert type="error" showIcon message={shellMessages[locale].crash.title} />}
              >
                <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '64px auto' }} data-testid="page-loading" />}>
                  {renderPage(route.page, locale)}
                </Suspense>
              </ErrorBoundary>
            </Shell>
          </AppStateContext.Provider>
        ) : (
          <div className="app-loading">
            <Spin size="large" tip={shellMessages[locale].loading}>
              <div style={{ width: 200, height: 80 }} />
            </Spin>
          </div>
        )}
        <CrashDialog crash={crash} onClose={() => setCrash(null)} />
      </LocaleContext.Provider>
    </ConfigProvider>
  )
}
