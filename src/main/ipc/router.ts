import type { z } from 'zod'
import type { ContractShape } from '../../shared/ipc/define'
import { channelName } from '../../shared/ipc/channels'
import { IpcError } from '../../shared/ipc/errors'
import type { Logger } from '../logging/logger'

/** Service functions behind each channel: they receive parsed arguments and return the raw result. */
export type HandlersOf<C extends ContractShape> = {
  readonly [NS in keyof C]: {
    readonly [M in keyof C[NS]]: (
      ...args: z.output<C[NS][M]['args']> extends unknown[] ? z.output<C[NS][M]['args']> : never
    ) => Promise<z.input<C[NS][M]['result']>> | z.input<C[NS][M]['result']>
  }
}

export interface Router {
  /** Validates the arguments, runs the handler, validates the result. Throws IpcError. */
  invoke(channel: string, args: unknown): Promise<unknown>
  readonly channels: readonly string[]
}

type AnyHandler = (...args: unknown[]) => unknown

/**
 * Dispatches channel → service without importing Electron, so tests (and the end-to-end harness)
 * drive exactly what the app runs.
 */
export function createRouter<C extends ContractShape>(contract: C, handlers: HandlersOf<C>, logger: Logger): Router {
  const table = new Map<string, { spec: C[string][string]; handler: AnyHandler }>()
  for (const [ns, methods] of Object.entries(contract)) {
    const group = (handlers as Record<string, Record<string, AnyHandler>>)[ns]
    for (const [method, spec] of Object.entries(methods)) {
      const handler = group?.[method]
      if (typeof handler !== 'function') throw new Error(`No handler for ${channelName(ns, method)}`)
      table.set(channelName(ns, method), { spec: spec as C[string][string], handler })
    }
  }

  return {
    channels: [...table.keys()],
    async invoke(channel, args) {
      const entry = table.get(channel)
      if (!entry) throw new IpcError('unknown-channel', `No such channel: ${String(channel).slice(0, 100)}`)
      const parsedArgs = entry.spec.args.safeParse(args)
      if (!parsedArgs.success) {
        logger.warn(`IPC ${channel}: rejected arguments`, parsedArgs.error.issues)
        throw new IpcError('bad-arguments', `${channel}: ${summarizeIssues(parsedArgs.error)}`)
      }
      let raw: unknown
      try {
        raw = await entry.handler(...(parsedArgs.data as unknown[]))
      } catch (error) {
        if (error instanceof IpcError) throw error
        logger.error(`IPC ${channel}: handler failed`, error)
        throw new IpcError('internal', error instanceof Error ? error.message : String(error))
      }
      const parsedResult = entry.spec.result.safeParse(raw)
      if (!parsedResult.success) {
        logger.error(`IPC ${channel}: handler returned a result outside the contract`, parsedResult.error.issues)
        throw new IpcError('bad-result', `${channel}: ${summarizeIssues(parsedResult.error)}`)
      }
      return parsedResult.data
    },
  }
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
}
