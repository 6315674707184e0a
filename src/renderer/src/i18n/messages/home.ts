import { defineMessages } from '../define'

export const homeMessages = defineMessages(
  {
    title: '欢迎使用虚拟化实验助手',
    intro:
      '本课程的实验需要在自己的电脑上运行 VMware Workstation Pro。按下面的顺序来：先确认电脑支持硬件虚拟化，再逐个完成四个演示实验，最后把实验报告交给老师。',
    steps: {
      host: { title: '检测主机', body: 'CPU、固件和 Windows 虚拟化设置是否就绪' },
      labs: { title: '完成实验', body: '安装、网络配置、创建虚拟机、安装系统' },
      lessons: { title: '学习课程', body: '八节短课，每节带互动图和小测验' },
      records: { title: '提交报告', body: '导出可校验的实验报告交给老师' },
    },
    start: '开始检测',
    fixIt: '去处理',
    firstFixLabel: '先做这一步：',
    nextLab: '下一个：实验 {n}“{title}”',
    openLab: '继续实验 {n}',
    openLessons: '打开课程',
    openRecords: '打开学习记录',
    openLabs: '进入实验',
    machine: '本机',
    version: '版本 {version}',
    lastCheck: '上次主机检测',
    noCheck: '还没有检测过这台电脑。',
    viewCheck: '查看详情',
    progress: {
      host: '上次结论：{verdict}',
      labs: '已完成 {done}/{total} 个实验',
      lessons: '已做 {done}/{total} 节课的测验',
      records: '准备好后在“学习记录”导出报告',
    },
  },
  {
    title: 'Welcome to VirtLab Companion',
    intro:
      'The labs in this course run VMware Workstation Pro on your own computer. Go in this order: make sure your computer supports hardware virtualization, work through the four demos, then hand your lab report to your teacher.',
    steps: {
      host: { title: 'Check your host', body: 'Is the CPU, firmware and Windows set up for virtualization?' },
      labs: { title: 'Do the labs', body: 'Install, configure networks, create a VM, install an OS' },
      lessons: { title: 'Study the lessons', body: 'Eight short lessons, each with a diagram to play with and a quiz' },
      records: { title: 'Hand in your report', body: 'Export a verifiable lab report for your teacher' },
    },
    start: 'Start the check',
    fixIt: 'Fix it',
    firstFixLabel: 'Do this first: ',
    nextLab: 'Next: Lab {n} “{title}”',
    openLab: 'Go to Lab {n}',
    openLessons: 'Open the lessons',
    openRecords: 'Open Records',
    openLabs: 'Open the labs',
    machine: 'This computer',
    version: 'Version {version}',
    lastCheck: 'Last host check',
    noCheck: 'This computer has not been checked yet.',
    viewCheck: 'See details',
    progress: {
      host: 'Last verdict: {verdict}',
      labs: '{done} of {total} labs completed',
      lessons: 'Quizzes taken in {done} of {total} lessons',
      records: 'When ready, export your report under Records',
    },
  },
)
