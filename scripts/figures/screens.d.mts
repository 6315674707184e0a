export interface Screen {
  readonly lab: string
  readonly name: string
  readonly title: { 'zh-CN': string; en: string }
  readonly kind?: 'anaconda' | 'boot'
  readonly nativeNames?: boolean
  readonly [key: string]: unknown
}
export const SCREENS: readonly Screen[]
