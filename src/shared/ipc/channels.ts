/**
 * The names of every IPC channel, by namespace. Kept apart from the zod schemas so the preload
 * bridge can be built from it without bundling zod. `contract.ts` checks at compile time that
 * this list and the schemas name exactly the same channels.
 */
export const CHANNELS = {
  app: ['info', 'openExternal', 'reportError'],
  settings: ['get', 'update'],
  host: ['runCheck', 'saveCapture', 'lastReport', 'pickVmx', 'replayCapture'],
  lessons: ['list', 'get', 'checkAnswer', 'submitQuiz'],
  glossary: ['get'],
  labs: ['list', 'get', 'verifyStep', 'figure'],
  records: [
    'overview',
    'setProfile',
    'report',
    'exportJson',
    'exportPdf',
    'exportXapi',
    'importReports',
    'pickReports',
    'classView',
    'classReport',
    'clearClass',
    'exportClassCsv',
  ],
} as const

/** Events main sends to the renderer (one-way). */
export const EVENTS = ['host:progress'] as const

export type Namespace = keyof typeof CHANNELS
export type MethodOf<N extends Namespace> = (typeof CHANNELS)[N][number]
export type EventName = (typeof EVENTS)[number]

export function channelName(ns: string, method: string): string {
  return `${ns}:${method}`
}
