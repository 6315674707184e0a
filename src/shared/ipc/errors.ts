/**
 * Errors that cross the IPC boundary. Electron flattens thrown errors to a message string, so the
 * code travels inside the message as a prefix that the renderer client parses back.
 */
export const IPC_ERROR_CODES = [
  'bad-arguments',
  'bad-result',
  'unknown-channel',
  'forbidden-sender',
  'not-found',
  'invalid-input',
  'io-error',
  'internal',
] as const
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number]

export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(`[${code}] ${message}`)
    this.name = 'IpcError'
  }
}

const PREFIX = /\[(bad-arguments|bad-result|unknown-channel|forbidden-sender|not-found|invalid-input|io-error|internal)\]\s*(.*)$/s

/** Recovers the code and the plain message from an error that crossed IPC. */
export function parseIpcError(error: unknown): { code: IpcErrorCode; message: string } {
  const text = error instanceof Error ? error.message : String(error)
  const match = PREFIX.exec(text)
  if (match) return { code: match[1] as IpcErrorCode, message: match[2] ?? '' }
  return { code: 'internal', message: text }
}
