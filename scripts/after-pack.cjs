// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// https://www.electronjs.org/docs/latest/tutorial/fuses
const path = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

/** The fuses every build ships with. */
const FUSES = {
  version: FuseVersion.V1,
  // No `ELECTRON_RUN_AS_NODE=1 VirtLab.exe evil.js`: the signed binary is not a general Node.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium secrets encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS, --inspect and friends cannot inject code or a debugger.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at build time, and is the only app that loads.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, so file:// needs none of its old extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** The Electron binary inside electron-builder's output folder for one platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`)
  return path.join(appOutDir, packager.executableName)
}

async function afterPack(context) {
  const binary = electronBinary(context)
  // Flipping fuses invalidates an ad-hoc macOS signature (arm64); electron-builder signs after this hook.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3 /* Arch.arm64 */
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature })
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.FUSES = FUSES
module.exports.electronBinary = electronBinary
