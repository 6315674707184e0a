import { defineMessages } from '../define'

export const settingsMessages = defineMessages(
  {
    title: '设置',
    language: {
      label: '界面语言',
      help: '默认跟随操作系统：中文系统显示中文，其他显示英文。',
      system: '跟随系统（{current}）',
      zhCN: '简体中文',
      en: 'English',
    },
    saved: '已保存',
    saveFailed: '保存失败：{reason}',
    settingsRecovered: '设置文件已损坏，已另存为 {path}，现使用默认设置。',
    settingsReadOnly: '设置文件 {path} 无法使用，也无法移到一旁。本次使用默认设置，修改不会被保存。',
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
    settingsReadOnly: 'The settings file {path} cannot be used and could not be moved aside. Defaults are in use this time and changes are not saved.',
    about: {
      title: 'About',
      version: 'Version',
      platform: 'Platform',
      electron: 'Electron',
      none: '(not running inside Electron)',
    },
  },
)
