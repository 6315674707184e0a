/** Waits between attempts when a write is refused for a moment (antivirus, indexer): about 1 s in all. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [20, 60, 150, 300, 500]

/** Runs `task`, retrying retryable failures after each delay in turn; the last failure is thrown. */
export async function withRetry<T>(
  task: () => Promise<T>,
  options: { retryable: (error: unknown) => boolean; delaysMs?: readonly number[]; onRetry?: (error: unknown, attempt: number) => void },
): Promise<T> {
  const delays = options.delaysMs ?? DEFAULT_RETRY_DELAYS_MS
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await task()
    } catch (error) {
      const delay = delays[attempt]
      if (delay === undefined || !options.retryable(error)) throw error
      options.onRetry?.(error, attempt + 1)
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}
