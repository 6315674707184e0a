import type { ThemeConfig } from 'antd'
import type { Locale } from '../../shared/i18n/locale'

const LATIN = '-apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans"'
const CJK = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"'

/**
 * The colours every page uses, chosen for WCAG 2.1 AA: text ≥ 4.5:1 on white, on the page
 * background (#f5f7fa) and on the tinted tag/selection backgrounds; UI parts ≥ 3:1.
 * (Contrast on white: primary 5.9, secondary 7.0, success 5.6, warning 6.3, error 6.0.)
 * styles.css uses the same values as CSS variables.
 */
export const COLORS = {
  primary: '#1a5fd0',
  text: '#1f2328',
  secondary: '#595959',
  placeholder: '#6b6b6b',
  success: '#237804',
  warning: '#8a5300',
  error: '#c4161c',
  pageBg: '#f5f7fa',
  border: '#d0d7de',
  focus: '#1a5fd0',
} as const

/**
 * Chinese text wants a CJK font first (full-width punctuation); English text wants a Latin font
 * first, or a CJK fallback draws ’ and “” full-width in the middle of English words.
 */
export function themeFor(locale: Locale, reducedMotion = false): ThemeConfig {
  return {
    token: {
      colorPrimary: COLORS.primary,
      colorLink: COLORS.primary,
      colorInfo: COLORS.primary,
      colorSuccess: COLORS.success,
      colorWarning: COLORS.warning,
      colorError: COLORS.error,
      // Status tags and alerts write their text in these: keep them at text contrast.
      colorSuccessText: COLORS.success,
      colorWarningText: COLORS.warning,
      colorErrorText: COLORS.error,
      colorInfoText: COLORS.primary,
      // Tinted backgrounds picked by hand: derived from the dark text colours they come out grey.
      colorSuccessBg: '#f0f9eb',
      colorSuccessBorder: '#a6d68a',
      colorWarningBg: '#fff8e6',
      colorWarningBorder: '#efc26b',
      colorErrorBg: '#fff1f0',
      colorErrorBorder: '#f2a3a0',
      colorInfoBg: '#eef4fd',
      colorInfoBorder: '#a9c4f0',
      colorPrimaryBg: '#eef4fd',
      // Hover and pressed stay dark enough for white text (≥ 4.5:1).
      colorPrimaryHover: '#1550b3',
      colorPrimaryActive: '#0f4296',
      colorLinkHover: '#1550b3',
      colorLinkActive: '#0f4296',
      colorText: COLORS.text,
      colorTextSecondary: COLORS.secondary,
      colorTextTertiary: COLORS.secondary,
      colorTextDescription: COLORS.secondary,
      colorTextLabel: COLORS.secondary,
      colorTextHeading: COLORS.text,
      colorTextPlaceholder: COLORS.placeholder,
      colorTextQuaternary: COLORS.placeholder,
      colorIcon: COLORS.secondary,
      borderRadius: 8,
      lineWidthFocus: 3,
      // prefers-reduced-motion: antd's open/close and hover animations off.
      motion: !reducedMotion,
      fontFamily: locale === 'zh-CN' ? `${CJK}, ${LATIN}, sans-serif` : `${LATIN}, ${CJK}, sans-serif`,
    },
    components: {
      Layout: { headerBg: '#ffffff', bodyBg: COLORS.pageBg, siderBg: '#ffffff', footerBg: COLORS.pageBg },
      Menu: { itemSelectedColor: '#0f4aa8', itemSelectedBg: '#e8f0fe', itemColor: COLORS.text },
      Steps: { colorTextDescription: COLORS.secondary },
      Tag: { defaultColor: COLORS.text },
    },
  }
}
