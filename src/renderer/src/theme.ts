import type { ThemeConfig } from 'antd'
import type { Locale } from '../../shared/i18n/locale'

const LATIN = '-apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans"'
const CJK = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"'

/**
 * Chinese text wants a CJK font first (full-width punctuation); English text wants a Latin font
 * first, or a CJK fallback draws ’ and “” full-width in the middle of English words.
 */
export function themeFor(locale: Locale): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1f6feb',
      borderRadius: 8,
      fontFamily: locale === 'zh-CN' ? `${CJK}, ${LATIN}, sans-serif` : `${LATIN}, ${CJK}, sans-serif`,
    },
    components: {
      Layout: { headerBg: '#ffffff', bodyBg: '#f5f7fa', siderBg: '#ffffff', footerBg: '#f5f7fa' },
    },
  }
}
