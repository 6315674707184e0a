import { defineMessages } from '../define'

export const shellMessages = defineMessages(
  {
    appName: '虚拟化实验助手',
    appSubtitle: 'VirtLab Companion',
    nav: {
      home: '首页',
      host: '主机检测',
      labs: '实验',
      lessons: '课程',
      glossary: '术语表',
      records: '学习记录',
      settings: '设置',
      teacher: '教师视图',
    },
    language: '语言',
    loading: '正在加载…',
    placeholder: {
      title: '此页面将在后续版本中提供',
      body: '“{page}”功能正在开发中，当前版本仅提供页面框架。',
    },
    crash: {
      title: '程序遇到意外错误',
      intro: '下面是错误详情。可以复制后发给老师或助教，应用日志中也已记录。',
      copy: '复制详情',
      copied: '已复制',
      reload: '重新加载页面',
      close: '关闭',
    },
    bridgeMissing: '无法连接到应用主进程（预加载桥接未加载）。',
    footer: '本应用仅读取本机信息，不会上传任何数据。',
  },
  {
    appName: 'VirtLab Companion',
    appSubtitle: '虚拟化实验助手',
    nav: {
      home: 'Home',
      host: 'Host check',
      labs: 'Labs',
      lessons: 'Lessons',
      glossary: 'Glossary',
      records: 'Records',
      settings: 'Settings',
      teacher: 'Teacher view',
    },
    language: 'Language',
    loading: 'Loading…',
    placeholder: {
      title: 'This page comes in a later version',
      body: 'The “{page}” feature is still being built; this version only has the page frame.',
    },
    crash: {
      title: 'The app hit an unexpected error',
      intro: 'The details are below. Copy them for your teacher or TA; they are also in the app log.',
      copy: 'Copy details',
      copied: 'Copied',
      reload: 'Reload the page',
      close: 'Close',
    },
    bridgeMissing: 'Cannot reach the app’s main process (the preload bridge did not load).',
    footer: 'This app only reads this computer; it uploads nothing.',
  },
)
