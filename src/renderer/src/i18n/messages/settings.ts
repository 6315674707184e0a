import { defineMessages } from '../define'

export const settingsMessages = defineMessages(
  {
    title: '设置',
    language: {
      label: '界面语言',
      help: '默认跟着电脑的系统语言走：中文系统显示中文，其他显示英文。',
      system: '跟随系统（{current}）',
      zhCN: '简体中文',
      en: 'English',
    },
    saved: '已保存',
    saveFailed: '保存失败：{reason}',
    settingsRecovered: '设置文件已损坏，已另存为 {path}，现使用默认设置。',
    about: {
      title: '关于',
      version: '版本',
      platform: '平台',
      electron: 'Electron',
      none: '（未在 Electron 中运行）',
    },
  },
  {
    title: 'Settings',
    language: {
      label: 'Interface language',
      help: 'By default the app follows your OS: Chinese on a Chinese system, English otherwise.',
      system: 'Follow the system ({current})',
      zhCN: '简体中文',
      en: 'English',
    },
    saved: 'Saved',
    saveFailed: 'Could not save: {reason}',
    settingsRecovered: 'The settings file was damaged; it was kept as {path} and defaults are in use.',
    about: {
      title: 'About',
      version: 'Version',
      platform: 'Platform',
      electron: 'Electron',
      none: '(not running inside Electron)',
    },
  },
)
