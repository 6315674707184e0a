/** Tools students run for other emulators: HAXM's checktool, emulator -accel-check, VBoxManage, wsl.exe. */
import { parseAccelCheck, parseHaxmCheck, parseVBoxHostinfo, parseWslList } from '../../interpret/pasted-tools'
import { lines } from '../../interpret/text'
import { formatList, type Recognition, type Recognizer } from './types'

function recognizeWsl(text: string): Recognition | null {
  const list = parseWslList(text)
  const status = /^\s*(Default (Distribution|Version)|默认(分发|版本)|預設(發行版本|版本)|既定の(ディストリビューション|バージョン))\s*[:：]/im.test(text)
  // `wsl --version` in any UI language: the component names WSLg, MSRDC, Direct3D and DXCore are never
  // translated ("WSLg-Version:", "WSLg 版本：", "Version de WSLg :"), so two of them are enough.
  const components = lines(text).filter((l) => /^\s*(?:[^:：]{0,24}\b)?(WSLg|MSRDC|Direct3D|DXCore)\b[^:：]{0,24}[:：]\s*\d/.test(l)).length
  const version = components >= 2 || /^\s*(WSL (version|版本)|WSL 版本|Kernel version|内核版本|核心版本|WSLg (version|版本))\s*[:：]/im.test(text)
  const error = /Please enable the Virtual Machine Platform|请启用虚拟机平台|WSL 2 requires an update to its kernel component|WslRegisterDistribution failed|HCS_E_HYPERV_NOT_INSTALLED|Wsl\/Service\/CreateInstance/i.test(text)
  // `wsl -l` before WSL 2 (one name a line under a header, "(默认)"/"(Default)" on one), and old wsl.exe's usage text.
  const legacy =
    /^\s*(Windows Subsystem for Linux Distributions|适用于 Linux 的 Windows 子系统|適用於 Linux 的 Windows 子系統|Linux 用 Windows サブシステム ディストリビューション)\s*[:：]\s*$/m.test(text) ||
    /^\s*(Usage|用法|使用|使い方|Verwendung|Utilisation|Uso)\s*[:：]\s*wsl(\.exe)?\s/m.test(text)
  if (list.length === 0 && !status && !version && !error && !legacy) return null
  const probes: Record<string, string> = {
    'paste.wsl': lines(text).filter((l) => l.trim() !== '').slice(0, 40).join('\n'),
  }
  if (list.length > 0)
    probes['win.wsl'] = ['# derived from a pasted wsl -l -v', ...list.map((d) => formatList(`${d.name}`, { DistributionName: d.name, Version: d.version })!.split('\n').slice(1).join('\n'))].join('\n\n')
  const arch = /x64|amd64/i.test(text) ? 'x64' : null
  return { kind: 'wsl', platform: 'win32', arch, probes }
}

export const devToolsRecognizer: Recognizer = {
  kinds: ['haxm-check', 'emulator-accel-check', 'vboxmanage', 'wsl'],
  recognize(segment) {
    const out: Recognition[] = []
    const text = segment.text
    const haxm = parseHaxmCheck(text)
    if (haxm.lines.length >= 3)
      out.push({ kind: 'haxm-check', platform: 'win32', arch: /x86_64/.test(text) ? 'x64' : null, probes: { 'paste.haxm-check': haxm.lines.join('\n') } })
    if (/^\s*accel:?\s*$/im.test(text) || /-accel-check/.test(segment.command ?? '') || /(HAXM|WHPX|KVM|AEHD|GVM).{0,40}is installed and usable|VT feature disabled in BIOS\/UEFI/i.test(text)) {
      const accel = parseAccelCheck(text)
      if (accel.lines.length > 0 || /^\s*accel:?\s*$/im.test(text)) {
        const linux = /\bKVM\b|\/dev\/kvm/.test(text)
        const body = lines(text).filter((l) => l.trim() !== '' && !/^\s*\$/.test(l)).join('\n')
        out.push({ kind: 'emulator-accel-check', platform: linux ? 'linux' : /WHPX|HAXM|AEHD|Hyper-V/i.test(text) ? 'win32' : null, arch: null, probes: { 'paste.emulator-accel-check': body } })
      }
    }
    const vbox = parseVBoxHostinfo(text)
    if (vbox.lines.length > 0 || /^\s*Host Information:\s*$/m.test(text) || (/^\s*API version:/m.test(text) && /Minimum guest RAM size:/m.test(text))) {
      const os = /^\s*Operating system:\s*(\S+)/m.exec(text)?.[1] ?? ''
      out.push({
        kind: 'vboxmanage',
        platform: /windows/i.test(os) ? 'win32' : /linux/i.test(os) ? 'linux' : /darwin|mac/i.test(os) ? 'darwin' : null,
        arch: null,
        probes: { 'paste.vboxmanage': lines(text).filter((l) => /:/.test(l)).join('\n') },
      })
    }
    const wsl = recognizeWsl(text)
    if (wsl) out.push(wsl)
    return out
  },
}
