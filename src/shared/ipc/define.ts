import { type z } from 'zod'

/** One request/response channel: zod schemas for its arguments (a tuple) and its result. */
export interface ChannelSpec<A extends z.ZodTuple = z.ZodTuple, R extends z.ZodType = z.ZodType> {
  readonly args: A
  readonly result: R
}

export function channel<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R): ChannelSpec<A, R> {
  return { args, result }
}

export type ContractShape = Record<string, Record<string, ChannelSpec>>

/** The renderer-facing API derived from a contract: one async function per channel. */
export type ApiOf<C extends ContractShape> = {
  readonly [NS in keyof C]: {
    readonly [M in keyof C[NS]]: (
      ...args: z.input<C[NS][M]['args']> extends unknown[] ? z.input<C[NS][M]['args']> : never
    ) => Promise<z.output<C[NS][M]['result']>>
  }
}

/** Type-level: the channel-name table lists exactly the contract's channels. */
export type NamesOf<C extends ContractShape> = { readonly [NS in keyof C]: readonly (keyof C[NS] & string)[] }
