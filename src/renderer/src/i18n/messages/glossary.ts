import { defineMessages } from '../define'

export const glossaryMessages = defineMessages(
  {
    intro: '课程和实验里用到的术语，每个都有中英文名称和一句话解释。正文中带下划线的术语可以悬停查看解释，点击来到这里。',
    search: '搜索术语（中文、英文或缩写）',
    count: '共 {count} 个术语',
    matches: '找到 {count} 个',
    none: '没有找到与“{query}”相关的术语。',
    taughtIn: '在哪里学到：',
    lesson: '课程：{title}',
    lab: '实验：{title}',
    alsoCalled: '也写作：',
    loadFailed: '术语表加载失败：{reason}',
    openInGlossary: '在术语表中查看',
  },
  {
    intro: 'The terms the lessons and labs use, each with its Chinese and English name and a one-line explanation. Underlined terms in the text show their explanation on hover and lead here when clicked.',
    search: 'Search terms (Chinese, English or abbreviation)',
    count: '{count} terms',
    matches: '{count} found',
    none: 'No term matches “{query}”.',
    taughtIn: 'Taught in:',
    lesson: 'Lesson: {title}',
    lab: 'Lab: {title}',
    alsoCalled: 'Also written:',
    loadFailed: 'The glossary could not be loaded: {reason}',
    openInGlossary: 'Open in the glossary',
  },
)
