// Types for scripts/test-env.mjs (plain Node, run before anything is built).
export function electronBinary(root: string): string | null
export function usualBrowserPaths(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string[]
export interface PreparedTestEnvironment {
  readonly error?: undefined
  readonly e2e: { readonly mode: 'electron' | 'chromium'; readonly path: string }
  readonly env: Record<string, string>
  readonly notes: string[]
}
export function prepareTestEnvironment(root: string, log?: (line: string) => void): PreparedTestEnvironment | { readonly error: string }
