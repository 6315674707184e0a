import type { Localized } from '../../shared/i18n/locale'
import type { FirmwareGuide } from '../../shared/host/report'

interface Brand {
  brand: string
  match: RegExp
  keys: string[]
  menuPath: Localized
  note: Localized
}

const ADVANCED_STARTUP: Localized = {
  'zh-CN': '如果按键来不及：在 Windows 中打开 设置 → 系统 → 恢复 → 高级启动 →“立即重新启动”，再选 疑难解答 → 高级选项 → UEFI 固件设置。',
  en: 'If the key is hard to catch: in Windows open Settings → System → Recovery → Advanced startup → Restart now, then Troubleshoot → Advanced options → UEFI Firmware Settings.',
}

const BRANDS: Brand[] = [
  {
    brand: 'Lenovo ThinkPad',
    match: /thinkpad/i,
    keys: ['F1', 'Enter → F1'],
    menuPath: { 'zh-CN': 'Security → Virtualization → Intel Virtualization Technology', en: 'Security → Virtualization → Intel Virtualization Technology' },
    note: { 'zh-CN': '开机看到红色 ThinkPad 标志时按 F1，或先按 Enter 再按 F1。', en: 'Press F1 at the red ThinkPad logo, or Enter and then F1.' },
  },
  {
    brand: 'Lenovo',
    match: /lenovo|legion|ideapad|yoga|xiaoxin|小新|拯救者/i,
    keys: ['F2', 'Fn+F2', 'Novo'],
    menuPath: { 'zh-CN': 'Configuration → Intel Virtual Technology（AMD 机型为 AMD SVM Technology）', en: 'Configuration → Intel Virtual Technology (AMD models: AMD SVM Technology)' },
    note: { 'zh-CN': '很多联想笔记本在侧面有一个小孔（Novo 键），关机状态下用针按一下，选 BIOS Setup。', en: 'Many Lenovo laptops have a pin-hole Novo button on the side: press it while powered off and choose BIOS Setup.' },
  },
  {
    brand: 'HP',
    match: /\bhp\b|hewlett|omen|victus|pavilion|elitebook|probook|envy/i,
    keys: ['Esc → F10', 'F10'],
    menuPath: { 'zh-CN': 'System Configuration（系统配置）→ Virtualization Technology', en: 'System Configuration → Virtualization Technology' },
    note: { 'zh-CN': '开机时连续按 Esc 打开启动菜单，再按 F10 进入 BIOS 设置。', en: 'Tap Esc at power-on for the startup menu, then F10 for BIOS setup.' },
  },
  {
    brand: 'Dell',
    match: /dell|alienware|inspiron|latitude|vostro|xps/i,
    keys: ['F2'],
    menuPath: { 'zh-CN': 'Virtualization Support → Virtualization（新款为 Advanced → Virtualization）', en: 'Virtualization Support → Virtualization (newer models: Advanced → Virtualization)' },
    note: { 'zh-CN': '出现 Dell 标志时按 F2。', en: 'Press F2 at the Dell logo.' },
  },
  {
    brand: 'ASUS',
    match: /asus|rog|tuf|vivobook|zenbook|华硕/i,
    keys: ['F2', 'Del'],
    menuPath: { 'zh-CN': 'Advanced → CPU Configuration → Intel Virtualization Technology 或 SVM Mode（EZ 模式下先按 F7 进入 Advanced）', en: 'Advanced → CPU Configuration → Intel Virtualization Technology or SVM Mode (in EZ Mode press F7 for Advanced first)' },
    note: { 'zh-CN': '笔记本按住 F2 再开机；台式机主板按 Del。', en: 'Laptops: hold F2 while powering on; desktop boards: Del.' },
  },
  {
    brand: 'Acer',
    match: /acer|predator|nitro|aspire|swift/i,
    keys: ['F2'],
    menuPath: { 'zh-CN': 'Advanced（或 Main）→ Intel Virtualization Technology / AMD-V', en: 'Advanced (or Main) → Intel Virtualization Technology / AMD-V' },
    note: { 'zh-CN': '部分机型要先在 Security 中设置管理员密码，Advanced 选项才会出现。', en: 'On some models the Advanced options appear only after setting a supervisor password under Security.' },
  },
  {
    brand: 'Huawei',
    match: /huawei|matebook|华为/i,
    keys: ['F2'],
    menuPath: { 'zh-CN': 'Configuration（配置）→ Virtualization Technology', en: 'Configuration → Virtualization Technology' },
    note: { 'zh-CN': '开机出现华为标志时连续按 F2。', en: 'Tap F2 at the Huawei logo.' },
  },
  {
    brand: 'Honor',
    match: /honor|荣耀|magicbook/i,
    keys: ['F2'],
    menuPath: { 'zh-CN': 'Configuration（配置）→ Virtualization Technology', en: 'Configuration → Virtualization Technology' },
    note: { 'zh-CN': '开机出现荣耀标志时连续按 F2。', en: 'Tap F2 at the Honor logo.' },
  },
  {
    brand: 'Xiaomi / Redmi',
    match: /xiaomi|redmi|timi|小米/i,
    keys: ['F2'],
    menuPath: { 'zh-CN': 'Configuration / Advanced → Intel Virtualization Technology 或 SVM', en: 'Configuration / Advanced → Intel Virtualization Technology or SVM' },
    note: { 'zh-CN': '小米笔记本的制造商有时显示为 TIMI。开机时连续按 F2。', en: 'Xiaomi laptops sometimes report their maker as TIMI. Tap F2 at power-on.' },
  },
  {
    brand: 'MSI',
    match: /micro-star|\bmsi\b|微星/i,
    keys: ['Del', 'F2'],
    menuPath: { 'zh-CN': 'OC（或 Advanced）→ CPU Features → Intel Virtualization Tech / SVM Mode', en: 'OC (or Advanced) → CPU Features → Intel Virtualization Tech / SVM Mode' },
    note: { 'zh-CN': '开机时连续按 Del。', en: 'Tap Del at power-on.' },
  },
  {
    brand: 'Microsoft Surface',
    match: /surface|microsoft corporation/i,
    keys: ['Volume Up + Power'],
    menuPath: { 'zh-CN': 'Surface UEFI 中虚拟化通常默认开启；检查 Security / Devices 页面', en: 'Virtualization is usually on by default in Surface UEFI; check the Security / Devices pages' },
    note: { 'zh-CN': '关机后按住音量加键，再按一下电源键，看到 Surface 标志后松开音量键。', en: 'With the Surface off, hold Volume Up, press and release Power, and let go of Volume Up at the Surface logo.' },
  },
]

const GENERIC: Brand = {
  brand: 'Generic',
  match: /.*/,
  keys: ['F2', 'Del', 'F10', 'F1', 'Esc'],
  menuPath: {
    'zh-CN': 'Advanced / CPU Configuration / Security 等页面中的“Intel Virtualization Technology”“VT-x”“SVM Mode”“AMD-V”',
    en: '“Intel Virtualization Technology”, “VT-x”, “SVM Mode” or “AMD-V” under Advanced / CPU Configuration / Security',
  },
  note: { 'zh-CN': '开机画面通常会提示进入 Setup 的按键。', en: 'The power-on screen usually names the key for Setup.' },
}

/** BIOS/UEFI guidance for this computer, from its maker and model. */
/** Linux reaches the firmware setup with systemd (UEFI boot only); the Windows route does not apply there. */
const LINUX_FIRMWARE_SETUP: Localized = {
  'zh-CN': '如果按键来不及：在 Linux 中运行 sudo systemctl reboot --firmware-setup，电脑会重启并直接进入 UEFI 设置（仅限 UEFI 启动的电脑）。',
  en: 'If the key is hard to catch: in Linux run sudo systemctl reboot --firmware-setup to restart straight into UEFI setup (UEFI-booted computers only).',
}

export function firmwareGuide(manufacturer: string, model: string, vendor: 'intel' | 'amd' | string | null, platform = 'win32'): FirmwareGuide {
  const text = `${manufacturer} ${model}`
  const found = BRANDS.find((b) => b.match.test(text)) ?? GENERIC
  const route = platform === 'linux' ? LINUX_FIRMWARE_SETUP : ADVANCED_STARTUP
  const settingNames =
    vendor === 'amd'
      ? ['SVM Mode', 'AMD-V', 'AMD SVM Technology', 'Virtualization']
      : vendor === 'intel'
        ? ['Intel Virtualization Technology', 'Intel VT-x', 'Intel Virtual Technology', 'Virtualization Technology']
        : ['Intel Virtualization Technology', 'VT-x', 'SVM Mode', 'AMD-V']
  return {
    brand: found.brand,
    keys: found.keys,
    menuPath: found.menuPath,
    settingNames,
    note: { 'zh-CN': `${found.note['zh-CN']}${route['zh-CN']}`, en: `${found.note.en} ${route.en}` },
  }
}
